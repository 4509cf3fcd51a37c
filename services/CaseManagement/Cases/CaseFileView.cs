using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>
/// A case as its reads show it: everything it ever recorded (risk history, closures and reopenings, reviews, actions with
/// their changes, interventions with their breaches, links, merged duplicates, erasures), a self-aggregating projection of
/// the case's stream kept inline (a read sees its own write). Like the aggregate, it holds its free text only sealed under
/// <see cref="TextKey"/> and personal details only sealed under the subjects' keys: the reads open them
/// (<see cref="CaseView.Of"/>) for those who may see them, so shredding a key erases them here too.
/// </summary>
public sealed partial record CaseFileView(
    Guid Id, string Reference, Guid ReferringOrganisationId, SealedText ReferringOfficer, Area Area,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<Subject> Subjects, IReadOnlyList<SealedText> Locations,
    IReadOnlyList<Guid> ErasedSubjects, DateTimeOffset ReferredAt)
{
    public long Version { get; init; }

    /// <summary>The current generation of the case's text key (null once erased).</summary>
    public Guid? TextKey { get; init; }

    /// <summary>Every risk assessment, oldest first; the last is the current one.</summary>
    public IReadOnlyList<RiskAssessed> RiskHistory { get; init; } = [];

    public RiskAssessed? CurrentRisk => RiskHistory.Count == 0 ? null : RiskHistory[^1];

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    /// <summary>Every closure and reopening, oldest first.</summary>
    public IReadOnlyList<StatusChange> StatusHistory { get; init; } = [];

    /// <summary>The agencies involved: the referring one, then every organisation that took on work or attended a review.</summary>
    public IReadOnlyList<Guid> Agencies { get; init; } = [];

    /// <summary>The day by which the panel must next review the case.</summary>
    public DateOnly? ReviewDue { get; init; }

    /// <summary>Set when a review date was missed; cleared by the next review.</summary>
    public DateOnly? ReviewOverdueSince { get; init; }

    public IReadOnlyList<CaseReviewed> Reviews { get; init; } = [];

    public IReadOnlyList<CaseAction> Actions { get; init; } = [];

    /// <summary>The register of interventions on the case's subjects, in the order they were recorded.</summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    /// <summary>The related cases, oldest link first.</summary>
    public IReadOnlyList<CaseLink> Links { get; init; } = [];

    /// <summary>The duplicates merged into this case, oldest first.</summary>
    public IReadOnlyList<MergedCase> MergedFrom { get; init; } = [];

    /// <summary>The surviving case this duplicate was merged into; null unless merged.</summary>
    public Guid? MergedInto { get; init; }

    public string? MergedIntoReference { get; init; }

    /// <summary>The erasures of its subjects, oldest first.</summary>
    public IReadOnlyList<SubjectErasure> Erasures { get; init; } = [];

    /// <summary>When the retention erasure shredded the case's text key; null before.</summary>
    public DateTimeOffset? TextErasedAt { get; init; }

    /// <summary>Every free text of the case: what an erasure redacts and re-seals under a new key.</summary>
    public CaseTexts Texts => new(ReferringOfficer, Incidents, Locations, StatusHistory, Links, MergedFrom, Reviews, Actions, Interventions, Erasures);

    /// <summary>The view with <paramref name="texts"/> sealed under the text key <paramref name="textKey"/>.</summary>
    public CaseFileView WithTexts(Guid textKey, CaseTexts texts) => this with
    {
        TextKey = textKey,
        ReferringOfficer = texts.ReferringOfficer,
        Incidents = texts.Incidents,
        Locations = texts.Locations,
        StatusHistory = texts.StatusHistory,
        Links = texts.Links,
        MergedFrom = texts.MergedFrom,
        Reviews = texts.Reviews,
        Actions = texts.Actions,
        Interventions = texts.Interventions,
        Erasures = texts.Erasures,
    };

    /// <summary>The view with <paramref name="organisation"/> among its agencies.</summary>
    public CaseFileView WithAgency(Guid organisation) => Agencies.Contains(organisation) ? this : this with { Agencies = [.. Agencies, organisation] };

    public static CaseFileView Create(CaseReferred e) => new CaseFileView(e.CaseId, e.Reference, e.ReferringOrganisationId, e.ReferringOfficer,
        e.Area, e.Incidents, e.Subjects, e.Locations, [], e.ReferredAt) { TextKey = e.TextKey }.WithAgency(e.ReferringOrganisationId);

    public CaseFileView Apply(RiskAssessed e) => this with { RiskHistory = [.. RiskHistory, e], ReviewDue = e.NextReviewDue };

    public CaseFileView Apply(CaseClosed e) => this with
    {
        Status = CaseStatus.Closed,
        StatusHistory = [.. StatusHistory, new StatusChange(CaseStatus.Closed, e.Outcome, e.Reason, e.ClosedBy, e.ClosedAt)],
    };

    public CaseFileView Apply(CaseReopened e) => this with
    {
        Status = CaseStatus.Open,
        StatusHistory = [.. StatusHistory, new StatusChange(CaseStatus.Open, null, e.Reason, e.ReopenedBy, e.ReopenedAt)],
    };

    public CaseFileView Apply(CaseLinked e) =>
        this with { Links = [.. Links, new CaseLink(e.LinkedCaseId, e.LinkedReference, e.Reason, e.LinkedBy, e.LinkedAt)] };

    public CaseFileView Apply(CaseMergedIn e)
    {
        var merged = this with
        {
            Incidents = [.. Incidents, .. e.Incidents],
            Subjects = [.. Subjects, .. e.Subjects.Where(s => Subjects.All(mine => mine.SubjectId != s.SubjectId))],
            Locations = [.. Locations, .. e.Locations],
            MergedFrom = [.. MergedFrom, new MergedCase(e.DuplicateCaseId, e.DuplicateReference, e.Reason, e.MergedBy, e.MergedAt)],
        };
        return e.Agencies.Aggregate(merged, (view, agency) => view.WithAgency(agency));
    }

    public CaseFileView Apply(CaseMergedInto e) => this with
    {
        Status = CaseStatus.Closed,
        StatusHistory = [.. StatusHistory, new StatusChange(CaseStatus.Closed, CaseOutcome.MergedIntoAnotherCase, e.Reason, e.MergedBy, e.MergedAt)],
        MergedInto = e.SurvivorCaseId,
        MergedIntoReference = e.SurvivorReference,
    };

    public CaseFileView Apply(CaseReviewed e) =>
        e.Attendance.Aggregate(this, (view, agency) => view.WithAgency(agency)) with
        {
            Reviews = [.. Reviews, e],
            ReviewDue = e.NextReviewDue,
            ReviewOverdueSince = null,
        };

    public CaseFileView Apply(ReviewOverdue e) => this with { ReviewOverdueSince = e.DueOn };

    public CaseFileView Apply(ActionAgreed e) => WithAgency(e.OwnerOrganisationId) with
    {
        Actions = [.. Actions, new CaseAction(e.ActionId, e.OwnerOrganisationId, e.Description, e.DueOn, e.SittingId, ActionStatus.Open, e.AgreedBy, e.AgreedAt, [])],
    };

    public CaseFileView Apply(ActionStatusChanged e) => this with
    {
        Actions = Actions.Select(a => a.ActionId == e.ActionId ? a with { Status = e.Status, History = [.. a.History, e] } : a).ToList(),
    };

    public CaseFileView Apply(InterventionRecorded e) => (this with
    {
        Interventions = [.. Interventions, new Intervention(e.InterventionId, e.SubjectId, e.Kind, e.IssuedOn, e.IssuedByOrganisation,
            e.Notes, e.RecordedBy, e.RecordedAt, [])],
    }).WithAgency(e.IssuedByOrganisation);

    public CaseFileView Apply(InterventionBreached e) => this with
    {
        Interventions = [.. Interventions.Select(i => i.Id == e.InterventionId
            ? i with { Breaches = [.. i.Breaches, new Breach(e.OccurredOn, e.Description, e.RecordedBy, e.RecordedAt)] }
            : i)],
    };

    public CaseFileView Apply(SubjectErased e) => WithTexts(e.TextKey, e.Texts) with { ErasedSubjects = [.. ErasedSubjects, e.SubjectId] };

    public CaseFileView Apply(CaseTextResealed e) => WithTexts(e.TextKey, e.Texts) with
    {
        ErasedSubjects = Subjects.Any(s => s.SubjectId == e.ErasedSubjectId) && !ErasedSubjects.Contains(e.ErasedSubjectId)
            ? [.. ErasedSubjects, e.ErasedSubjectId]
            : ErasedSubjects,
    };

    public CaseFileView Apply(CaseRetentionErased e) => this with
    {
        TextKey = null,
        TextErasedAt = e.ErasedAt,
        ErasedSubjects = [.. ErasedSubjects, .. e.SubjectIds.Where(s => !ErasedSubjects.Contains(s))],
    };

    /// <summary>The view after <paramref name="event"/> (the view itself when the stream starts): the one fold of its events.</summary>
    /// <param name="state">The view so far; null before the stream's first event.</param>
    /// <param name="event">The next event of the case's stream.</param>
    public static CaseFileView Evolve(CaseFileView? state, object @event) => (state, @event) switch
    {
        (_, CaseReferred e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A case's stream starts with {nameof(CaseReferred)}, not {@event.GetType().Name}."),
        (_, RiskAssessed e) => state.Apply(e),
        (_, CaseClosed e) => state.Apply(e),
        (_, CaseReopened e) => state.Apply(e),
        (_, CaseLinked e) => state.Apply(e),
        (_, CaseMergedIn e) => state.Apply(e),
        (_, CaseMergedInto e) => state.Apply(e),
        (_, CaseReviewed e) => state.Apply(e),
        (_, ReviewOverdue e) => state.Apply(e),
        (_, ActionAgreed e) => state.Apply(e),
        (_, ActionStatusChanged e) => state.Apply(e),
        (_, InterventionRecorded e) => state.Apply(e),
        (_, InterventionBreached e) => state.Apply(e),
        (_, SubjectErased e) => state.Apply(e),
        (_, CaseTextResealed e) => state.Apply(e),
        (_, CaseRetentionErased e) => state.Apply(e),
        _ => throw new InvalidOperationException($"A case has no event {@event.GetType().Name}."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(CaseFileView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public CaseFileView Evolve(object @event) => Evolve(this, @event);
}

public static class CaseQueries
{
    /// <summary>
    /// The open cases' views. A partnership has tens or hundreds of open cases, so agendas, the caseload and overdue lists
    /// are computed from them in memory by pure functions.
    /// </summary>
    public static async Task<IReadOnlyList<CaseFileView>> OpenAsync(IQuerySession session, CancellationToken ct) =>
        await QueryableExtensions.ToListAsync(session.Query<CaseFileView>().Where(c => c.Status == CaseStatus.Open), ct);
}
