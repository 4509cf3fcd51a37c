using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Adoption;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.Governance.Strategy;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The strategy cycle's rules: assessments, the agreement's adoption by a decision, annual reviews, the action plan and its exceptions.</summary>
public sealed class StrategyRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 11, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 11, 15);
    private static readonly Body County = Body.Create(new BodyCreated(Guid.NewGuid(), "Kent Community Safety Partnership", BodyKind.Executive, MeetingCadence.Quarterly, 4, Now));
    private static readonly Organisation Police = new(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority);

    private static readonly StrategicAssessment Assessment = StrategicAssessment.Create(Assert.IsType<StrategicAssessmentSubmitted>(Assert.Single(
        StrategicAssessment.DecideSubmit(Guid.NewGuid(), "Dartford CSP", 2027, [("Domestic abuse", "Repeat victims up 12%")], [], Guid.NewGuid, Now))));

    private static readonly IReadOnlyDictionary<Guid, StrategicAssessment> Assessments = new Dictionary<Guid, StrategicAssessment> { [Assessment.Id] = Assessment };

    private static PriorityInput Priority(string title, Guid? id = null) =>
        new(id, title, "Evidence from the district assessments", [new PriorityEvidence(Assessment.Id, Assessment.PriorityIds[0])]);

    private static CommunitySafetyAgreement Evolve(CommunitySafetyAgreement agreement, IEnumerable<object> events) => agreement.After(events);

    private static CommunitySafetyAgreement Draft(int year = 2027) => CommunitySafetyAgreement.Create(Assert.IsType<AgreementDrafted>(Assert.Single(
        CommunitySafetyAgreement.DecideDraft(Guid.NewGuid(), year, "Kent Community Safety Agreement", County, County.Id,
            [Priority("Domestic abuse"), Priority("Road safety")], Assessments, Guid.NewGuid, Now))));

    private static AdoptionRequested Adoption(CommunitySafetyAgreement agreement, bool consensus = true, Guid? bodyId = null) =>
        new(agreement.Id, Guid.NewGuid(), Guid.NewGuid(), bodyId ?? County.Id, consensus, Now);

    private static CommunitySafetyAgreement Agreed(int year = 2027)
    {
        var draft = Draft(year);
        return Evolve(draft, CommunitySafetyAgreement.DecideAdoption(draft, Adoption(draft), Today, Guid.NewGuid, Now));
    }

    private static DomainRuleViolation Refused(Action act) => Assert.Throws<DomainRuleViolation>(act);

    [Fact]
    public void A_partnership_submits_one_assessment_a_year()
    {
        var refused = Refused(() => StrategicAssessment.DecideSubmit(Guid.NewGuid(), " dartford csp ", 2027, [("x", "y")], [Assessment], Guid.NewGuid, Now));
        Assert.Equal(("assessment-already-submitted", Refusal.Conflict), (refused.Rule, refused.Kind));
        Assert.Single(StrategicAssessment.DecideSubmit(Guid.NewGuid(), "Dartford CSP", 2028, [("x", "y")], [Assessment], Guid.NewGuid, Now));
    }

    [Fact]
    public void An_assessment_shows_its_trimmed_priorities_with_their_evidence_and_when_it_was_submitted()
    {
        var submitted = Assert.IsType<StrategicAssessmentSubmitted>(Assert.Single(StrategicAssessment.DecideSubmit(Guid.NewGuid(), " Swale CSP ", 2027,
            [(" Shoplifting ", " Up 20% in town centres ")], [], Guid.NewGuid, Now)));
        var view = StrategicAssessmentView.Evolve(null, submitted);
        var priority = Assert.Single(view.Priorities);
        Assert.Equal((submitted.AssessmentId, "Swale CSP", 2027, Now, "Shoplifting", "Up 20% in town centres"),
            (view.Id, view.PartnershipName, view.Year, view.SubmittedAt, priority.Title, priority.Evidence));
        Assert.Same(priority, view.Priority(priority.Id));
        var assessment = StrategicAssessment.Evolve(null, submitted);
        Assert.Equal((submitted.AssessmentId, "Swale CSP", 2027), (assessment.Id, assessment.PartnershipName, assessment.Year));
        Assert.True(assessment.HasPriority(priority.Id));
        Assert.False(assessment.HasPriority(Guid.NewGuid()));
    }

    [Fact]
    public void A_draft_names_a_county_body_and_draws_on_assessments_that_exist()
    {
        Assert.Equal("county-body-not-found", Refused(() => CommunitySafetyAgreement.DecideDraft(Guid.NewGuid(), 2027, "CSA", null, Guid.NewGuid(),
            [Priority("Domestic abuse")], Assessments, Guid.NewGuid, Now)).Rule);
        Assert.Equal("assessment-not-found", Refused(() => CommunitySafetyAgreement.DecideDraft(Guid.NewGuid(), 2027, "CSA", County, County.Id,
            [new PriorityInput(null, "DA", "r", [new PriorityEvidence(Guid.NewGuid(), null)])], Assessments, Guid.NewGuid, Now)).Rule);
        Assert.Equal("assessment-priority-not-found", Refused(() => CommunitySafetyAgreement.DecideDraft(Guid.NewGuid(), 2027, "CSA", County, County.Id,
            [new PriorityInput(null, "DA", "r", [new PriorityEvidence(Assessment.Id, Guid.NewGuid())])], Assessments, Guid.NewGuid, Now)).Rule);
        var later = Refused(() => CommunitySafetyAgreement.DecideDraft(Guid.NewGuid(), 2026, "CSA", County, County.Id,
            [Priority("DA")], Assessments, Guid.NewGuid, Now));
        Assert.Equal(("assessment-after-agreement-year", Refusal.Inconsistent), (later.Rule, later.Kind));
    }

    [Fact]
    public void A_consensus_decision_of_the_county_partnership_agrees_the_agreement_once()
    {
        var draft = Draft();
        var adoption = Adoption(draft);
        var agreed = Evolve(draft, CommunitySafetyAgreement.DecideAdoption(draft, adoption, Today, Guid.NewGuid, Now));
        Assert.Equal(AgreementStatus.Agreed, agreed.Status);
        Assert.Equal(adoption.DecisionId, agreed.InForce!.AgreedByDecisionId);
        Assert.Empty(CommunitySafetyAgreement.DecideAdoption(agreed, adoption, Today, Guid.NewGuid, Now)); // the same decision again

        var again = Assert.IsType<AgreementAdoptionIgnored>(Assert.Single(CommunitySafetyAgreement.DecideAdoption(agreed, Adoption(agreed), Today, Guid.NewGuid, Now)));
        Assert.Contains("already agreed", again.Reason);
    }

    [Fact]
    public void A_decision_without_consensus_or_of_another_body_does_not_agree_it_and_says_why()
    {
        var draft = Draft();
        var split = Assert.IsType<AgreementAdoptionIgnored>(Assert.Single(CommunitySafetyAgreement.DecideAdoption(draft, Adoption(draft, consensus: false), Today, Guid.NewGuid, Now)));
        Assert.Contains("consensus", split.Reason);
        var other = Assert.IsType<AgreementAdoptionIgnored>(Assert.Single(CommunitySafetyAgreement.DecideAdoption(draft, Adoption(draft, bodyId: Guid.NewGuid()), Today, Guid.NewGuid, Now)));
        Assert.Contains("not of the county partnership", other.Reason);
        Assert.False(Evolve(draft, [split, other]).IsAgreed);
    }

    [Fact]
    public void A_review_with_no_change_carries_the_agreement_into_the_year_and_keeps_its_version()
    {
        var agreed = Agreed();
        var reviewed = Evolve(agreed, CommunitySafetyAgreement.DecideReview(agreed, 2028, ReviewOutcome.NoChange, "Still right", null, Assessments, Guid.NewGuid, Now));
        Assert.Equal((2028, 1, AgreementStatus.Agreed), (reviewed.PlanYear, reviewed.Current.Number, reviewed.Status));
        Assert.Equal(ReviewOutcome.NoChange, Assert.Single(reviewed.Reviews).Outcome);
        Assert.Equal(("already-reviewed", Refusal.Conflict), Refused(() => CommunitySafetyAgreement.DecideReview(reviewed, 2028, ReviewOutcome.NoChange, "n", null,
            Assessments, Guid.NewGuid, Now)) is var r ? (r.Rule, r.Kind) : default);
        Assert.Equal("review-year-not-after-plan-year", Refused(() => CommunitySafetyAgreement.DecideReview(reviewed, 2026, ReviewOutcome.NoChange, "n", null,
            Assessments, Guid.NewGuid, Now)).Rule);
        Assert.Equal("no-change-with-priorities", Refused(() => CommunitySafetyAgreement.DecideReview(agreed, 2028, ReviewOutcome.NoChange, "n",
            [Priority("x")], Assessments, Guid.NewGuid, Now)).Rule);
    }

    [Fact]
    public void A_refreshing_review_makes_a_new_version_that_awaits_a_decision_while_the_previous_one_stays_in_force()
    {
        var agreed = Agreed();
        var kept = agreed.Current.Priorities[0];
        var refreshed = Evolve(agreed, CommunitySafetyAgreement.DecideReview(agreed, 2028, ReviewOutcome.Refreshed, "Knife crime added",
            [Priority("Domestic abuse and stalking", kept.Id), Priority("Knife crime")], Assessments, Guid.NewGuid, Now));
        Assert.Equal((2, AgreementStatus.RefreshAwaitingAdoption, 1), (refreshed.Current.Number, refreshed.Status, refreshed.InForce!.Number));
        Assert.Equal(["Domestic abuse and stalking", "Knife crime"], refreshed.Current.Priorities.Select(p => p.Title));
        Assert.Equal(kept.Id, refreshed.Current.Priorities[0].Id); // changed, same priority
        Assert.Equal("refresh-awaiting-adoption", Refused(() => CommunitySafetyAgreement.DecideReview(refreshed, 2029, ReviewOutcome.NoChange, "n", null,
            Assessments, Guid.NewGuid, Now)).Rule);

        var adopted = Evolve(refreshed, CommunitySafetyAgreement.DecideAdoption(refreshed, Adoption(refreshed), Today, Guid.NewGuid, Now));
        Assert.Equal((2, AgreementStatus.Agreed), (adopted.InForce!.Number, adopted.Status));

        Assert.Equal("agreement-not-agreed", Refused(() => CommunitySafetyAgreement.DecideReview(Draft(), 2028, ReviewOutcome.NoChange, "n", null,
            Assessments, Guid.NewGuid, Now)).Rule);
        Assert.Equal("refresh-without-priorities", Refused(() => CommunitySafetyAgreement.DecideReview(agreed, 2028, ReviewOutcome.Refreshed, "n", null,
            Assessments, Guid.NewGuid, Now)).Rule);
        Assert.Equal("priority-not-found", Refused(() => CommunitySafetyAgreement.DecideReview(agreed, 2028, ReviewOutcome.Refreshed, "n",
            [Priority("x", Guid.NewGuid())], Assessments, Guid.NewGuid, Now)).Rule);
    }

    private static (CommunitySafetyAgreement Agreement, PlanLine Line) WithLine(CommunitySafetyAgreement agreement, DateOnly? milestoneDue = null)
    {
        var lineId = Guid.NewGuid();
        var events = CommunitySafetyAgreement.DecideAddLine(agreement, lineId, agreement.Current.Priorities[0].Id, "Increase referrals to IDVA services", Police,
            Police.Id, milestoneDue is { } due ? [("Commission the service", due)] : [], [("Referrals", "referrals", 100, 200)], Today, Guid.NewGuid, Now);
        var after = Evolve(agreement, events);
        return (after, after.Line(lineId)!);
    }

    private static (CommunitySafetyAgreement Agreement, IReadOnlyList<object> Events) Record(CommunitySafetyAgreement agreement, PlanLine line, string quarter,
        decimal actual)
    {
        _ = PlanQuarter.TryParse(quarter, out var q);
        var events = CommunitySafetyAgreement.DecideRecordActual(agreement, line.Id, line.Measures[0].Id, q, actual, Today, Guid.NewGuid, Now);
        return (Evolve(agreement, events), events);
    }

    [Fact]
    public void A_line_that_turns_Red_raises_one_exception_per_turn_to_Red_for_the_county_partnership()
    {
        var (agreement, line) = WithLine(Agreed());
        Assert.Equal(Rag.Green, line.RecordedRag);

        var (a1, e1) = Record(agreement, line, "2027-Q2", 110);   // 10% of the way, 50% expected: Red
        var raised = Assert.Single(e1.OfType<PlanExceptionRaised>());
        Assert.Equal((County.Id, "CSA 2027 action plan: Increase referrals to IDVA services"), (raised.ToBodyId, raised.Origin));
        Assert.Equal(Rag.Red, Assert.Single(e1.OfType<PlanLineRagChanged>()).To);

        var (a2, e2) = Record(a1, line, "2027-Q2", 105);          // still Red: nothing new
        Assert.Single(e2);
        Assert.Single(a2.Line(line.Id)!.Exceptions);

        var (a3, e3) = Record(a2, line, "2027-Q2", 130);          // Amber: recorded, no exception
        Assert.Equal(Rag.Amber, Assert.Single(e3.OfType<PlanLineRagChanged>()).To);
        Assert.Empty(e3.OfType<PlanExceptionRaised>());

        var (a4, e4) = Record(a3, line, "2027-Q3", 120);          // Red again: a second exception
        Assert.Single(e4.OfType<PlanExceptionRaised>());
        Assert.Equal(2, a4.Line(line.Id)!.Exceptions.Count);
        Assert.NotEqual(a4.Line(line.Id)!.Exceptions[0].EscalationId, a4.Line(line.Id)!.Exceptions[1].EscalationId);
    }

    [Fact]
    public void Only_an_agreement_in_force_is_performance_managed_and_its_Red_lines_raise_exceptions_when_it_is_agreed()
    {
        var (draft, line) = WithLine(Draft(), milestoneDue: Today.AddDays(-40)); // overdue by 40 days: Red, but not yet managed
        Assert.Equal(Rag.Green, line.RecordedRag);
        Assert.Empty(line.Exceptions);
        _ = PlanQuarter.TryParse("2027-Q1", out var q1);
        Assert.Equal("agreement-not-agreed", Refused(() => CommunitySafetyAgreement.DecideRecordActual(draft, line.Id, line.Measures[0].Id, q1, 1, Today,
            Guid.NewGuid, Now)).Rule);

        var events = CommunitySafetyAgreement.DecideAdoption(draft, Adoption(draft), Today, Guid.NewGuid, Now);
        Assert.Single(events.OfType<PlanExceptionRaised>());
        // the milestone's due-date check later finds it Red already: nothing more
        Assert.Empty(CommunitySafetyAgreement.DecideCheck(Evolve(draft, events), line.Id, Today.AddDays(1), Guid.NewGuid, Now));
    }

    [Fact]
    public void Actuals_are_for_a_begun_quarter_of_the_lines_plan_year_and_a_known_measure()
    {
        var (agreement, line) = WithLine(Agreed(), milestoneDue: Today.AddDays(10));
        IReadOnlyList<object> Actual(string quarter, Guid? measure = null) =>
            CommunitySafetyAgreement.DecideRecordActual(agreement, line.Id, measure ?? line.Measures[0].Id,
                PlanQuarter.TryParse(quarter, out var q) ? q : default, 150, Today, Guid.NewGuid, Now);
        Assert.Equal("quarter-outside-plan-year", Refused(() => Actual("2026-Q4")).Rule);
        Assert.Equal("quarter-not-started", Refused(() => Actual("2027-Q4")).Rule); // January 2028
        Assert.Equal("measure-not-found", Refused(() => Actual("2027-Q1", Guid.NewGuid())).Rule);
        Assert.Equal(Refusal.NotFound, Refused(() => CommunitySafetyAgreement.DecideRecordActual(agreement, Guid.NewGuid(), line.Measures[0].Id, new PlanQuarter(2027, 1), 1,
            Today, Guid.NewGuid, Now)).Kind);
        Assert.IsType<ActualRecorded>(Actual("2027-Q3")[0]);
    }

    [Fact]
    public void A_milestone_is_completed_once_and_not_in_the_future()
    {
        var (agreement, line) = WithLine(Agreed(), milestoneDue: Today.AddDays(10));
        var milestone = line.Milestones[0];
        Assert.Equal("completed-in-future", Refused(() => CommunitySafetyAgreement.DecideCompleteMilestone(agreement, line.Id, milestone.Id, Today.AddDays(1),
            Today, Guid.NewGuid, Now)).Rule);
        var done = Evolve(agreement, CommunitySafetyAgreement.DecideCompleteMilestone(agreement, line.Id, milestone.Id, Today, Today, Guid.NewGuid, Now));
        Assert.Equal(Today, done.Line(line.Id)!.Milestones[0].CompletedOn);
        Assert.Equal("milestone-already-completed", Refused(() => CommunitySafetyAgreement.DecideCompleteMilestone(done, line.Id, milestone.Id, Today,
            Today, Guid.NewGuid, Now)).Rule);
        Assert.Equal(("milestone-not-found", Refusal.NotFound), Refused(() => CommunitySafetyAgreement.DecideCompleteMilestone(done, line.Id, Guid.NewGuid(), Today,
            Today, Guid.NewGuid, Now)) is var r ? (r.Rule, r.Kind) : default);
    }

    [Fact]
    public void A_line_is_under_a_current_priority_and_owned_by_a_registered_organisation()
    {
        var agreed = Agreed();
        Assert.Equal("priority-not-found", Refused(() => CommunitySafetyAgreement.DecideAddLine(agreed, Guid.NewGuid(), Guid.NewGuid(), "t", Police, Police.Id,
            [], [("m", null, 1, 2)], Today, Guid.NewGuid, Now)).Rule);
        Assert.Equal("organisation-not-registered", Refused(() => CommunitySafetyAgreement.DecideAddLine(agreed, Guid.NewGuid(), agreed.Current.Priorities[0].Id,
            "t", null, Guid.NewGuid(), [], [("m", null, 1, 2)], Today, Guid.NewGuid, Now)).Rule);
    }
}
