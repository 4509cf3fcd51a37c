using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>An action as the rules need it: which, and its latest status.</summary>
public sealed record ActionState(Guid ActionId, ActionStatus Status)
{
    public bool IsComplete => Status is ActionStatus.Done or ActionStatus.Cancelled;
}

/// <summary>An intervention as the rules need it: on whom, what kind, issued when.</summary>
public sealed record InterventionState(Guid Id, Guid SubjectId, InterventionKind Kind, DateOnly IssuedOn);

/// <summary>
/// An ASB case referred to the multi-agency panel, holding only what its rules read: its subjects, incidents and locations
/// (which a merge moves and an erasure redacts), its text key, status, current risk and review dates, agencies, and the
/// ids its rules check (links, merges, reviews, actions' statuses, interventions). What the case recorded for reading (the
/// risk history, closures and reopenings, reviews, actions' and interventions' texts, links, erasures) is in
/// <see cref="CaseFileView"/>. Its free text only sealed under <see cref="TextKey"/>, personal details only under the
/// subjects' keys. Its rules are in the partial files of this folder; its folds all here.
/// </summary>
public sealed partial record CaseFile(
    Guid Id, string Reference, IReadOnlyList<Incident> Incidents, IReadOnlyList<Subject> Subjects, IReadOnlyList<SealedText> Locations,
    IReadOnlyList<Guid> ErasedSubjects)
{
    public long Version { get; init; }

    /// <summary>The current generation of the case's text key: every <see cref="SealedText"/> of the case is sealed under it. Null once erased.</summary>
    public Guid? TextKey { get; init; }

    /// <summary>The level of the latest risk assessment; null until assessed.</summary>
    public RiskLevel? Risk { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    /// <summary>When the case was last closed (by a closure or a merge); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The agencies involved: the referring one, then every organisation that took on work or attended a review.</summary>
    public IReadOnlyList<Guid> Agencies { get; init; } = [];

    /// <summary>The day by which the panel must next review the case (set by a risk assessment, then by each review).</summary>
    public DateOnly? ReviewDue { get; init; }

    /// <summary>Set when a review date was missed; cleared by the next review.</summary>
    public DateOnly? ReviewOverdueSince { get; init; }

    /// <summary>The sittings at which the case was reviewed.</summary>
    public IReadOnlyList<Guid> ReviewedAt { get; init; } = [];

    public IReadOnlyList<ActionState> Actions { get; init; } = [];

    public IReadOnlyList<InterventionState> Interventions { get; init; } = [];

    /// <summary>The cases this one is linked to.</summary>
    public IReadOnlyList<Guid> LinkedCases { get; init; } = [];

    /// <summary>The duplicates merged into this case.</summary>
    public IReadOnlyList<Guid> MergedFrom { get; init; } = [];

    /// <summary>The surviving case this duplicate was merged into; null unless merged.</summary>
    public Guid? MergedInto { get; init; }

    public string? MergedIntoReference { get; init; }

    /// <summary>The case with <paramref name="organisation"/> among its agencies.</summary>
    public CaseFile WithAgency(Guid organisation) => Agencies.Contains(organisation) ? this : this with { Agencies = [.. Agencies, organisation] };

    /// <summary>Refuses work on a closed case (409): it must be reopened first.</summary>
    public CaseFile EnsureOpen() => Status == CaseStatus.Open
        ? this
        : throw new DomainRuleViolation("case-closed", $"Case {Reference} is closed; reopen it first.");

    public static CaseFile Create(CaseReferred e) =>
        new CaseFile(e.CaseId, e.Reference, e.Incidents, e.Subjects, e.Locations, []) { TextKey = e.TextKey }.WithAgency(e.ReferringOrganisationId);

    public CaseFile Apply(RiskAssessed e) => this with { Risk = e.Level, ReviewDue = e.NextReviewDue };

    public CaseFile Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, ClosedAt = e.ClosedAt };

    public CaseFile Apply(CaseReopened e) => this with { Status = CaseStatus.Open, ClosedAt = null };

    public CaseFile Apply(CaseLinked e) => this with { LinkedCases = [.. LinkedCases, e.LinkedCaseId] };

    public CaseFile Apply(CaseMergedIn e)
    {
        var merged = this with
        {
            Incidents = [.. Incidents, .. e.Incidents],
            Subjects = [.. Subjects, .. e.Subjects.Where(s => Subjects.All(mine => mine.SubjectId != s.SubjectId))],
            Locations = [.. Locations, .. e.Locations],
            MergedFrom = [.. MergedFrom, e.DuplicateCaseId],
        };
        return e.Agencies.Aggregate(merged, (file, agency) => file.WithAgency(agency));
    }

    public CaseFile Apply(CaseMergedInto e) => this with
    {
        Status = CaseStatus.Closed,
        ClosedAt = e.MergedAt,
        MergedInto = e.SurvivorCaseId,
        MergedIntoReference = e.SurvivorReference,
    };

    public CaseFile Apply(CaseReviewed e) =>
        e.Attendance.Aggregate(this, (file, agency) => file.WithAgency(agency)) with
        {
            ReviewedAt = [.. ReviewedAt, e.SittingId],
            ReviewDue = e.NextReviewDue,
            ReviewOverdueSince = null,
        };

    public CaseFile Apply(ReviewOverdue e) => this with { ReviewOverdueSince = e.DueOn };

    public CaseFile Apply(ActionAgreed e) => WithAgency(e.OwnerOrganisationId) with { Actions = [.. Actions, new ActionState(e.ActionId, ActionStatus.Open)] };

    public CaseFile Apply(ActionStatusChanged e) => this with
    {
        Actions = [.. Actions.Select(a => a.ActionId == e.ActionId ? a with { Status = e.Status } : a)],
    };

    public CaseFile Apply(InterventionRecorded e) => (this with
    {
        Interventions = [.. Interventions, new InterventionState(e.InterventionId, e.SubjectId, e.Kind, e.IssuedOn)],
    }).WithAgency(e.IssuedByOrganisation);

    /// <summary>The case's text under a new key: its own sealed texts (incidents, locations) taken from <paramref name="texts"/>.</summary>
    private CaseFile WithTexts(Guid textKey, CaseTexts texts) => this with { TextKey = textKey, Incidents = texts.Incidents, Locations = texts.Locations };

    public CaseFile Apply(SubjectErased e) => WithTexts(e.TextKey, e.Texts) with { ErasedSubjects = [.. ErasedSubjects, e.SubjectId] };

    public CaseFile Apply(CaseTextResealed e) => WithTexts(e.TextKey, e.Texts) with
    {
        ErasedSubjects = Subjects.Any(s => s.SubjectId == e.ErasedSubjectId) && !ErasedSubjects.Contains(e.ErasedSubjectId)
            ? [.. ErasedSubjects, e.ErasedSubjectId]
            : ErasedSubjects,
    };

    public CaseFile Apply(CaseRetentionErased e) => this with
    {
        TextKey = null,
        ErasedSubjects = [.. ErasedSubjects, .. e.SubjectIds.Where(s => !ErasedSubjects.Contains(s))],
    };

    public static CaseClosed DecideClose(CaseFile file, CaseOutcome outcome, SealedText reason, string by, DateTimeOffset now) =>
        file.Status == CaseStatus.Closed
            ? throw new DomainRuleViolation("case-closed", $"Case {file.Reference} is already closed.")
            : new CaseClosed(file.Id, outcome, reason, by, now);

    /// <summary>A closed case reopens, unless it was merged away or its data was erased at the end of its retention period.</summary>
    public static IReadOnlyList<object> DecideReopen(CaseFile file, SealedText reason, string by, DateTimeOffset now) =>
        file.Status == CaseStatus.Open
            ? throw new DomainRuleViolation("case-open", $"Case {file.Reference} is open; only a closed case can be reopened.")
            : file.MergedInto is { } survivor
                ? throw MergedAway(file, survivor)
                : file.TextKey is null
                    ? throw CaseText.Erased()
                    : [new CaseReopened(file.Id, reason, by, now)];

    public static string ReferenceFor(Guid caseId, DateTimeOffset at) => $"ASB-{at:yyyy}-{caseId.ToString("N")[^6..].ToUpperInvariant()}";

    /// <summary>The case after <paramref name="event"/> (the case itself when the stream starts): the one fold of its events.</summary>
    /// <param name="state">The case so far; null before the stream's first event.</param>
    /// <param name="event">The next event of the case's stream.</param>
    public static CaseFile Evolve(CaseFile? state, object @event) => (state, @event) switch
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
        (_, InterventionBreached) => state, // a breach changes nothing a rule reads
        (_, SubjectErased e) => state.Apply(e),
        (_, CaseTextResealed e) => state.Apply(e),
        (_, CaseRetentionErased e) => state.Apply(e),
        _ => throw new InvalidOperationException($"A case has no event {@event.GetType().Name}."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(CaseFile?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public CaseFile Evolve(object @event) => Evolve(this, @event);
}
