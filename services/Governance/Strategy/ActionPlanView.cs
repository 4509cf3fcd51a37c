namespace CommunitySafety.Governance.Strategy;

public sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateOnly? CompletedOn, bool Overdue);

public sealed record MeasureView(
    Guid Id, string Name, string? Unit, decimal Baseline, decimal Target, string? LatestQuarter, decimal? LatestActual,
    int ProgressPercent, int? ExpectedPercent, Rag? Rag);

public sealed record PlanLineView(
    Guid Id, Guid PriorityId, string PriorityTitle, string Title, Guid OwnerOrganisationId, string Owner, int Year,
    Rag Rag, int ProgressPercent, IReadOnlyList<string> Reasons, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<MeasureView> Measures,
    IReadOnlyList<PlanException> Exceptions);

public sealed record RagCounts(int Green, int Amber, int Red);

/// <summary>The action plan as of a day: each line's derived RAG and % progress (<see cref="PlanRag"/>), and the plan's.</summary>
public sealed record ActionPlanView(
    Guid AgreementId, string Title, int PlanYear, DateOnly AsOf, int ProgressPercent, RagCounts Rag, IReadOnlyList<PlanLineView> Lines)
{
    public static ActionPlanView Of(CommunitySafetyAgreement agreement, IEnumerable<PlanLine> lines, DateOnly today)
    {
        var priorities = agreement.Versions.Reverse().SelectMany(v => v.Priorities).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Title);
        var views = lines.Select(line =>
        {
            var assessment = PlanRag.Assess(line, today);
            return new PlanLineView(line.Id, line.PriorityId, priorities.GetValueOrDefault(line.PriorityId, ""), line.Title,
                line.OwnerOrganisationId, line.OwnerName, line.Year, assessment.Rag, assessment.PercentProgress, assessment.Reasons,
                [.. line.Milestones.Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.CompletedOn, PlanRag.RateMilestone(m, today) is not null))],
                [.. line.Measures.Zip(assessment.Measures).Select(x => new MeasureView(x.First.Id, x.First.Name, x.First.Unit, x.First.Baseline,
                    x.First.Target, x.Second.LatestQuarter, x.Second.LatestActual, Percent(x.Second.Progress),
                    x.Second.Expected is { } e ? Percent(e) : null, x.Second.Rag))],
                line.Exceptions);
        }).ToList();
        return new ActionPlanView(agreement.Id, agreement.Title, agreement.PlanYear, today,
            PlanRag.PercentProgress([.. views.Select(v => v.ProgressPercent)]),
            new RagCounts(views.Count(v => v.Rag == Strategy.Rag.Green), views.Count(v => v.Rag == Strategy.Rag.Amber), views.Count(v => v.Rag == Strategy.Rag.Red)),
            views);
    }

    private static int Percent(decimal share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
}
