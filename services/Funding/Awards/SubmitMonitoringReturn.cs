using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Awards;

public sealed record SubmitMonitoringReturn(int? Quarter, decimal? SpendToDate, IReadOnlyDictionary<string, decimal>? OutputsAchieved, string? VarianceExplanation);

/// <summary>The return as recorded: its id, the quarter's end, and how spend compares with the profile.</summary>
public sealed record MonitoringReturnAnswer(Guid ReturnId, DateOnly PeriodEnd, decimal ExpectedSpend, decimal VariancePercent);

/// <summary>
/// A quarterly monitoring return, by the recipient organisation's bidder (or a funding officer): spend to date against
/// the straight-line profile, and outputs achieved against those promised.
/// </summary>
public static class SubmitMonitoringReturnEndpoint
{
    public static ProblemDetails Validate(SubmitMonitoringReturn command) =>
        new FieldErrors()
            .Check(command.Quarter is >= 1 and <= 4, "quarter", "'quarter' is required: 1 to 4 of the financial year.")
            .Check(command.SpendToDate is { } s && s >= 0 && s < Money.Max && Money.IsPence(s), "spendToDate",
                "'spendToDate' is required: zero or more, in whole pence.")
            .Check(command.OutputsAchieved is not null, "outputsAchieved", "'outputsAchieved' is required: { measure: value } for the outputs promised.")
            .Check(command.OutputsAchieved is null || command.OutputsAchieved.All(o => !string.IsNullOrWhiteSpace(o.Key) && o.Value >= 0),
                "outputsAchieved", "Each output achieved must name a measure and be zero or more.")
            .Text("varianceExplanation", command.VarianceExplanation, 4000, required: false)
            .ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/returns"), Authorize(Roles = FundingRoles.Bidder + "," + FundingRoles.FundingOfficer)]
    [ProducesResponseType<MonitoringReturnAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(MonitoringReturnAnswer, Events)> Post(SubmitMonitoringReturn command, [VersionedAggregate] Award award,
        IDocumentSession session, MonitoringOptions options, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        // only the recipient organisation's bidder, or a funding officer
        OrganisationScope.Decide(award.OrganisationId, user.IsInRole(FundingRoles.FundingOfficer), user.OrganisationId(), OrganisationScope.Award);
        var unknown = command.OutputsAchieved!.Keys.Where(m => !award.Measures.Contains(m)).ToArray();
        if (unknown.Length > 0)
            throw new RequestRefused(Problems.Validation(new Dictionary<string, string[]>
            {
                ["outputsAchieved"] = unknown.Select(m => $"The award promised no output '{m}' (it promised: {string.Join(", ", award.Measures)}).")
                    .ToArray(),
            }));

        var stream = await FundingStreamQueries.OfAwardAsync(session, award, ct);
        var submitted = Award.DecideReturn(award, new FinancialYear(stream.FinancialYear), options.VarianceThresholdPercent, Guid.CreateVersion7(),
            command.Quarter!.Value, command.SpendToDate!.Value, command.OutputsAchieved!, command.VarianceExplanation, user.DisplayName(), clock.GetUtcNow());
        return (new MonitoringReturnAnswer(submitted.ReturnId, submitted.PeriodEnd, submitted.ExpectedSpend, submitted.VariancePercent), [submitted]);
    }
}
