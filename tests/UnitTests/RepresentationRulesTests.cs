using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Xunit;
using BodyCreated = CommunitySafety.Governance.Bodies.BodyCreated;
using MemberAppointed = CommunitySafety.Governance.Bodies.MemberAppointed;
using OrganisationRegistered = CommunitySafety.Governance.Organisations.OrganisationRegistered;

namespace CommunitySafety.UnitTests;

/// <summary>Collective seats: a member represents a group of authorities only once each has approved them.</summary>
public sealed class RepresentationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static Organisation Org(string name, OrganisationKind kind = OrganisationKind.ResponsibleAuthority) =>
        Organisation.Create(new OrganisationRegistered(Guid.NewGuid(), name, kind, Now));

    private static readonly Organisation Dover = Org("Dover District Council"), Thanet = Org("Thanet District Council"),
        Swale = Org("Swale Borough Council"), Vru = Org("Violence Reduction Unit", OrganisationKind.CooperatingBody);
    private static readonly IReadOnlyDictionary<Guid, Organisation> All = new[] { Dover, Thanet, Swale, Vru }.ToDictionary(o => o.Id);
    private static readonly Body Kcsp = Body.Create(new BodyCreated(Guid.NewGuid(), "KCSP", BodyKind.Executive, MeetingCadence.Quarterly, 4, Now));

    private static Body Approve(Body body, Organisation organisation, string person = "Pat Officer") =>
        body.Apply(Assert.IsType<RepresentationApproved>(Assert.Single(
            Body.DecideRepresentationApproval(body, organisation, organisation.Id, person, "Chief Executive", Today, Today, Now))));

    private static IReadOnlyList<object> Seat(Body body, params Organisation[] group) =>
        Body.DecideCollectiveAppointment(body, Dover, Guid.NewGuid(), Dover.Id, " Pat Officer ", MemberRole.Member,
            group.Select(o => o.Id).ToList(), All, Now);

    [Fact]
    public void A_collective_seat_without_every_approval_is_refused_naming_those_missing()
    {
        var body = Approve(Kcsp, Dover);
        var refused = Assert.Throws<DomainRuleViolation>(() => Seat(body, Dover, Thanet, Swale));
        Assert.Equal(("approvals-missing", Refusal.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal([Thanet.Id, Swale.Id], (IEnumerable<Guid>)refused.Facts["missing"]!);
        Assert.Contains("Thanet District Council, Swale Borough Council", refused.Message);

        // an approval of somebody else does not count
        body = Approve(Approve(body, Thanet, "Someone Else"), Swale);
        Assert.Equal([Thanet.Id], (IEnumerable<Guid>)Assert.Throws<DomainRuleViolation>(() => Seat(body, Dover, Thanet, Swale)).Facts["missing"]!);
    }

    [Fact]
    public void With_every_approval_the_member_is_appointed_to_represent_the_group()
    {
        var body = Approve(Approve(Approve(Kcsp, Dover), Thanet), Swale);
        var appointed = Assert.IsType<MemberAppointed>(Assert.Single(Seat(body, Dover, Thanet, Swale, Dover)));
        Assert.Equal([Dover.Id, Thanet.Id, Swale.Id], appointed.Represents!);
        Assert.Equal((Dover.Id, "Pat Officer"), (appointed.OrganisationId, appointed.PersonName));
        Assert.Equal([Dover.Id, Thanet.Id, Swale.Id],
            BodyView.Evolve(BodyView.Create(new BodyCreated(body.Id, "KCSP", BodyKind.Executive, MeetingCadence.Quarterly, 4, Now)), appointed)
                .Member(appointed.MembershipId)!.Represents);
        Assert.Equal("Pat Officer", body.Apply(appointed).Member(appointed.MembershipId)!.PersonName);
    }

    [Fact]
    public void A_collective_seat_represents_two_or_more_registered_authorities_including_the_members_own()
    {
        var body = Approve(Approve(Kcsp, Dover), Thanet);
        Assert.Equal("collective-seat-too-small", Assert.Throws<DomainRuleViolation>(() => Seat(body, Dover, Dover)).Rule);
        Assert.Equal("organisation-not-represented", Assert.Throws<DomainRuleViolation>(() => Seat(body, Thanet, Swale)).Rule);
        var stranger = Org("Unknown Council");
        Assert.Equal("organisation-not-registered", Assert.Throws<DomainRuleViolation>(() => Seat(body, Dover, stranger)).Rule);
    }

    [Fact]
    public void Approvals_come_from_registered_responsible_authorities_once_and_not_in_the_future()
    {
        Assert.Equal("not-an-authority", Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideRepresentationApproval(Kcsp, Vru, Vru.Id, "Pat Officer", "Director", Today, Today, Now)).Rule);
        Assert.Equal("organisation-not-registered", Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideRepresentationApproval(Kcsp, null, Guid.NewGuid(), "Pat Officer", "Director", Today, Today, Now)).Rule);
        Assert.Equal("approved-in-future", Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideRepresentationApproval(Kcsp, Dover, Dover.Id, "Pat Officer", "Director", Today.AddDays(1), Today, Now)).Rule);
        Assert.Equal("already-approved", Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideRepresentationApproval(Approve(Kcsp, Dover), Dover, Dover.Id, "PAT OFFICER", "Director", Today, Today, Now)).Rule);
    }
}
