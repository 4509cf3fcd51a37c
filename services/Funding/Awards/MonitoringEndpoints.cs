using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Funding.Awards;

public sealed record SubmitMonitoringReturn(int? Quarter, decimal? SpendToDate, IReadOnlyDictionary<string, decimal>? OutputsAchieved, string? VarianceExplanation);

/// <summary>
/// A quarterly monitoring return, by the recipient organisation's bidder (or a funding officer): spend to date against
/// the straight-line profile, and outputs achieved against those promised.
/// </summary>
public static class SubmitMonitoringReturnEndpoint
{
    public static ProblemDetails Validate(SubmitMonitoringReturn? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.Quarter is >= 1 and <= 4, "quarter", "'quarter' is required: 1 to 4 of the financial year.")
            .Check(command.SpendToDate is { } s && s >= 0 && s < Money.Max && Money.IsPence(s), "spendToDate",
                "'spendToDate' is required: zero or more, in whole pence.")
            .Check(command.OutputsAchieved is not null, "outputsAchieved", "'outputsAchieved' is required: { measure: value } for the outputs promised.")
            .Check(command.OutputsAchieved is null || command.OutputsAchieved.All(o => !string.IsNullOrWhiteSpace(o.Key) && o.Value >= 0),
                "outputsAchieved", "Each output achieved must name a measure and be zero or more.")
            .Text("varianceExplanation", command.VarianceExplanation, 4000, required: false)
            .ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/returns"), Authorize(Roles = FundingRoles.Bidder + "," + FundingRoles.FundingOfficer)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid awardId, SubmitMonitoringReturn command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        MonitoringOptions options, HttpContext http)
    {
        var (loaded, stream, notFound) = await AwardLoading.LoadWithStreamAsync(session, awardId, http.RequestAborted);
        if (notFound is not null) return notFound;
        // only the recipient organisation's bidder, or a funding officer
        OrganisationScope.Decide(loaded!.OrganisationId, http.User.IsInRole(FundingRoles.FundingOfficer), http.User.OrganisationId(), OrganisationScope.Award);
        var unknown = command.OutputsAchieved!.Keys.Where(m => loaded.Outputs.All(o => o.Measure != m)).ToArray();
        if (unknown.Length > 0)
            return Results.Problem(Problems.Validation(new Dictionary<string, string[]>
            {
                ["outputsAchieved"] = unknown.Select(m => $"The award promised no output '{m}' (it promised: {string.Join(", ", loaded.Outputs.Select(o => o.Measure))}).")
                    .ToArray(),
            }));

        var returnId = Guid.CreateVersion7();
        return await session.Append<Award>(awardId, http,
            award => [Award.DecideReturn(award, new FinancialYear(stream!.FinancialYear), options.VarianceThresholdPercent, returnId, command.Quarter!.Value,
                command.SpendToDate!.Value, command.OutputsAchieved!, command.VarianceExplanation, http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract,
            events => events.OfType<MonitoringReturnSubmitted>().Select(r => new { r.ReturnId, r.PeriodEnd, r.ExpectedSpend, r.VariancePercent }).Single());
    }
}

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
