using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using MemberRole = CommunitySafety.Contracts.Governance.MemberRole;
using Office = CommunitySafety.Contracts.Governance.Office;
using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Chair and Vice Chair: elected from the members for a term; reminded before it ends; vacant when it lapses.</summary>
public sealed class OfficeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Organisation Police = new(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority);

    /// <summary>A body with three members: the rules decide on its <see cref="BodyHistory.Body"/>; what it shows is its <see cref="BodyHistory.View"/>.</summary>
    private static (BodyHistory Body, Guid A, Guid B, Guid C) ThreeMembers(MemberRole firstRole = MemberRole.Member)
    {
        var body = new BodyHistory(new BodyCreated(Guid.NewGuid(), "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now));
        var ids = new List<Guid>();
        foreach (var (name, role) in new[] { ("Alex", firstRole), ("Bea", MemberRole.Member), ("Cal", MemberRole.Member) })
        {
            var id = Guid.NewGuid();
            body = body.Then(Body.DecideAppointment(body.Body, Police, id, Police.Id, name, role, Now));
            ids.Add(id);
        }
        return (body, ids[0], ids[1], ids[2]);
    }

    private static IReadOnlyList<object> Elect(BodyHistory body, Office office, Guid[] candidates, Guid elected, DateOnly? startsOn = null,
        DateOnly? endsOn = null, Guid? decisionId = null, Guid? electionId = null) =>
        Body.DecideElection(body.Body, electionId ?? Guid.NewGuid(), office, candidates, elected, decisionId, startsOn ?? Today,
            endsOn ?? Today.AddYears(2), Today, Now);

    // ---- elections ----

    [Fact]
    public void An_election_records_candidates_and_result_and_makes_the_elected_member_the_office_holder()
    {
        var (body, a, b, _) = ThreeMembers();
        var decision = Guid.NewGuid();
        var events = Elect(body, Office.Chair, [a, b], b, decisionId: decision);

        var elected = Assert.IsType<OfficeHolderElected>(events[0]);
        Assert.Equal((Office.Chair, b, decision, Today, Today.AddYears(2)), (elected.Office, elected.MembershipId, elected.DecisionId, elected.TermStartsOn, elected.TermEndsOn));
        Assert.Equal([a, b], elected.Candidates);
        Assert.Equal(new MemberRoleChanged(body.Body.Id, b, MemberRole.Chair, Now), Assert.IsType<MemberRoleChanged>(Assert.Single(events.Skip(1))));

        body = body.Then(events);
        Assert.Equal(MemberRole.Chair, body.Body.Member(b)!.Role);
        var chair = body.View.OfficesOn(Today).Single(o => o.Office == Office.Chair);
        Assert.Equal((b, "Bea", false, Today.AddYears(2)), (chair.MembershipId!.Value, chair.PersonName, chair.Vacant, chair.TermEndsOn!.Value));
        Assert.True(body.View.OfficesOn(Today).Single(o => o.Office == Office.ViceChair).Vacant);
        Assert.Equal("Bea", Assert.Single(body.View.Elections).ElectedName);
    }

    [Fact]
    public void Candidates_must_be_current_members()
    {
        var (body, a, b, _) = ThreeMembers();
        var stranger = Guid.NewGuid();
        var refused = Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.Chair, [a, stranger], a));
        Assert.Equal(("candidate-not-a-member", Refusal.Inconsistent, (object?)stranger), (refused.Rule, refused.Kind, refused.Facts["membershipId"]));

        body = body.Then(Body.DecideEnd(body.Body, b, Now));
        Assert.Equal("candidate-not-a-member", Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.Chair, [a, b], a)).Rule);
    }

    [Fact]
    public void The_elected_member_must_be_among_the_candidates()
    {
        var (body, a, b, c) = ThreeMembers();
        var refused = Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.ViceChair, [a, b], c));
        Assert.Equal(("elected-not-a-candidate", Refusal.Inconsistent), (refused.Rule, refused.Kind));
    }

    [Fact]
    public void A_term_ends_after_it_starts_and_does_not_start_after_today()
    {
        var (body, a, _, _) = ThreeMembers();
        Assert.Equal("term-ends-before-it-starts",
            Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.Chair, [a], a, Today, Today)).Rule);
        Assert.Equal("term-starts-in-future",
            Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.Chair, [a], a, Today.AddDays(1), Today.AddYears(2))).Rule);
    }

    [Fact]
    public void One_decision_elects_once_per_office()
    {
        var (body, a, b, _) = ThreeMembers();
        var decision = Guid.NewGuid();
        body = body.Then(Elect(body, Office.Chair, [a], a, decisionId: decision));

        var refused = Assert.Throws<DomainRuleViolation>(() => Elect(body, Office.Chair, [b], b, decisionId: decision));
        Assert.Equal(("election-already-recorded", Refusal.Conflict), (refused.Rule, refused.Kind));
        // the same decision may elect the vice-chair
        Assert.NotEmpty(Elect(body, Office.ViceChair, [b], b, decisionId: decision));
    }

    [Fact]
    public void A_new_chair_replaces_the_appointed_one_who_becomes_a_member_so_the_one_chair_rule_holds()
    {
        var (body, a, b, _) = ThreeMembers(MemberRole.Chair);
        Assert.Equal(a, body.View.OfficesOn(Today).Single(o => o.Office == Office.Chair).MembershipId); // appointed as chair, no term

        var events = Elect(body, Office.Chair, [a, b], b);
        Assert.Contains(new MemberRoleChanged(body.Body.Id, a, MemberRole.Member, Now), events);
        body = body.Then(events);
        Assert.Equal([b], body.Body.Members.Where(m => m.Role == MemberRole.Chair).Select(m => m.MembershipId));
        Assert.Equal("one-chair", Assert.Throws<DomainRuleViolation>(() =>
            Body.DecideAppointment(body.Body, Police, Guid.NewGuid(), Police.Id, "Dee", MemberRole.Chair, Now)).Rule);
    }

    [Fact]
    public void The_vice_chair_elected_chair_leaves_the_vice_chair_vacant()
    {
        var (body, a, b, _) = ThreeMembers();
        body = body.Then(Elect(body, Office.ViceChair, [a], a));
        body = body.Then(Elect(body, Office.Chair, [a, b], a));

        Assert.Equal(MemberRole.Chair, body.Body.Member(a)!.Role);
        var vice = body.View.OfficesOn(Today).Single(o => o.Office == Office.ViceChair);
        Assert.Equal((true, OfficeVacancyReason.ElectedToOtherOffice), (vice.Vacant, vice.VacancyReason!.Value));
    }

    [Fact]
    public void Re_electing_the_holder_changes_no_role()
    {
        var (body, a, _, _) = ThreeMembers();
        body = body.Then(Elect(body, Office.Chair, [a], a, Today.AddYears(-2), Today.AddDays(10)));
        Assert.IsType<OfficeHolderElected>(Assert.Single(Elect(body, Office.Chair, [a], a)));
    }

    // ---- term expiry and vacancy ----

    [Fact]
    public void A_term_is_held_through_its_last_day_and_vacant_the_day_after_even_before_the_lapse_is_recorded()
    {
        var (body, a, _, _) = ThreeMembers();
        var endsOn = Today.AddDays(30);
        body = body.Then(Elect(body, Office.Chair, [a], a, Today, endsOn));

        Assert.False(body.View.OfficesOn(endsOn).Single(o => o.Office == Office.Chair).Vacant);
        var after = body.View.OfficesOn(endsOn.AddDays(1)).Single(o => o.Office == Office.Chair);
        Assert.Equal((true, endsOn.AddDays(1), OfficeVacancyReason.TermLapsed), (after.Vacant, after.VacantFrom!.Value, after.VacancyReason!.Value));
        Assert.Null(after.MembershipId);
    }

    [Fact]
    public void The_lapse_makes_the_office_vacant_and_the_holder_a_member_only_after_the_last_day_and_only_for_that_term()
    {
        var (body, a, b, _) = ThreeMembers();
        var election = Guid.NewGuid();
        var endsOn = Today.AddDays(-1);
        body = body.Then(Elect(body, Office.Chair, [a], a, Today.AddYears(-2), endsOn, electionId: election));

        Assert.Empty(Body.DecideLapse(body.Body, Office.Chair, election, endsOn, Now)); // its last day: still held
        Assert.Empty(Body.DecideLapse(body.Body, Office.Chair, Guid.NewGuid(), Today, Now)); // another term's lapse
        var events = Body.DecideLapse(body.Body, Office.Chair, election, Today, Now);
        Assert.Equal(new OfficeTermLapsed(body.Body.Id, Office.Chair, election, a, endsOn, Now), events[0]);
        Assert.Equal(new MemberRoleChanged(body.Body.Id, a, MemberRole.Member, Now), events[1]);

        body = body.Then(events);
        Assert.Equal(MemberRole.Member, body.Body.Member(a)!.Role);
        Assert.True(body.Body.Term(Office.Chair)!.Vacant);
        Assert.Equal(Today, body.View.Term(Office.Chair)!.VacantFrom);
        Assert.Empty(Body.DecideLapse(body.Body, Office.Chair, election, Today, Now)); // once
        // the office may be filled again, by election or appointment
        Assert.NotEmpty(Body.DecideAppointment(body.Body, Police, Guid.NewGuid(), Police.Id, "Dee", MemberRole.Chair, Now));
        _ = b;
    }

    [Fact]
    public void A_term_superseded_by_a_newer_election_neither_lapses_nor_is_reminded()
    {
        var (body, a, b, _) = ThreeMembers();
        var first = Guid.NewGuid();
        body = body.Then(Elect(body, Office.Chair, [a], a, Today.AddYears(-2), Today.AddDays(5), electionId: first));
        body = body.Then(Elect(body, Office.Chair, [a, b], b));

        Assert.Empty(Body.DecideTermEndingReminder(body.Body, Office.Chair, first, Today, Now));
        Assert.Empty(Body.DecideLapse(body.Body, Office.Chair, first, Today.AddDays(6), Now));
    }

    [Fact]
    public void The_holders_membership_ending_leaves_the_office_vacant()
    {
        var (body, a, _, _) = ThreeMembers();
        body = body.Then(Elect(body, Office.Chair, [a], a));
        body = body.Then(Body.DecideEnd(body.Body, a, Now));

        var chair = body.View.OfficesOn(Today).Single(o => o.Office == Office.Chair);
        Assert.Equal((true, OfficeVacancyReason.MembershipEnded), (chair.Vacant, chair.VacancyReason!.Value));
    }

    // ---- reminders ----

    [Fact]
    public void The_reminder_is_raised_once_for_the_current_term_while_it_is_not_over()
    {
        var (body, a, _, _) = ThreeMembers();
        var election = Guid.NewGuid();
        var endsOn = Today.AddDays(20);
        body = body.Then(Elect(body, Office.ViceChair, [a], a, Today, endsOn, electionId: election));

        var raised = Assert.IsType<OfficeTermEndingReminderRaised>(Assert.Single(Body.DecideTermEndingReminder(body.Body, Office.ViceChair, election, Today, Now)));
        Assert.Equal(new OfficeTermEndingReminderRaised(body.Body.Id, Office.ViceChair, election, a, endsOn, Now), raised);
        body = body.Then(raised);
        Assert.True(body.Body.Term(Office.ViceChair)!.Reminded);
        Assert.Equal(Now, body.View.Term(Office.ViceChair)!.ReminderRaisedAt);
        Assert.Equal(("Alex", endsOn), (Assert.Single(body.View.Reminders).PersonName, body.View.Reminders[0].TermEndsOn));
        Assert.Empty(Body.DecideTermEndingReminder(body.Body, Office.ViceChair, election, Today, Now)); // once

        var (other, b, _, _) = ThreeMembers();
        var past = Guid.NewGuid();
        other = other.Then(Elect(other, Office.Chair, [b], b, Today.AddYears(-2), Today.AddDays(-1), electionId: past));
        Assert.Empty(Body.DecideTermEndingReminder(other.Body, Office.Chair, past, Today, Now)); // over: a vacancy, not a reminder
    }

    [Fact]
    public void The_reminder_falls_due_the_configured_days_before_the_last_day_at_the_start_of_that_UK_day()
    {
        // 60 days before 2027-06-30 is 2027-05-01, in British Summer Time: midnight there is 23:00 UTC the day before
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 23, 0, 0, TimeSpan.Zero), OfficeSchedule.ReminderDueAt(new DateOnly(2027, 6, 30), 60, Now));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), OfficeSchedule.ReminderDueAt(new DateOnly(2027, 1, 31), 30, Now));
    }

    [Fact]
    public void A_reminder_already_past_due_is_raised_at_once_and_none_for_a_term_already_over()
    {
        Assert.Equal(Now, OfficeSchedule.ReminderDueAt(Today.AddDays(10), 60, Now));
        Assert.Equal(Now, OfficeSchedule.ReminderDueAt(Today, 60, Now)); // its last day
        Assert.Null(OfficeSchedule.ReminderDueAt(Today.AddDays(-1), 60, Now));
    }

    [Fact]
    public void The_lapse_falls_due_at_the_start_of_the_day_after_the_term_or_at_once_when_past()
    {
        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), OfficeSchedule.LapseDueAt(new DateOnly(2027, 12, 31), Now));
        Assert.Equal(Now, OfficeSchedule.LapseDueAt(Today.AddDays(-3), Now));
    }

    [Fact]
    public void A_term_runs_the_configured_years_by_default()
    {
        Assert.Equal(new DateOnly(2028, 11, 23), OfficeSchedule.DefaultTermEndsOn(Today, new OfficeOptions()));
        Assert.Equal(new DateOnly(2029, 11, 23), OfficeSchedule.DefaultTermEndsOn(Today, new OfficeOptions { TermYears = 3 }));
        Assert.Equal(60, new OfficeOptions().ReminderDays);
    }
}
