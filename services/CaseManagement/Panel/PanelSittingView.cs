namespace CommunitySafety.CaseManagement.Panel;

/// <summary>
/// A sitting as its reads show it: who scheduled it and when, its latest agenda, the cases reviewed at it, who attended.
/// A self-aggregating projection of the sitting's stream, kept inline (a read sees its own write).
/// </summary>
public sealed partial record PanelSittingView(Guid Id, DateOnly SittingOn, string ScheduledBy, DateTimeOffset ScheduledAt)
{
    public long Version { get; init; }

    /// <summary>The latest agenda (rebuilt until the first review is recorded).</summary>
    public AgendaBuilt? Agenda { get; init; }

    public IReadOnlyList<SittingCaseReviewed> Reviewed { get; init; } = [];

    /// <summary>The organisations present, by agency, as last recorded (empty until recorded).</summary>
    public IReadOnlyList<Guid> Attendance { get; init; } = [];

    public static PanelSittingView Create(PanelSittingScheduled e) => new(e.SittingId, e.SittingOn, e.ScheduledBy, e.ScheduledAt);

    public PanelSittingView Apply(AgendaBuilt e) => this with { Agenda = e };

    public PanelSittingView Apply(SittingCaseReviewed e) => this with { Reviewed = [.. Reviewed, e] };

    public PanelSittingView Apply(SittingAttendanceRecorded e) => this with { Attendance = e.Attendance };

    /// <summary>The view after <paramref name="event"/> (the view itself when the stream starts).</summary>
    /// <param name="state">The view so far; null before the stream's first event.</param>
    /// <param name="event">The next event of the sitting's stream.</param>
    public static PanelSittingView Evolve(PanelSittingView? state, object @event) => (state, @event) switch
    {
        (_, PanelSittingScheduled e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A sitting's stream starts with {nameof(PanelSittingScheduled)}, not {@event.GetType().Name}."),
        (_, AgendaBuilt e) => state.Apply(e),
        (_, SittingCaseReviewed e) => state.Apply(e),
        (_, SittingAttendanceRecorded e) => state.Apply(e),
        _ => throw new InvalidOperationException($"A sitting has no event {@event.GetType().Name}."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(PanelSittingView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public PanelSittingView Evolve(object @event) => Evolve(this, @event);
}
