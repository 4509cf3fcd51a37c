namespace CommunitySafety.Governance.Strategy;

// Request bodies of the strategy routes (every field nullable: a missing one is a 400 naming it, not a binding failure).

public sealed record AssessmentPriorityBody(string? Title, string? Evidence);
public sealed record SubmitAssessment(string? PartnershipName, int? Year, IReadOnlyList<AssessmentPriorityBody?>? Priorities);

public sealed record PriorityEvidenceBody(Guid? AssessmentId, Guid? PriorityId);
public sealed record CountyPriorityBody(Guid? Id, string? Title, string? Rationale, IReadOnlyList<PriorityEvidenceBody?>? DrawsOn);
public sealed record DraftAgreement(int? Year, string? Title, Guid? CountyBodyId, IReadOnlyList<CountyPriorityBody?>? Priorities);
public sealed record ReviewAgreement(int? Year, ReviewOutcome? Outcome, string? Notes, IReadOnlyList<CountyPriorityBody?>? Priorities);

public sealed record MilestoneBody(string? Title, DateOnly? DueOn);
public sealed record MeasureBody(string? Name, string? Unit, decimal? Baseline, decimal? Target);
public sealed record AddPlanLine(Guid? PriorityId, string? Title, Guid? OwnerOrganisationId, IReadOnlyList<MilestoneBody?>? Milestones, IReadOnlyList<MeasureBody?>? Measures);
public sealed record RecordActual(Guid? MeasureId, string? Quarter, decimal? Actual);
public sealed record CompleteMilestone(DateOnly? On);

/// <summary>Field checks shared by the strategy routes.</summary>
internal static class StrategyFields
{
    public const int MinYear = 2000, MaxYear = 2100, MaxTitle = 200, MaxText = 4000, MaxItems = 50;

    public static FieldErrors Year(this FieldErrors errors, string field, int? year) =>
        errors.Check(year is >= MinYear and <= MaxYear, field, $"'{field}' is required: a year between {MinYear} and {MaxYear}.");

    public static FieldErrors Items<T>(this FieldErrors errors, string field, IReadOnlyList<T?>? items, bool required, Action<FieldErrors, string, T> each)
        where T : class
    {
        if (items is null || items.Count == 0) return required ? errors.Add(field, $"'{field}' must list at least one.") : errors;
        if (items.Count > MaxItems) return errors.Add(field, $"'{field}' lists at most {MaxItems}.");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) each(errors, $"{field}[{i}]", item);
            else errors.Add($"{field}[{i}]", $"'{field}[{i}]' must not be null.");
        }
        return errors;
    }

    public static FieldErrors Priorities(this FieldErrors errors, IReadOnlyList<CountyPriorityBody?>? priorities, bool required) =>
        errors.Items("priorities", priorities, required, (e, f, p) => e
            .Text($"{f}.title", p.Title, MaxTitle)
            .Text($"{f}.rationale", p.Rationale, MaxText)
            .Check(p.Id is null || p.Id != Guid.Empty, $"{f}.id", $"'{f}.id' must be a non-empty id when given.")
            .Items($"{f}.drawsOn", p.DrawsOn, true, (e2, f2, d) => e2
                .Id($"{f2}.assessmentId", d.AssessmentId)
                .Check(d.PriorityId is null || d.PriorityId != Guid.Empty, $"{f2}.priorityId", $"'{f2}.priorityId' must be a non-empty id when given.")));

    public static IReadOnlyList<PriorityInput> ToInputs(IReadOnlyList<CountyPriorityBody?> priorities) =>
        [.. priorities.Select(p => new PriorityInput(p!.Id, p.Title!, p.Rationale!,
            [.. p.DrawsOn!.Select(d => new PriorityEvidence(d!.AssessmentId!.Value, d.PriorityId))]))];

    public static IEnumerable<Guid> AssessmentIds(IReadOnlyList<CountyPriorityBody?>? priorities) =>
        (priorities ?? []).SelectMany(p => p?.DrawsOn ?? []).Select(d => d?.AssessmentId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct();
}
