using System.Text;
using System.Text.Json;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Webhooks;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How decision events become CloudEvents, and the catch-up feed's cursor.</summary>
public sealed class CloudEventTests
{
    private static readonly DateTimeOffset RecordedAt = new(2026, 11, 20, 14, 30, 15, TimeSpan.Zero);

    [Fact]
    public void A_recorded_decision_becomes_a_CloudEvent_named_by_the_decision()
    {
        var decision = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Fund patrols", true, "Item 4", [Guid.NewGuid()], RecordedAt);

        var e = DecisionEvents.From(decision);

        Assert.Equal(decision.DecisionId.ToString(), e.Id);
        Assert.Equal("/api/meetings", e.Source);
        Assert.Equal(DecisionEvents.DecisionRecordedType, e.Type);
        Assert.Equal("1.0", e.SpecVersion);
        Assert.Equal(RecordedAt, e.Time);
        Assert.Equal($"meetings/{decision.MeetingId}/decisions/{decision.DecisionId}", e.Subject);
        Assert.Equal("application/json", e.DataContentType);
        Assert.Equal(decision.DecisionId, e.Data.GetProperty("decisionId").GetGuid());
        Assert.Equal("Fund patrols", e.Data.GetProperty("text").GetString());
        Assert.True(e.Data.GetProperty("consensusReached").GetBoolean());
    }

    [Fact]
    public void An_awarded_grant_becomes_a_CloudEvent_named_by_the_award()
    {
        var award = new GrantAwarded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Street Pastors", 12_500.50m, "GBP",
            Guid.NewGuid(), new DateOnly(2026, 11, 20), RecordedAt);

        var e = DecisionEvents.From(award);

        Assert.Equal(award.AwardId.ToString(), e.Id);
        Assert.Equal("/api/funding", e.Source);
        Assert.Equal(DecisionEvents.GrantAwardedType, e.Type);
        Assert.Equal("1.0", e.SpecVersion);
        Assert.Equal(RecordedAt, e.Time);
        Assert.Equal($"awards/{award.AwardId}", e.Subject);
        Assert.Equal(12_500.50m, e.Data.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-11-20", e.Data.GetProperty("awardDate").GetString());
        Assert.Equal(award.DecisionId, e.Data.GetProperty("decisionId").GetGuid());
    }

    [Fact]
    public void A_CloudEvent_serialises_with_the_spec_attribute_names()
    {
        var decision = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Fund patrols", false, null, [], RecordedAt);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(DecisionEvents.From(decision)));

        Assert.Equal(["id", "source", "type", "specversion", "time", "subject", "datacontenttype", "data"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.0", json.RootElement.GetProperty("specversion").GetString());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(1_000_000_007L)]
    [InlineData(long.MaxValue)]
    public void A_cursor_round_trips(long sequence)
    {
        var cursor = DecisionFeedCursor.Encode(sequence);

        Assert.True(DecisionFeedCursor.TryDecode(cursor, out var decoded));
        Assert.Equal(sequence, decoded);
        Assert.DoesNotContain('=', cursor);
        Assert.DoesNotContain('+', cursor);
        Assert.DoesNotContain('/', cursor);
    }

    [Fact]
    public void Cursors_of_different_sequences_differ_and_the_start_is_zero()
    {
        Assert.NotEqual(DecisionFeedCursor.Encode(1), DecisionFeedCursor.Encode(2));
        Assert.True(DecisionFeedCursor.TryDecode(DecisionFeedCursor.Start, out var start));
        Assert.Equal(0, start);
    }

    public static TheoryData<string> Garbage => new()
    {
        "",
        "not a cursor",
        "!!!!",
        "42",
        Url("v1:"),
        Url("v1:-1"),
        Url("v1:+1"),
        Url("v1: 1"),
        Url("v1:1.5"),
        Url("v1:abc"),
        Url("v1:007"), // not the canonical encoding of 7
        Url("v1:99999999999999999999"), // beyond a long
        Url("v2:5"),
        Url("5"),
        Convert.ToBase64String("v1:5"u8.ToArray()), // padded base64, not base64url
        DecisionFeedCursor.Encode(5) + "A",
        new string('A', 100),
    };

    [Theory, MemberData(nameof(Garbage))]
    public void Anything_but_an_issued_cursor_is_rejected(string cursor)
    {
        Assert.False(DecisionFeedCursor.TryDecode(cursor, out var sequence));
        Assert.Equal(0, sequence);
    }

    [Fact]
    public void No_cursor_is_not_a_cursor() => Assert.False(DecisionFeedCursor.TryDecode(null, out _));

    [Fact]
    public void Encoding_a_negative_sequence_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionFeedCursor.Encode(-1));

    private static string Url(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
