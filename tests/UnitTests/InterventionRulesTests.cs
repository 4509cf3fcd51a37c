using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using static CommunitySafety.UnitTests.CaseTestData;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class InterventionRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 10, 1);
    private static readonly Guid Referrer = Guid.NewGuid();
    private static readonly Subject Perpetrator = new(Guid.NewGuid(), SubjectRole.Perpetrator, new SealedDetails("x"));
    private static readonly Subject Other = new(Guid.NewGuid(), SubjectRole.Perpetrator, new SealedDetails("y"));

    private static CaseReferred Referral() =>
        new(Guid.NewGuid(), "ASB-2026-ABCDEF", Referrer, S("PC"), Area.North, [], [Perpetrator, Other], [], Guid.NewGuid(), T0);

    private static CaseFile NewCase() => CaseFile.Create(Referral());

    private static IReadOnlyList<object> Record(CaseFile file, Guid subjectId, InterventionKind kind, DateOnly issuedOn, Guid? interventionId = null,
        Guid? issuedBy = null) =>
        CaseFile.DecideRecordIntervention(file, interventionId ?? Guid.NewGuid(), subjectId, kind, issuedOn, issuedBy ?? Referrer, null, "Worker", T0);

    /// <summary>The case after recording (deciding and applying) an intervention.</summary>
    private static CaseFile With(CaseFile file, Guid subjectId, InterventionKind kind, DateOnly issuedOn, Guid? interventionId = null) =>
        file.Apply(Assert.IsType<InterventionRecorded>(Assert.Single(Record(file, subjectId, kind, issuedOn, interventionId))));

    private static DomainRuleViolation Refused(Func<object> decide) => Assert.Throws<DomainRuleViolation>(decide);

    [Fact]
    public void An_intervention_is_registered_and_its_issuing_organisation_becomes_an_agency()
    {
        var referral = Referral();
        var file = CaseFile.Create(referral);
        var id = Guid.NewGuid();
        var council = Guid.NewGuid();
        var recorded = Assert.IsType<InterventionRecorded>(Assert.Single(CaseFile.DecideRecordIntervention(
            file, id, Perpetrator.SubjectId, InterventionKind.AcceptableBehaviourAgreement, Day, council, S("Signed at home visit"), "Worker", T0)));
        Assert.Equal(new InterventionRecorded(file.Id, id, Perpetrator.SubjectId, InterventionKind.AcceptableBehaviourAgreement, Day, council,
            S("Signed at home visit"), "Worker", T0), recorded);

        file = file.Apply(recorded);
        Assert.Equal([new InterventionState(id, Perpetrator.SubjectId, InterventionKind.AcceptableBehaviourAgreement, Day)], file.Interventions);
        Assert.Equal([Referrer, council], file.Agencies);
        // the register as the case's reads show it
        var view = View([referral, recorded]);
        var intervention = Assert.Single(view.Interventions);
        Assert.Equal((id, Perpetrator.SubjectId, InterventionKind.AcceptableBehaviourAgreement, Day, council, (SealedText?)S("Signed at home visit")),
            (intervention.Id, intervention.SubjectId, intervention.Kind, intervention.IssuedOn, intervention.IssuedByOrganisation, intervention.Notes));
        Assert.Empty(intervention.Breaches);
        Assert.Equal([Referrer, council], view.Agencies);
    }

    [Fact]
    public void A_CPN_is_refused_without_any_CPW()
    {
        var file = With(NewCase(), Perpetrator.SubjectId, InterventionKind.Warning, Day.AddDays(-10));
        var refused = Refused(() => Record(file, Perpetrator.SubjectId, InterventionKind.CommunityProtectionNotice, Day));
        Assert.Equal(("cpn-needs-prior-warning", Refusal.Conflict), (refused.Rule, refused.Kind));
    }

    [Fact]
    public void A_CPN_is_refused_when_the_CPW_was_given_to_another_subject()
    {
        var file = With(NewCase(), Other.SubjectId, InterventionKind.CommunityProtectionWarning, Day.AddDays(-10));
        Assert.Equal("cpn-needs-prior-warning",
            Refused(() => Record(file, Perpetrator.SubjectId, InterventionKind.CommunityProtectionNotice, Day)).Rule);
    }

    [Fact]
    public void A_CPN_is_refused_when_the_CPW_is_dated_after_it()
    {
        var file = With(NewCase(), Perpetrator.SubjectId, InterventionKind.CommunityProtectionWarning, Day.AddDays(1));
        Assert.Equal("cpn-needs-prior-warning",
            Refused(() => Record(file, Perpetrator.SubjectId, InterventionKind.CommunityProtectionNotice, Day)).Rule);
    }

    [Theory]
    [InlineData(-14)]
    [InlineData(0)] // the same day counts as on or before
    public void A_CPN_is_allowed_after_a_CPW_to_the_same_subject(int warningDaysBefore)
    {
        var file = With(NewCase(), Perpetrator.SubjectId, InterventionKind.CommunityProtectionWarning, Day.AddDays(warningDaysBefore));
        var notice = Assert.IsType<InterventionRecorded>(Assert.Single(Record(file, Perpetrator.SubjectId, InterventionKind.CommunityProtectionNotice, Day)));
        Assert.Equal((InterventionKind.CommunityProtectionNotice, Perpetrator.SubjectId, Day), (notice.Kind, notice.SubjectId, notice.IssuedOn));
    }

    [Theory]
    [InlineData(InterventionKind.Warning)]
    [InlineData(InterventionKind.CommunityProtectionWarning)]
    [InlineData(InterventionKind.AcceptableBehaviourAgreement)]
    [InlineData(InterventionKind.Injunction)]
    public void Other_interventions_need_no_prior_warning(InterventionKind kind) =>
        Assert.IsType<InterventionRecorded>(Assert.Single(Record(NewCase(), Perpetrator.SubjectId, kind, Day)));

    [Fact]
    public void An_intervention_needs_a_subject_of_the_case()
    {
        var refused = Refused(() => Record(NewCase(), Guid.NewGuid(), InterventionKind.Warning, Day));
        Assert.Equal(("subject-not-found", Refusal.NotFound), (refused.Rule, refused.Kind));
    }

    [Fact]
    public void A_closed_case_takes_no_interventions_and_no_breaches()
    {
        var id = Guid.NewGuid();
        var file = With(NewCase(), Perpetrator.SubjectId, InterventionKind.Warning, Day, id);
        file = file.Apply(CaseFile.DecideClose(file, CaseOutcome.Resolved, S("done"), "Chair", T0));

        Assert.Equal("case-closed", Refused(() => Record(file, Perpetrator.SubjectId, InterventionKind.Warning, Day)).Rule);
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideRecordBreach(file, id, Day, S("Shouting again"), "Worker", T0)).Rule);
    }

    [Fact]
    public void A_breach_is_recorded_against_the_intervention_on_or_after_its_issue()
    {
        var aba = Guid.NewGuid();
        var warning = Guid.NewGuid();
        var referral = Referral();
        var events = new List<object> { referral };
        var file = CaseFile.Create(referral);
        foreach (var (subject, kind, id) in new[] { (Perpetrator.SubjectId, InterventionKind.AcceptableBehaviourAgreement, aba), (Other.SubjectId, InterventionKind.Warning, warning) })
        {
            var recorded = Assert.IsType<InterventionRecorded>(Assert.Single(Record(file, subject, kind, Day, id)));
            file = file.Apply(recorded);
            events.Add(recorded);
        }

        var sameDay = Assert.IsType<InterventionBreached>(Assert.Single(CaseFile.DecideRecordBreach(file, aba, Day, S("Same evening"), "Worker", T0)));
        Assert.Equal(new InterventionBreached(file.Id, aba, Day, S("Same evening"), "Worker", T0), sameDay);
        file = Fold(file, [sameDay]);
        var later = Assert.IsType<InterventionBreached>(Assert.Single(CaseFile.DecideRecordBreach(file, aba, Day.AddDays(5), S("Graffiti"), "Chair", T0)));
        events.AddRange([sameDay, later]);

        var view = View(events);
        Assert.Equal([new Breach(Day, S("Same evening"), "Worker", T0), new Breach(Day.AddDays(5), S("Graffiti"), "Chair", T0)],
            view.Interventions.Single(i => i.Id == aba).Breaches);
        Assert.Empty(view.Interventions.Single(i => i.Id == warning).Breaches);
    }

    [Fact]
    public void A_breach_needs_an_intervention_of_the_case_and_may_not_precede_it()
    {
        var id = Guid.NewGuid();
        var file = With(NewCase(), Perpetrator.SubjectId, InterventionKind.Injunction, Day, id);

        var missing = Refused(() => CaseFile.DecideRecordBreach(file, Guid.NewGuid(), Day, S("x"), "Worker", T0));
        Assert.Equal(("intervention-not-found", Refusal.NotFound), (missing.Rule, missing.Kind));
        var early = Refused(() => CaseFile.DecideRecordBreach(file, id, Day.AddDays(-1), S("x"), "Worker", T0));
        Assert.Equal(("breach-before-intervention", Refusal.Conflict), (early.Rule, early.Kind));
    }
}
