using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Panel;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.ServiceDefaults;
using static CommunitySafety.UnitTests.CaseTestData;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class PanelRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ReviewSchedule Schedule = new();

    private static CaseReferred Referral(string reference = "ASB-2026-AAAAAA", params Subject[] subjects) =>
        new(Guid.NewGuid(), reference, Guid.NewGuid(), S("PC"), Area.North, [], subjects, [], Guid.NewGuid(), T0);

    private static CaseFile NewCase(string reference = "ASB-2026-AAAAAA", params Subject[] subjects) => CaseFile.Create(Referral(reference, subjects));

    /// <summary>A new case as its reads (the agenda, the overdue lists) see it.</summary>
    private static CaseFileView NewView(string reference = "ASB-2026-AAAAAA") => CaseFileView.Create(Referral(reference));

    private static RiskAssessed Assessment(Guid caseId, RiskLevel level, DateOnly reviewDue) =>
        new(caseId, new Dictionary<string, bool>(), 0, level, Guid.NewGuid(), "assessor", T0, reviewDue);

    private static CaseFile Assessed(CaseFile file, RiskLevel level, DateOnly reviewDue) => file.Apply(Assessment(file.Id, level, reviewDue));

    private static CaseFileView Assessed(CaseFileView view, RiskLevel level, DateOnly reviewDue) => view.Apply(Assessment(view.Id, level, reviewDue));

    [Theory]
    [InlineData(ActionStatus.Open, -1, Rag.Red)]
    [InlineData(ActionStatus.InProgress, -30, Rag.Red)]
    [InlineData(ActionStatus.Open, 0, Rag.Amber)]        // due today: not yet overdue
    [InlineData(ActionStatus.Open, 7, Rag.Amber)]        // the last amber day
    [InlineData(ActionStatus.InProgress, 8, Rag.Green)]
    [InlineData(ActionStatus.Done, -10, Rag.Complete)]   // done late is still done
    [InlineData(ActionStatus.Cancelled, 3, Rag.Complete)]
    public void RAG_is_derived_from_the_due_date_and_completion(ActionStatus status, int dueInDays, Rag expected)
    {
        var action = new CaseAction(Guid.NewGuid(), Guid.NewGuid(), S("Visit"), Today.AddDays(dueInDays), null, status, "me", T0, []);
        Assert.Equal(expected, action.RagOn(Today));
    }

    [Fact]
    public void An_action_goes_to_a_signatory_and_moves_forward_only()
    {
        var owner = Guid.NewGuid();
        var referred = Referral();
        var file = CaseFile.Create(referred);
        var events = new List<object> { referred };
        Assert.Equal("owner-not-signatory", Assert.Throws<DomainRuleViolation>(() =>
            CaseFile.DecideAction(file, Guid.NewGuid(), owner, ownerIsSignatory: false, S("Visit"), Today, null, "me", T0)).Rule);

        var agreed = CaseFile.DecideAction(file, Guid.NewGuid(), owner, ownerIsSignatory: true, S("Visit the victim"), Today.AddDays(14), null, "me", T0);
        file = file.Apply(agreed);
        events.Add(agreed);
        Assert.Contains(owner, file.Agencies);
        Assert.Equal(ActionStatus.Open, Assert.Single(file.Actions).Status);

        string Refused(ActionStatus status) =>
            Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideActionStatus(file, agreed.ActionId, status, null, "me", T0)).Rule;
        Assert.Equal("action-status-unchanged", Refused(ActionStatus.Open));
        var started = CaseFile.DecideActionStatus(file, agreed.ActionId, ActionStatus.InProgress, S("Booked"), "me", T0);
        file = file.Apply(started);
        Assert.Equal("action-cannot-reopen", Refused(ActionStatus.Open));
        var done = CaseFile.DecideActionStatus(file, agreed.ActionId, ActionStatus.Done, S("Visited"), "me", T0.AddDays(1));
        file = file.Apply(done);
        Assert.Equal("action-complete", Refused(ActionStatus.Cancelled));
        Assert.Equal(ActionStatus.Done, Assert.Single(file.Actions).Status);
        var view = View([.. events, started, done]);
        Assert.Contains(owner, view.Agencies);
        Assert.Equal((ActionStatus.Done, S("Visit the victim")), (view.Actions[0].Status, view.Actions[0].Description));
        Assert.Equal([ActionStatus.InProgress, ActionStatus.Done], view.Actions[0].History.Select(h => h.Status));

        var missing = Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideActionStatus(file, Guid.NewGuid(), ActionStatus.Done, null, "me", T0));
        Assert.Equal(("action-not-found", Refusal.NotFound), (missing.Rule, missing.Kind));
        var closed = file.Apply(CaseFile.DecideClose(file, CaseOutcome.Resolved, S("done"), "me", T0));
        Assert.Equal("case-closed", Assert.Throws<DomainRuleViolation>(() =>
            CaseFile.DecideAction(closed, Guid.NewGuid(), owner, true, S("Visit"), Today, null, "me", T0)).Rule);
    }

    [Fact]
    public void The_agenda_takes_cases_whose_review_is_due_or_was_missed_and_says_why_each_case_is_on_or_off()
    {
        var sittingOn = new DateOnly(2026, 12, 8);
        var highDue = Assessed(NewView("ASB-2026-HIGH01"), RiskLevel.High, new DateOnly(2026, 12, 1));
        var mediumDueOnTheDay = Assessed(NewView("ASB-2026-MED001"), RiskLevel.Medium, sittingOn);
        var lowDue = Assessed(NewView("ASB-2026-LOW001"), RiskLevel.Low, new DateOnly(2026, 12, 2));
        var mediumNotDue = Assessed(NewView("ASB-2026-MED002"), RiskLevel.Medium, sittingOn.AddDays(1));
        var unassessed = NewView("ASB-2026-NEW001");
        var missed = Assessed(NewView("ASB-2026-LOW002"), RiskLevel.Low, new DateOnly(2027, 2, 1))
            .Apply(new ReviewOverdue(Guid.Empty, new DateOnly(2026, 10, 1), T0));
        var closedDue = Assessed(NewView("ASB-2026-CLOSED"), RiskLevel.High, new DateOnly(2026, 11, 1));
        closedDue = closedDue.Apply(new CaseClosed(closedDue.Id, CaseOutcome.Resolved, S("done"), "me", T0));

        var agenda = PanelAgenda.Build([unassessed, mediumNotDue, lowDue, closedDue, missed, mediumDueOnTheDay, highDue], sittingOn);

        Assert.Equal(["ASB-2026-HIGH01", "ASB-2026-MED001", "ASB-2026-LOW001", "ASB-2026-LOW002", "ASB-2026-MED002", "ASB-2026-NEW001"],
            agenda.Select(e => e.Reference));
        Assert.Equal([true, true, true, true, false, false], agenda.Select(e => e.OnAgenda));
        Assert.Equal("High risk: review due 2026-12-01.", agenda[0].Reason);
        Assert.Equal("Overdue for review: the review due 2026-10-01 was missed.", agenda[3].Reason);
        Assert.Equal("Medium risk: next review not due until 2026-12-09.", agenda[4].Reason);
        Assert.StartsWith("Not yet risk-assessed", agenda[5].Reason);
    }

    [Fact]
    public void An_agenda_is_settled_once_a_review_is_recorded()
    {
        var sitting = PanelSitting.Create(new PanelSittingScheduled(Guid.NewGuid(), Today, "Chair", T0));
        var built = PanelSitting.DecideAgenda(sitting, [], "Chair", T0);
        Assert.Empty(built.Considered);
        sitting = new object[] { built, new SittingCaseReviewed(sitting.Id, Guid.NewGuid(), "ASB-2026-AAAAAA", T0) }.Aggregate(sitting, PanelSitting.Evolve);
        Assert.True(sitting.ReviewsRecorded);
        Assert.Equal("sitting-under-way", Assert.Throws<DomainRuleViolation>(() => PanelSitting.DecideAgenda(sitting, [], "Chair", T0)).Rule);
    }

    [Fact]
    public void A_sittings_view_shows_who_scheduled_it_its_latest_agenda_the_cases_reviewed_and_the_latest_attendance()
    {
        var scheduled = new PanelSittingScheduled(Guid.NewGuid(), Today, "Chair", T0);
        var first = new AgendaBuilt(scheduled.SittingId, [], "Chair", T0);
        var open = Assessed(NewView("ASB-2026-AAAAAA"), RiskLevel.High, Today);
        var rebuilt = PanelSitting.DecideAgenda(PanelSitting.Create(scheduled), [open], "Clerk", T0.AddDays(1));
        var (police, council) = (Guid.NewGuid(), Guid.NewGuid());
        var reviewed = new SittingCaseReviewed(scheduled.SittingId, open.Id, open.Reference, T0.AddDays(2));
        object[] events =
        [
            scheduled, first, rebuilt, new SittingAttendanceRecorded(scheduled.SittingId, [police], "Chair", T0.AddDays(2)), reviewed,
            new SittingAttendanceRecorded(scheduled.SittingId, [police, council], "Chair", T0.AddDays(2)),
        ];

        var view = events.Aggregate((PanelSittingView?)null, PanelSittingView.Evolve)!;

        Assert.Equal((scheduled.SittingId, Today, "Chair", T0), (view.Id, view.SittingOn, view.ScheduledBy, view.ScheduledAt));
        Assert.Equal(rebuilt, view.Agenda);
        Assert.Equal([reviewed], view.Reviewed);
        Assert.Equal([police, council], view.Attendance);
        var sitting = events.Aggregate((PanelSitting?)null, PanelSitting.Evolve)!;
        Assert.Equal((scheduled.SittingId, Today, true), (sitting.Id, sitting.SittingOn, sitting.ReviewsRecorded));
    }

    [Fact]
    public void A_review_sets_the_next_review_by_risk_from_the_sitting_clears_a_missed_review_and_involves_the_attending_agencies()
    {
        var sittingId = Guid.NewGuid();
        var police = Guid.NewGuid();
        var housing = Guid.NewGuid();
        var file = Assessed(NewCase(), RiskLevel.Low, new DateOnly(2026, 9, 1)).Apply(new ReviewOverdue(Guid.Empty, new DateOnly(2026, 9, 1), T0));
        var view = Assessed(NewView(), RiskLevel.Low, new DateOnly(2026, 9, 1)).Apply(new ReviewOverdue(Guid.Empty, new DateOnly(2026, 9, 1), T0));

        var review = CaseFile.DecideReview(file, sittingId, Today, [police, housing, police], S("Discussed"), [S("Issue a CPW")], Schedule, "Chair", T0);
        Assert.Equal([police, housing], review.Attendance);
        Assert.Equal(new DateOnly(2027, 2, 23), review.NextReviewDue); // low risk: three months
        file = file.Apply(review);
        Assert.Null(file.ReviewOverdueSince);
        Assert.Equal(new DateOnly(2027, 2, 23), file.ReviewDue);
        Assert.Contains(housing, file.Agencies);
        Assert.Equal([sittingId], file.ReviewedAt);
        view = view.Apply(review);
        Assert.Equal(((DateOnly?)null, (DateOnly?)new DateOnly(2027, 2, 23)), (view.ReviewOverdueSince, view.ReviewDue));
        Assert.Contains(housing, view.Agencies);
        Assert.Equal([review], view.Reviews);

        Assert.Equal("already-reviewed", Assert.Throws<DomainRuleViolation>(() =>
            CaseFile.DecideReview(file, sittingId, Today, [police], S("Again"), [], Schedule, "Chair", T0)).Rule);
        Assert.Equal("sitting-not-held", Assert.Throws<DomainRuleViolation>(() =>
            CaseFile.DecideReview(file, Guid.NewGuid(), Today.AddDays(1), [police], S("Early"), [], Schedule, "Chair", T0)).Rule);
        var high = CaseFile.DecideReview(Assessed(NewCase(), RiskLevel.High, Today), Guid.NewGuid(), Today, [police], S("s"), [], Schedule, "Chair", T0);
        Assert.Equal(Today.AddMonths(1), high.NextReviewDue);
    }

    [Fact]
    public void A_missed_review_is_raised_once_and_only_if_the_date_still_stands()
    {
        var due = new DateOnly(2026, 11, 20);
        var file = Assessed(NewCase(), RiskLevel.High, due);

        Assert.Empty(CaseFile.DecideReviewCheck(file, due, PartnershipCalendar.StartOf(due).AddHours(12)));   // still the due day
        var raised = Assert.IsType<ReviewOverdue>(Assert.Single(CaseFile.DecideReviewCheck(file, due, T0)));
        Assert.Equal(due, raised.DueOn);
        Assert.Empty(CaseFile.DecideReviewCheck(file.Apply(raised), due, T0));                              // raised already
        Assert.Empty(CaseFile.DecideReviewCheck(Assessed(file, RiskLevel.High, due.AddMonths(1)), due, T0)); // re-assessed: new date
        Assert.Empty(CaseFile.DecideReviewCheck(file.Apply(CaseFile.DecideClose(file, CaseOutcome.Resolved, S("r"), "me", T0)), due, T0));
    }

    [Fact]
    public void The_check_runs_at_the_start_of_the_day_after_the_due_date_in_UK_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), ReviewDueCheckHandler.RunAt(new DateOnly(2026, 12, 1)));   // GMT
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.FromHours(1)), ReviewDueCheckHandler.RunAt(new DateOnly(2026, 7, 1))); // BST
    }

    [Fact]
    public void Overdue_lists_hold_open_cases_only_late_actions_and_reviews_past_their_date()
    {
        var owner = Guid.NewGuid();
        var lateFile = Assessed(NewCase("ASB-2026-LATE01"), RiskLevel.High, Today.AddDays(-3));
        var late = Assessed(NewView("ASB-2026-LATE01"), RiskLevel.High, Today.AddDays(-3)) with { Id = lateFile.Id };
        late = late.Apply(CaseFile.DecideAction(lateFile, Guid.NewGuid(), owner, true, S("Late"), Today.AddDays(-1), null, "me", T0))
            .Apply(CaseFile.DecideAction(lateFile, Guid.NewGuid(), Guid.NewGuid(), true, S("On time"), Today, null, "me", T0));
        var dueToday = Assessed(NewView("ASB-2026-TODAY1"), RiskLevel.High, Today);
        var closed = late.Apply(CaseFile.DecideClose(lateFile, CaseOutcome.Resolved, S("r"), "me", T0)) with { Id = Guid.NewGuid() };

        var actions = Overdue.Actions([late, dueToday, closed], Today);
        Assert.Equal([S("Late")], actions.Select(a => a.Description));
        Assert.Empty(Overdue.Actions([late], Today, owner: Guid.NewGuid()));
        Assert.Single(Overdue.Actions([late], Today, owner));

        var review = Assert.Single(Overdue.Reviews([late, dueToday, closed], Today));
        Assert.Equal(("ASB-2026-LATE01", 3), (review.Reference, review.DaysOverdue));
    }

    [Fact]
    public void Retention_erases_the_text_and_every_remaining_subject_of_a_case_still_closed_from_that_closure_once_the_period_has_run()
    {
        var policy = new RetentionPolicy();
        var a = new Subject(Guid.NewGuid(), SubjectRole.Perpetrator, new SealedDetails("x"));
        var b = new Subject(Guid.NewGuid(), SubjectRole.Victim, new SealedDetails("y"));
        var referred = Referral("ASB-2026-RET001", a, b);
        var file = CaseFile.Create(referred) with { ErasedSubjects = [a.SubjectId] }; // a erased before
        var closure = CaseFile.DecideClose(file, CaseOutcome.Resolved, S("done"), "me", T0);
        var closedFile = file.Apply(closure);
        var closedView = (CaseFileView.Create(referred) with { ErasedSubjects = [a.SubjectId] }).Apply(closure);

        Assert.Equal(T0.AddYears(6), policy.ErasableFrom(T0));
        Assert.Null(policy.Decide(closedFile, T0, T0.AddYears(6).AddSeconds(-1)));
        var erased = policy.Decide(closedFile, T0, T0.AddYears(6));
        Assert.NotNull(erased);
        Assert.Equal([b.SubjectId], erased.SubjectIds);
        Assert.Contains("6 years", erased.Reason);
        var after = closedFile.Apply(erased);
        Assert.Null(after.TextKey);
        Assert.Equal([a.SubjectId, b.SubjectId], after.ErasedSubjects);
        var afterView = closedView.Apply(erased);
        Assert.Equal(((Guid?)null, (DateTimeOffset?)T0.AddYears(6)), (afterView.TextKey, afterView.TextErasedAt));
        Assert.Equal([a.SubjectId, b.SubjectId], afterView.ErasedSubjects);
        Assert.Null(policy.Decide(after, T0, T0.AddYears(7)));                         // once
        Assert.Equal("case-erased", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideReopen(after, S("new incident"), "me", T0.AddYears(7))).Rule);

        var reopened = closedFile.Apply((CaseReopened)CaseFile.DecideReopen(closedFile, S("new incident"), "me", T0.AddYears(1))[0]);
        Assert.Null(policy.Decide(reopened, T0, T0.AddYears(7)));                      // reopened: that closure no longer counts
        var closedAgain = reopened.Apply(CaseFile.DecideClose(reopened, CaseOutcome.Resolved, S("done"), "me", T0.AddYears(2)));
        Assert.Null(policy.Decide(closedAgain, T0, T0.AddYears(7)));                   // the later closure runs its own period
        Assert.NotNull(policy.Decide(closedAgain, T0.AddYears(2), T0.AddYears(8)));

        Assert.NotEmpty(new RetentionPolicy { Years = 0 }.Faults());
    }
}
