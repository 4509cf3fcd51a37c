namespace CommunitySafety.Governance.Strategy;

/// <summary>
/// A strategic assessment as read (GET …/strategy/assessments, …/assessments/{id}; the compliance checklist; what the open
/// agreement's priorities draw on): its priorities with their evidence, and when it was submitted. Marten keeps it inline
/// with the assessment's stream, folding each event with <see cref="Evolve(StrategicAssessmentView?, object)"/>; a new
/// document, so streams written before it need a rebuild of this projection.
/// </summary>
public sealed record StrategicAssessmentView(Guid Id, string PartnershipName, int Year, IReadOnlyList<AssessmentPriority> Priorities, DateTimeOffset SubmittedAt)
{
    public long Version { get; init; }

    public static StrategicAssessmentView Create(StrategicAssessmentSubmitted e) => new(e.AssessmentId, e.PartnershipName, e.Year, e.Priorities, e.SubmittedAt);

    /// <summary>The view after <paramref name="event"/>: from none for the assessment's first (and only) event, <see cref="StrategicAssessmentSubmitted"/>.</summary>
    public static StrategicAssessmentView Evolve(StrategicAssessmentView? state, object @event) => @event switch
    {
        StrategicAssessmentSubmitted e => Create(e),
        _ => state ?? throw new InvalidOperationException("An assessment's stream starts with StrategicAssessmentSubmitted."),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(StrategicAssessmentView?, object)"/>.
    /// </summary>
    public StrategicAssessmentView Evolve(object @event) => Evolve(this, @event);

    public AssessmentPriority? Priority(Guid id) => Priorities.FirstOrDefault(p => p.Id == id);
}
