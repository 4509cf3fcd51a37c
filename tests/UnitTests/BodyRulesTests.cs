using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using MemberRole = CommunitySafety.Contracts.Governance.MemberRole;
using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class BodyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Police = new(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority);
    private static readonly Body Empty = Body.Create(new BodyCreated(Guid.NewGuid(), "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now));

    private static (Body Body, Guid MembershipId) Appoint(Body body, string person, MemberRole role = MemberRole.Member)
    {
        var id = Guid.NewGuid();
        var events = Body.DecideAppointment(body, Police, id, Police.Id, person, role, Now);
        return (body.Apply(Assert.IsType<MemberAppointed>(Assert.Single(events))), id);
    }

    [Fact]
    public void Appointing_a_member_of_an_unregistered_organisation_is_refused()
    {
        var refused = Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideAppointment(Empty, null, Guid.NewGuid(), Guid.NewGuid(), "Jo Bloggs", MemberRole.Member, Now));
        Assert.Equal(("organisation-not-registered", Refusal.Inconsistent), (refused.Rule, refused.Kind));
    }

    [Fact]
    public void A_body_has_one_chair_and_one_vice_chair_at_a_time()
    {
        var (body, chair) = Appoint(Empty, "Chris Chair", MemberRole.Chair);
        (body, _) = Appoint(body, "Val Vice", MemberRole.ViceChair);
        Assert.Equal("one-chair", Assert.Throws<DomainRuleViolation>(() => Appoint(body, "Other", MemberRole.Chair)).Rule);
        Assert.Equal("one-vice-chair", Assert.Throws<DomainRuleViolation>(() => Appoint(body, "Other", MemberRole.ViceChair)).Rule);

        // once the chair's membership ends, a new chair may be appointed (the two-yearly election)
        body = body.Apply(Assert.IsType<MembershipEnded>(Assert.Single(Body.DecideEnd(body, chair, Now))));
        (body, _) = Appoint(body, "New Chair", MemberRole.Chair);
        Assert.Single(body.Members, m => m.IsCurrent && m.Role == MemberRole.Chair);
    }

    [Fact]
    public void The_same_person_cannot_represent_the_same_organisation_twice()
    {
        var (body, _) = Appoint(Empty, "Jo Bloggs");
        Assert.Equal("already-a-member", Assert.Throws<DomainRuleViolation>(() => Appoint(body, " jo bloggs ")).Rule);
    }

    [Fact]
    public void Substitutes_are_named_once_never_for_themselves_and_not_for_an_ended_membership()
    {
        var (body, id) = Appoint(Empty, "Jo Bloggs");
        var named = Body.DecideSubstitute(body, id, Guid.NewGuid(), "Sam Deputy", Now);
        body = body.Apply(Assert.IsType<SubstituteNamed>(Assert.Single(named)));
        Assert.Equal("Sam Deputy", Assert.Single(body.Member(id)!.SubstituteNames));

        Assert.Equal("substitute-already-named", Assert.Throws<DomainRuleViolation>(() => Body.DecideSubstitute(body, id, Guid.NewGuid(), "sam deputy", Now)).Rule);
        Assert.Equal("substitute-is-member", Assert.Throws<DomainRuleViolation>(() => Body.DecideSubstitute(body, id, Guid.NewGuid(), "Jo Bloggs", Now)).Rule);
        var missing = Assert.Throws<DomainRuleViolation>(() => Body.DecideSubstitute(body, Guid.NewGuid(), Guid.NewGuid(), "X", Now));
        Assert.Equal(("membership-not-found", Refusal.NotFound), (missing.Rule, missing.Kind));

        body = body.Apply(Assert.IsType<MembershipEnded>(Assert.Single(Body.DecideEnd(body, id, Now))));
        Assert.Equal("membership-ended", Assert.Throws<DomainRuleViolation>(() => Body.DecideSubstitute(body, id, Guid.NewGuid(), "Another", Now)).Rule);
        Assert.Equal("membership-ended", Assert.Throws<DomainRuleViolation>(() => Body.DecideEnd(body, id, Now)).Rule);
    }
}
