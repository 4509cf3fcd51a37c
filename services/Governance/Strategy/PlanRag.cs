using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunitySafety.Governance.Strategy;

/// <summary>Red, Amber, Green: how an action-plan line is doing.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// A quarter of a plan year, written <c>2027-Q1</c>. Plan years are the partnership's financial years: plan year 2027
/// runs from 1 April 2027 to 31 March 2028, Q1 is April–June, Q4 January–March of the following calendar year.
/// </summary>
public readonly partial record struct PlanQuarter(int Year, int Number) : IComparable<PlanQuarter>
{
    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out PlanQuarter quarter)
    {
        quarter = default;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } m) return false;
        quarter = new PlanQuarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The first day of the quarter.</summary>
    public DateOnly StartsOn => PlanYear.StartOf(Year).AddMonths(3 * (Number - 1));

    /// <summary>The share of the plan year elapsed when the quarter ends: 0.25 after Q1, … 1 after Q4.</summary>
    public decimal ShareOfYearAtEnd => Number / 4m;

    public int CompareTo(PlanQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(PlanQuarter left, PlanQuarter right) => left.CompareTo(right) < 0;
    public static bool operator <=(PlanQuarter left, PlanQuarter right) => left.CompareTo(right) <= 0;
    public static bool operator >(PlanQuarter left, PlanQuarter right) => left.CompareTo(right) > 0;
    public static bool operator >=(PlanQuarter left, PlanQuarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-Q{Number}";
}

public static class PlanYear
{
    /// <summary>Plan year <paramref name="year"/> starts on 1 April of that year.</summary>
    public static DateOnly StartOf(int year) => new(year, 4, 1);
}

/// <summary>How one measure is doing: its latest actual, its progress from baseline toward target, what was expected by then.</summary>
public sealed record MeasureAssessment(Guid MeasureId, string? LatestQuarter, decimal? LatestActual, decimal Progress, decimal? Expected, Rag? Rag);

/// <summary>How a line is doing: its RAG, its % progress (0–100) and why it is not Green.</summary>
public sealed record LineAssessment(Rag Rag, int PercentProgress, IReadOnlyList<MeasureAssessment> Measures, IReadOnlyList<string> Reasons);

/// <summary>
/// The RAG status and % progress of an action-plan line, derived from its measures and milestones (pure: the same data
/// and the same day always give the same answer).
///
/// <para><b>Measures.</b> A measure's progress is how far its latest actual has moved from the baseline toward the target:
/// <c>(actual − baseline) / (target − baseline)</c>, so the direction comes from baseline vs target (a target below the
/// baseline is a reduction). It is compared with the share of the plan year elapsed at the end of the quarter the actual
/// is for (Q1 0.25, Q2 0.5, Q3 0.75, Q4 1): the gap is expected − progress. Green when the gap is at most
/// <see cref="GreenGap"/> (5 points), Amber up to <see cref="AmberGap"/> (25 points), Red beyond that; Red whenever the
/// measure has moved away from its target (progress below 0). A measure with no actuals yet is not rated.</para>
///
/// <para><b>Milestones.</b> A milestone not completed by its due date is overdue: Amber, and Red once it is more than
/// <see cref="RedAfterOverdueDays"/> days overdue (counted from the day after it was due).</para>
///
/// <para><b>The line</b> takes the worst of its measures and milestones; with nothing to rate, it is Green.</para>
///
/// <para><b>% progress</b> is the mean over the line's measures and milestones: a measure counts its progress clamped to
/// 0–1 (0 with no actuals), a milestone 1 when completed, else 0; rounded to a whole per cent.</para>
/// </summary>
public static class PlanRag
{
    public const decimal GreenGap = 0.05m;
    public const decimal AmberGap = 0.25m;
    public const int RedAfterOverdueDays = 28;

    /// <summary>Progress from baseline toward target: 0 at the baseline, 1 at the target, negative when moving away.</summary>
    public static decimal Progress(decimal baseline, decimal target, decimal actual) =>
        target == baseline ? (actual == target ? 1 : 0) : (actual - baseline) / (target - baseline);

    /// <summary>The rating of a measure's progress against what was expected by the end of the quarter.</summary>
    public static Rag RateProgress(decimal progress, decimal expected)
    {
        if (progress < 0) return Rag.Red;
        var gap = expected - progress;
        return gap <= GreenGap ? Rag.Green : gap <= AmberGap ? Rag.Amber : Rag.Red;
    }

    public static MeasureAssessment AssessMeasure(Measure measure, IEnumerable<QuarterlyActual> actuals)
    {
        var latest = actuals.Where(a => a.MeasureId == measure.Id)
            .Select(a => (Actual: a, Quarter: PlanQuarter.TryParse(a.Quarter, out var q) ? q : default))
            .OrderBy(a => a.Quarter).ThenBy(a => a.Actual.RecordedAt)
            .LastOrDefault();
        if (latest.Actual is null) return new MeasureAssessment(measure.Id, null, null, 0, null, null);
        var progress = Progress(measure.Baseline, measure.Target, latest.Actual.Actual);
        var expected = latest.Quarter.ShareOfYearAtEnd;
        return new MeasureAssessment(measure.Id, latest.Actual.Quarter, latest.Actual.Actual, progress, expected, RateProgress(progress, expected));
    }

    /// <summary>Null when the milestone is completed or not yet due.</summary>
    public static Rag? RateMilestone(Milestone milestone, DateOnly today)
    {
        if (milestone.CompletedOn is not null || today <= milestone.DueOn) return null;
        var overdueDays = today.DayNumber - milestone.DueOn.DayNumber;
        return overdueDays > RedAfterOverdueDays ? Rag.Red : Rag.Amber;
    }

    public static LineAssessment Assess(PlanLine line, DateOnly today)
    {
        var reasons = new List<string>();
        var rag = Rag.Green;
        var measures = line.Measures.Select(m => AssessMeasure(m, line.Actuals)).ToList();
        foreach (var (measure, assessment) in line.Measures.Zip(measures))
        {
            if (assessment.Rag is not { } r || r == Rag.Green) continue;
            rag = Worst(rag, r);
            reasons.Add(assessment.Progress < 0
                ? $"'{measure.Name}' has moved away from its target ({assessment.LatestQuarter}: {assessment.LatestActual} against a baseline of {measure.Baseline} and a target of {measure.Target})."
                : $"'{measure.Name}' is behind: {Percent(assessment.Progress)}% of the way to its target by {assessment.LatestQuarter}, {Percent(assessment.Expected!.Value)}% expected.");
        }
        foreach (var milestone in line.Milestones)
        {
            if (RateMilestone(milestone, today) is not { } r) continue;
            rag = Worst(rag, r);
            reasons.Add($"Milestone '{milestone.Title}' was due on {milestone.DueOn:yyyy-MM-dd} and is {today.DayNumber - milestone.DueOn.DayNumber} days overdue.");
        }
        return new LineAssessment(rag, PercentProgress(line, measures), measures, reasons);
    }

    public static int PercentProgress(PlanLine line, IReadOnlyList<MeasureAssessment> measures)
    {
        var parts = measures.Select(m => Math.Clamp(m.Progress, 0, 1))
            .Concat(line.Milestones.Select(m => m.CompletedOn is null ? 0m : 1m))
            .ToList();
        return parts.Count == 0 ? 0 : Percent(parts.Average());
    }

    /// <summary>The plan's % progress: the mean of its lines'.</summary>
    public static int PercentProgress(IReadOnlyList<int> lines) => lines.Count == 0 ? 0 : (int)Math.Round(lines.Average(), MidpointRounding.AwayFromZero);

    public static Rag Worst(Rag a, Rag b) => (Rag)Math.Max((int)a, (int)b);

    private static int Percent(decimal share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
}
