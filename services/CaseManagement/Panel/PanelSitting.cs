using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record PanelSittingScheduled(Guid SittingId, DateOnly SittingOn, string ScheduledBy, DateTimeOffset ScheduledAt);

/// <summary>Why one open case is on, or off, a sitting's agenda.</summary>
public sealed record AgendaEntry(Guid CaseId, string Reference, Area Area, RiskLevel? Risk, DateOnly? ReviewDue, bool OnAgenda, string Reason);

/// <summary>The agenda as built from the open cases: every open case considered, with the reason it is on or off.</summary>
public sealed record AgendaBuilt(Guid SittingId, IReadOnlyList<AgendaEntry> Considered, string BuiltBy, DateTimeOffset BuiltAt);

/// <summary>The agencies present at a sitting that has taken place (recorded again to correct it: the latest list counts).</summary>
public sealed record SittingAttendanceRecorded(Guid SittingId, IReadOnlyList<Guid> Attendance, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record SittingCaseReviewed(Guid SittingId, Guid CaseId, string Reference, DateTimeOffset RecordedAt);

/// <summary>
/// A monthly sitting of the multi-agency ASB case panel, holding only what its rules read: its day, and whether a review
/// has been recorded at it (which settles its agenda). Its agenda, reviews and attendance are in
/// <see cref="PanelSittingView"/>.
/// </summary>
public sealed record PanelSitting(Guid Id, DateOnly SittingOn)
{
    public long Version { get; init; }

    /// <summary>Whether a case has been reviewed at the sitting: its agenda is settled from then on.</summary>
    public bool ReviewsRecorded { get; init; }

    public static PanelSitting Create(PanelSittingScheduled e) => new(e.SittingId, e.SittingOn);

    public PanelSitting Apply(SittingCaseReviewed e) => this with { ReviewsRecorded = true };

    /// <summary>Who attended, by agency: only once the sitting has taken place (as its reviews).</summary>
    public static SittingAttendanceRecorded DecideAttendance(PanelSitting sitting, IReadOnlyList<Guid> attendance, string by, DateTimeOffset now) =>
        sitting.SittingOn > PartnershipCalendar.Today(now)
            ? throw new DomainRuleViolation("sitting-not-held", $"The sitting of {sitting.SittingOn:yyyy-MM-dd} has not taken place yet: record who attended on the day.")
            : new SittingAttendanceRecorded(sitting.Id, attendance.Distinct().ToList(), by, now);

    public static AgendaBuilt DecideAgenda(PanelSitting sitting, IEnumerable<CaseFileView> cases, string by, DateTimeOffset now) =>
        sitting.ReviewsRecorded
            ? throw new DomainRuleViolation("sitting-under-way", "Reviews have been recorded at this sitting: its agenda is settled.")
            : new AgendaBuilt(sitting.Id, PanelAgenda.Build(cases, sitting.SittingOn), by, now);

    /// <summary>The sitting after <paramref name="event"/> (the sitting itself when the stream starts).</summary>
    /// <param name="state">The sitting so far; null before the stream's first event.</param>
    /// <param name="event">The next event of the sitting's stream.</param>
    public static PanelSitting Evolve(PanelSitting? state, object @event) => (state, @event) switch
    {
        (_, PanelSittingScheduled e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A sitting's stream starts with {nameof(PanelSittingScheduled)}, not {@event.GetType().Name}."),
        (_, SittingCaseReviewed e) => state.Apply(e),
        (_, AgendaBuilt or SittingAttendanceRecorded) => state, // nothing a rule reads
        _ => throw new InvalidOperationException($"A sitting has no event {@event.GetType().Name}."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(PanelSitting?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public PanelSitting Evolve(object @event) => Evolve(this, @event);
}

/// <summary>
/// Which cases a sitting takes. Every open case is considered and the reason recorded: on when its review is due by
/// the sitting (risk sets how often: by default high and medium every month, low every three) or when a missed review
/// was raised; off when not yet risk-assessed or not yet due.
/// </summary>
public static class PanelAgenda
{
    public static IReadOnlyList<AgendaEntry> Build(IEnumerable<CaseFileView> cases, DateOnly sittingOn) =>
        cases.Where(c => c.Status == CaseStatus.Open)
            .Select(c => Consider(c, sittingOn))
            .OrderByDescending(e => e.OnAgenda)
            .ThenByDescending(e => e.Risk)
            .ThenBy(e => e.ReviewDue)
            .ThenBy(e => e.Reference, StringComparer.Ordinal)
            .ToList();

    public static AgendaEntry Consider(CaseFileView c, DateOnly sittingOn)
    {
        var risk = c.CurrentRisk?.Level;
        AgendaEntry Entry(bool on, string reason) => new(c.Id, c.Reference, c.Area, risk, c.ReviewDue, on, reason);

        if (c.ReviewOverdueSince is { } missed)
            return Entry(true, $"Overdue for review: the review due {missed:yyyy-MM-dd} was missed.");
        if (risk is null || c.ReviewDue is null)
            return Entry(false, "Not yet risk-assessed: a risk assessment sets when the panel reviews it.");
        return c.ReviewDue <= sittingOn
            ? Entry(true, $"{risk} risk: review due {c.ReviewDue:yyyy-MM-dd}.")
            : Entry(false, $"{risk} risk: next review not due until {c.ReviewDue:yyyy-MM-dd}.");
    }
}
