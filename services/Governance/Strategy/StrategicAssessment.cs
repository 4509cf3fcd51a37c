namespace CommunitySafety.Governance.Strategy;

/// <summary>A priority a local partnership's strategic assessment identified, with the evidence for it.</summary>
public sealed record AssessmentPriority(Guid Id, string Title, string Evidence);

public sealed record StrategicAssessmentSubmitted(
    Guid AssessmentId, string PartnershipName, int Year, IReadOnlyList<AssessmentPriority> Priorities, DateTimeOffset SubmittedAt);

/// <summary>
/// A local Community Safety Partnership's annual strategic assessment: the priorities its evidence points to. The county
/// Community Safety Agreement is drafted from them. One per partnership and year. Holds what the rules read (whose, which
/// year, which priorities); <see cref="Evolve(StrategicAssessment?, object)"/> folds it. As shown: <see cref="StrategicAssessmentView"/>.
/// </summary>
public sealed record StrategicAssessment(Guid Id, string PartnershipName, int Year, IReadOnlyList<Guid> PriorityIds)
{
    public long Version { get; init; }

    public static StrategicAssessment Create(StrategicAssessmentSubmitted e) => new(e.AssessmentId, e.PartnershipName, e.Year, [.. e.Priorities.Select(p => p.Id)]);

    /// <summary>The assessment after <paramref name="event"/>: from none for its first (and only) event, <see cref="StrategicAssessmentSubmitted"/>.</summary>
    public static StrategicAssessment Evolve(StrategicAssessment? state, object @event) => @event switch
    {
        StrategicAssessmentSubmitted e => Create(e),
        _ => state ?? throw new InvalidOperationException("An assessment's stream starts with StrategicAssessmentSubmitted."),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(StrategicAssessment?, object)"/>.
    /// </summary>
    public StrategicAssessment Evolve(object @event) => Evolve(this, @event);

    public bool HasPriority(Guid id) => PriorityIds.Contains(id);

    /// <param name="id">The new assessment.</param>
    /// <param name="partnershipName">The local partnership that submits it.</param>
    /// <param name="year">The plan year it is for.</param>
    /// <param name="priorities">The priorities it sets, each with its evidence.</param>
    /// <param name="existing">The assessments already submitted for that year (any partnership).</param>
    /// <param name="newId">Gives the id of each priority.</param>
    /// <param name="now">When it is submitted.</param>
    public static IReadOnlyList<object> DecideSubmit(Guid id, string partnershipName, int year, IReadOnlyList<(string Title, string Evidence)> priorities,
        IEnumerable<StrategicAssessment> existing, Func<Guid> newId, DateTimeOffset now)
    {
        var name = partnershipName.Trim();
        if (existing.FirstOrDefault(a => a.Year == year && string.Equals(a.PartnershipName, name, StringComparison.OrdinalIgnoreCase)) is { } already)
            throw new DomainRuleViolation("assessment-already-submitted", $"{name} already submitted its strategic assessment for {year}.")
                .With("assessmentId", already.Id);
        return [new StrategicAssessmentSubmitted(id, name, year, priorities.Select(p => new AssessmentPriority(newId(), p.Title.Trim(), p.Evidence.Trim())).ToList(), now)];
    }
}
