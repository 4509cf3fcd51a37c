using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.Meetings.IntegrationTests.MeetingsFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class MeetingsFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "meetings";

    /// <summary>
    /// A body as Governance would announce it: five responsible authorities and a co-operating body, one member
    /// each, the fourth authority's member with a named substitute.
    /// </summary>
    public async Task<SeededBody> SeedBody(int quorumMinimum = 4)
    {
        var now = DateTimeOffset.UtcNow;
        var body = new BodyCreated(Guid.NewGuid(), "Working Group " + Guid.NewGuid().ToString("N")[..6], BodyKind.WorkingGroup,
            MeetingCadence.Quarterly, quorumMinimum, now);
        await Receive(body);
        var members = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var org = new OrganisationRegistered(Guid.NewGuid(), $"Organisation {i}",
                i < 5 ? OrganisationKind.ResponsibleAuthority : OrganisationKind.CooperatingBody, now);
            await Receive(org);
            var membership = new MemberAppointed(body.BodyId, Guid.NewGuid(), org.OrganisationId, $"Person {i}", MemberRole.Member, now);
            await Receive(membership);
            members.Add(membership.MembershipId);
        }
        var substitute = new SubstituteNamed(body.BodyId, members[3], Guid.NewGuid(), "Deputy Three", now);
        await Receive(substitute);
        return new SeededBody(body.BodyId, members, substitute.SubstituteId);
    }
}

/// <param name="BodyId">The body.</param>
/// <param name="Members">Memberships 0–4 represent responsible authorities, 5 a co-operating body.</param>
/// <param name="SubstituteForMember3">The substitute named for membership 3.</param>
public sealed record SeededBody(Guid BodyId, IReadOnlyList<Guid> Members, Guid SubstituteForMember3)
{
    public Guid CooperatingBodyMember => Members[5];
}
