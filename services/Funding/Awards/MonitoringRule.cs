namespace CommunitySafety.Funding.Awards;

/// <summary>The variance rule monitoring returns are held to, for the pages that show which returns breach it.</summary>
public sealed record MonitoringRule(decimal VarianceThresholdPercent, string Rule);

public static class MonitoringRuleEndpoint
{
    /// <summary>
    /// The rule: a return whose spend to date differs from the straight-line profile (a quarter of the award each quarter)
    /// by more than the threshold, either way, must explain why.
    /// </summary>
    [WolverineGet("/api/funding/monitoring-rule"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<MonitoringRule>(StatusCodes.Status200OK)]
    public static MonitoringRule Get(MonitoringOptions options) => new(options.VarianceThresholdPercent,
        $"Spend to date is expected to follow a straight line: a quarter of the award by the end of each quarter. A return more than {options.VarianceThresholdPercent:0.##}% above or below that must explain why.");
}
