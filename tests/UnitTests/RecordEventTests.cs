using System.Text.Json;
using CommunitySafety.Contracts;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>
/// Consumers handle the events of one record in order and those of different records in parallel, grouped by
/// <see cref="IRecordEvent.RecordId"/>: an integration event without it would be handled in a random slot, racing the
/// other events of its record.
/// </summary>
public sealed class RecordEventTests
{
    public static TheoryData<Type> IntegrationEvents => new(typeof(IRecordEvent).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace is { } ns
                    && (ns.EndsWith(".Governance", StringComparison.Ordinal) || ns.EndsWith(".Meetings", StringComparison.Ordinal) || ns.EndsWith(".Funding", StringComparison.Ordinal)))
        .ToArray());

    [Theory, MemberData(nameof(IntegrationEvents))]
    public void Every_integration_event_names_the_record_it_is_about(Type type) =>
        Assert.True(typeof(IRecordEvent).IsAssignableFrom(type), $"{type.Name} must implement IRecordEvent");

    [Fact]
    public void Events_of_a_membership_share_its_group_and_the_key_is_not_on_the_wire()
    {
        var (body, membership) = (Guid.NewGuid(), Guid.NewGuid());
        IRecordEvent appointed = new MemberAppointed(body, membership, Guid.NewGuid(), "Jo", MemberRole.Member, DateTimeOffset.UnixEpoch);
        IRecordEvent ended = new MembershipEnded(body, membership, DateTimeOffset.UnixEpoch);
        Assert.Equal(membership, appointed.RecordId);
        Assert.Equal(membership, ended.RecordId);
        Assert.Equal(Guid.Empty.ToString(), ((IRecordEvent)new DecisionRecorded(Guid.Empty, body, body, "t", true, null, [], DateTimeOffset.UnixEpoch)).RecordId.ToString());

        var json = JsonSerializer.Serialize(appointed, appointed.GetType());
        Assert.DoesNotContain("RecordId", json, StringComparison.OrdinalIgnoreCase);
    }
}
