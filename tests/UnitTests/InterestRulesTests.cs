using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using MemberRole = CommunitySafety.Contracts.Governance.MemberRole;
using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The register of members' interests: dated, for current members, ended once.</summary>
public sealed class InterestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Organisation Police = new(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority);

    /// <summary>A body with one member: the rules decide on its <see cref="BodyHistory.Body"/>; the register as shown is its <see cref="BodyHistory.View"/>.</summary>
    private static (BodyHistory Body, Guid Member) OneMember()
    {
        var body = new BodyHistory(new BodyCreated(Guid.NewGuid(), "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now));
        var id = Guid.NewGuid();
        return (body.Then(Assert.IsType<MemberAppointed>(Assert.Single(Body.DecideAppointment(body.Body, Police, id, Police.Id, "Jo", MemberRole.Member, Now)))), id);
    }

    private static (BodyHistory Body, Guid InterestId) Register(BodyHistory body, Guid member, DateOnly from, DateOnly? to = null,
        InterestCategory category = InterestCategory.Employment, string description = "Trustee, Kent Youth Trust")
    {
        var id = Guid.NewGuid();
        var e = Assert.IsType<InterestRegistered>(Assert.Single(Body.DecideRegisterInterest(body.Body, member, id, category, description, from, to, Now)));
        return (body.Then(e), id);
    }

    [Fact]
    public void An_interest_is_registered_with_its_dates_and_trimmed_description_and_is_current_between_them()
    {
        var (body, member) = OneMember();
        (body, var id) = Register(body, member, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), InterestCategory.Property, "  Owns a shop in Dover ");

        Assert.Equal(new HeldInterest(id, member, InterestCategory.Property, "Owns a shop in Dover", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            Assert.Single(body.Body.HeldInterests));
        var interest = Assert.Single(body.View.Interests);
        Assert.Equal(new Interest(id, member, InterestCategory.Property, "Owns a shop in Dover", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Now), interest);
        Assert.True(interest.CurrentOn(new DateOnly(2026, 1, 1)));
        Assert.True(interest.CurrentOn(new DateOnly(2026, 12, 31)));
        Assert.False(interest.CurrentOn(new DateOnly(2025, 12, 31)));
        Assert.False(interest.CurrentOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void An_interest_cannot_end_before_it_starts_but_may_be_a_single_day()
    {
        var (body, member) = OneMember();
        var refused = Assert.Throws<DomainRuleViolation>(() => Register(body, member, Today, Today.AddDays(-1)));
        Assert.Equal(("interest-ends-before-it-starts", Refusal.Inconsistent), (refused.Rule, refused.Kind));
        Assert.Equal(Today, Register(body, member, Today, Today).Body.View.Interests[0].To);
    }

    [Fact]
    public void Only_current_members_register_interests()
    {
        var (body, member) = OneMember();
        Assert.Equal(("membership-not-found", Refusal.NotFound),
            Rule(() => Body.DecideRegisterInterest(body.Body, Guid.NewGuid(), Guid.NewGuid(), InterestCategory.Other, "x", Today, null, Now)));
        body = body.Then(Assert.IsType<MembershipEnded>(Assert.Single(Body.DecideEnd(body.Body, member, Now))));
        Assert.Equal(("membership-ended", Refusal.Conflict), Rule(() => Register(body, member, Today)));
    }

    [Fact]
    public void The_same_open_interest_is_not_registered_twice()
    {
        var (body, member) = OneMember();
        (body, _) = Register(body, member, Today.AddYears(-1));
        Assert.Equal(("interest-already-registered", Refusal.Conflict), Rule(() => Register(body, member, Today, description: "trustee, kent youth trust")));
        Register(body, member, Today, category: InterestCategory.MembershipOfOrganisations); // another category is another interest
    }

    [Fact]
    public void Ending_an_interest_sets_its_last_day_which_is_not_before_its_first_and_only_once()
    {
        var (body, member) = OneMember();
        (body, var id) = Register(body, member, new DateOnly(2026, 3, 1));

        Assert.Equal(("interest-ends-before-it-starts", Refusal.Inconsistent), Rule(() => Body.DecideEndInterest(body.Body, member, id, new DateOnly(2026, 2, 28), Today, Now)));
        var ended = Assert.IsType<InterestEnded>(Assert.Single(Body.DecideEndInterest(body.Body, member, id, new DateOnly(2026, 10, 31), Today, Now)));
        body = body.Then(ended);
        Assert.Equal((new DateOnly(2026, 10, 31), true), (body.Body.HeldInterests[0].To, body.Body.HeldInterests[0].Ended));
        Assert.Equal(new DateOnly(2026, 10, 31), body.View.Interests[0].To);
        Assert.Equal(Now, body.View.Interests[0].EndedAt);
        Assert.False(body.View.Interests[0].CurrentOn(Today));
        Assert.Equal(("interest-already-ended", Refusal.Conflict), Rule(() => Body.DecideEndInterest(body.Body, member, id, Today, Today, Now)));
    }

    [Fact]
    public void An_interest_whose_declared_last_day_has_passed_cannot_end_but_one_ending_later_may_end_early()
    {
        var (body, member) = OneMember();
        (body, var past) = Register(body, member, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        (body, var future) = Register(body, member, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), InterestCategory.GiftsAndHospitality, "Tickets");

        Assert.Equal(("interest-already-ended", Refusal.Conflict), Rule(() => Body.DecideEndInterest(body.Body, member, past, Today, Today, Now)));
        Assert.Single(Body.DecideEndInterest(body.Body, member, future, Today, Today, Now));
    }

    [Fact]
    public void Ending_an_unknown_interest_or_another_members_is_not_found()
    {
        var (body, member) = OneMember();
        (body, var id) = Register(body, member, Today);
        Assert.Equal(("interest-not-found", Refusal.NotFound), Rule(() => Body.DecideEndInterest(body.Body, member, Guid.NewGuid(), Today, Today, Now)));
        Assert.Equal(("membership-not-found", Refusal.NotFound), Rule(() => Body.DecideEndInterest(body.Body, Guid.NewGuid(), id, Today, Today, Now)));
    }

    private static (string, Refusal) Rule(Action act)
    {
        var refused = Assert.Throws<DomainRuleViolation>(act);
        return (refused.Rule, refused.Kind);
    }
}
