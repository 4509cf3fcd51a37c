using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Awards;

/// <summary>Monitoring configuration (<c>Funding:VarianceThresholdPercent</c>).</summary>
public sealed class MonitoringOptions : ISettings<MonitoringOptions>
{
    /// <inheritdoc />
    public static string Section => "Funding";

    /// <summary>A return whose spend differs from the straight-line profile by more than this (either way) must explain why.</summary>
    public decimal VarianceThresholdPercent { get; set; } = 10m;

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (VarianceThresholdPercent is < 0 or > 1000) yield return "VarianceThresholdPercent must be between 0 and 1000.";
    }
}

/// <summary>A reduction decided: recorded on the award and, so the money is available again, on its funding stream.</summary>
public sealed record AwardReduction(AwardReducedBy OnAward, AwardReduced OnStream);

/// <summary>
/// The rules of an award's life, as pure functions. Money in and out of an award obeys two invariants:
/// what is scheduled (not cancelled) and what is paid, each net of underspend the recipient returned, never exceed the
/// award's <see cref="NetAmount"/>.
/// </summary>
public sealed partial record Award
{
    /// <summary>What is scheduled and not cancelled, less what came back after being paid: it must fit in <see cref="NetAmount"/>.</summary>
    public decimal ScheduledNet => Scheduled - Returned;

    /// <summary>What the recipient was paid and still holds.</summary>
    public decimal PaidNet => Paid - Returned;

    public ScheduledInstalment FindInstalment(Guid instalmentId) => Instalments.FirstOrDefault(i => i.InstalmentId == instalmentId)
        ?? throw new DomainRuleViolation("instalment-not-found", $"The award has no instalment '{instalmentId}'.", Refusal.NotFound);

    /// <summary>An instalment, due within the stream's financial year; the schedule never exceeds the award.</summary>
    public static InstalmentScheduled DecideSchedule(Award award, FinancialYear year, Guid instalmentId, decimal amount, DateOnly dueOn, string by, DateTimeOffset now)
    {
        if (amount <= 0 || !Money.IsPence(amount))
            throw new DomainRuleViolation("amount-not-positive", "An instalment must be a positive amount in whole pence.", Refusal.OutOfRange);
        if (!year.Contains(dueOn))
            throw new DomainRuleViolation("date-outside-financial-year",
                    $"An instalment of this award must fall due within {year} ({year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}).")
                .With("financialYear", year.ToString());
        var room = award.NetAmount - award.ScheduledNet;
        if (amount > room)
            throw new DomainRuleViolation("schedule-exceeds-award",
                    $"Scheduling {amount:N2} would take the schedule past the award of {award.NetAmount:N2} ({room:N2} is unscheduled).")
                .With("netAmount", award.NetAmount).With("scheduled", award.Scheduled).With("unscheduled", room);
        return new InstalmentScheduled(award.Id, instalmentId, amount, dueOn, by, now);
    }

    /// <summary>Finance approves a scheduled instalment for payment.</summary>
    public static InstalmentApproved DecideApprove(Award award, Guid instalmentId, string by, DateTimeOffset now)
    {
        var instalment = award.FindInstalment(instalmentId);
        switch (instalment.Status)
        {
            case InstalmentStatus.Approved:
                throw new DomainRuleViolation("instalment-already-approved", "The instalment is already approved.");
            case InstalmentStatus.Paid or InstalmentStatus.Cancelled:
                throw Closed(instalment);
        }
        return new InstalmentApproved(award.Id, instalmentId, by, now);
    }

    /// <summary>Finance pays an approved instalment; what the recipient holds never exceeds the award.</summary>
    public static InstalmentPaid DecidePay(Award award, Guid instalmentId, DateOnly paidOn, string by, DateTimeOffset now)
    {
        var instalment = award.FindInstalment(instalmentId);
        switch (instalment.Status)
        {
            case InstalmentStatus.Scheduled:
                throw new DomainRuleViolation("instalment-not-approved", "Only an approved instalment can be paid: finance approves it first.");
            case InstalmentStatus.Paid or InstalmentStatus.Cancelled:
                throw Closed(instalment);
        }
        if (award.PaidNet + instalment.Amount > award.NetAmount)
            throw new DomainRuleViolation("payment-exceeds-award",
                    $"Paying {instalment.Amount:N2} would take payments to {award.PaidNet + instalment.Amount:N2}, above the award of {award.NetAmount:N2}.")
                .With("netAmount", award.NetAmount).With("paid", award.PaidNet);
        return new InstalmentPaid(award.Id, instalmentId, award.OrganisationId, instalment.Amount, paidOn, by, now);
    }

    /// <summary>An instalment not yet paid can be cancelled, with the reason; a paid one cannot.</summary>
    public static InstalmentCancelled DecideCancel(Award award, Guid instalmentId, string reason, string by, DateTimeOffset now)
    {
        var instalment = award.FindInstalment(instalmentId);
        if (instalment.Status == InstalmentStatus.Paid)
            throw new DomainRuleViolation("instalment-paid",
                "A paid instalment cannot be cancelled: record the money coming back as underspend returned or clawback.");
        if (instalment.Status == InstalmentStatus.Cancelled) throw Closed(instalment);
        return new InstalmentCancelled(award.Id, instalmentId, reason, by, now);
    }

    private static DomainRuleViolation Closed(ScheduledInstalment instalment) =>
        new DomainRuleViolation("instalment-closed", $"The instalment is already {instalment.Status.ToString().ToLowerInvariant()}.")
            .With("instalmentStatus", instalment.Status.ToString());

    /// <summary>The last day of quarter 1–4 of the financial year (30 June, 30 September, 31 December, 31 March).</summary>
    public static DateOnly QuarterEnd(FinancialYear year, int quarter) =>
        year.Start.AddMonths(3 * quarter).AddDays(-1);

    /// <summary>Straight-line profile: by the end of quarter q, q/4 of the award should be spent.</summary>
    public static decimal ExpectedSpend(decimal netAmount, int quarter) => decimal.Round(netAmount * quarter / 4m, 2);

    /// <summary>How far spend is from the profile, in percent of the expected spend (0 when nothing is expected or spent).</summary>
    public static decimal VariancePercent(decimal spendToDate, decimal expected) =>
        expected == 0 ? (spendToDate == 0 ? 0 : 100) : (spendToDate - expected) / expected * 100m;

    /// <summary>
    /// A quarterly return. Spend to date is cumulative: never negative, never above the award, never below an earlier
    /// quarter's return nor above a later one's. A variance beyond the threshold (strictly) must be explained.
    /// </summary>
    public static MonitoringReturnSubmitted DecideReturn(
        Award award, FinancialYear year, decimal thresholdPercent, Guid returnId, int quarter, decimal spendToDate,
        IReadOnlyDictionary<string, decimal> outputsAchieved, string? varianceExplanation, string by, DateTimeOffset now)
    {
        if (quarter is < 1 or > 4) throw new DomainRuleViolation("quarter-invalid", "The quarter must be 1 to 4 of the financial year.", Refusal.OutOfRange);
        if (spendToDate < 0 || !Money.IsPence(spendToDate))
            throw new DomainRuleViolation("spend-invalid", "Spend to date must be zero or more, in whole pence.", Refusal.OutOfRange);
        var unknown = outputsAchieved.Keys.Where(m => !award.Measures.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new DomainRuleViolation("unknown-measure", $"The award promised no output named {string.Join(", ", unknown.Select(m => $"'{m}'"))}.", Refusal.OutOfRange)
                .With("promised", award.Measures.ToList());
        if (award.SpendByQuarter.ContainsKey(quarter))
            throw new DomainRuleViolation("return-exists", $"A return for quarter {quarter} has already been submitted.").With("quarter", quarter);
        if (spendToDate > award.NetAmount)
            throw new DomainRuleViolation("spend-exceeds-award", $"Spend to date of {spendToDate:N2} is more than the award of {award.NetAmount:N2}.")
                .With("netAmount", award.NetAmount);
        var earlier = award.SpendByQuarter.Where(r => r.Key < quarter).Select(r => r.Value).DefaultIfEmpty(0m).Max();
        var later = award.SpendByQuarter.Where(r => r.Key > quarter).Select(r => r.Value).DefaultIfEmpty(decimal.MaxValue).Min();
        if (spendToDate < earlier || spendToDate > later)
            throw new DomainRuleViolation("spend-not-cumulative",
                    $"Spend to date is cumulative: it cannot be below an earlier quarter's ({earlier:N2}) or above a later one's.")
                .With("earlierSpend", earlier);

        var expected = ExpectedSpend(award.NetAmount, quarter);
        var variance = VariancePercent(spendToDate, expected);
        var explanation = string.IsNullOrWhiteSpace(varianceExplanation) ? null : varianceExplanation.Trim();
        if (Math.Abs(variance) > thresholdPercent && explanation is null)
            throw new DomainRuleViolation("variance-needs-explanation",
                    $"Spend of {spendToDate:N2} is {variance:+0.##;-0.##}% against the expected {expected:N2}, beyond the {thresholdPercent}% allowed without an explanation.", Refusal.Inconsistent)
                .With("variancePercent", decimal.Round(variance, 2)).With("expectedSpend", expected).With("thresholdPercent", thresholdPercent);
        return new MonitoringReturnSubmitted(award.Id, returnId, quarter, QuarterEnd(year, quarter), spendToDate, outputsAchieved,
            expected, decimal.Round(variance, 2), explanation, by, now);
    }

    /// <summary>
    /// Money comes back from an award, recorded on the award and on its stream (whose available budget rises by it).
    /// Never more than the award's <see cref="NetAmount"/>. An underspend returned is money the recipient was paid and gives
    /// back: at most what it holds (<see cref="PaidNet"/>). A clawback withdraws award money not yet scheduled: it may
    /// not take the award below its schedule; cancel unpaid instalments first.
    /// </summary>
    public static AwardReduction DecideReduce(Award award, FundingStream stream, decimal amount, string reason, bool underspendReturned,
        string by, DateTimeOffset now)
    {
        if (amount <= 0 || !Money.IsPence(amount))
            throw new DomainRuleViolation("amount-not-positive", "A reduction must be a positive amount in whole pence.", Refusal.OutOfRange);
        if (amount > award.NetAmount)
            throw new DomainRuleViolation("reduction-exceeds-award", $"At most the award's {award.NetAmount:N2} can come back from it.")
                .With("netAmount", award.NetAmount);
        if (underspendReturned && amount > award.PaidNet)
            throw new DomainRuleViolation("return-exceeds-paid",
                    $"The recipient can return at most the {award.PaidNet:N2} it was paid (and has not returned).")
                .With("paid", award.PaidNet);
        if (!underspendReturned && award.NetAmount - amount < award.ScheduledNet)
            throw new DomainRuleViolation("reduce-below-scheduled",
                    $"A clawback of {amount:N2} would take the award below the {award.ScheduledNet:N2} scheduled: cancel unpaid instalments first.")
                .With("netAmount", award.NetAmount).With("scheduled", award.ScheduledNet);
        var onStream = FundingStream.DecideReduce(stream, award.Id, amount, reason, now);
        return new AwardReduction(new AwardReducedBy(award.Id, award.StreamId, award.OrganisationId, amount, reason, underspendReturned, by, now), onStream);
    }
}
