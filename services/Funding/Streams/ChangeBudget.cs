namespace CommunitySafety.Funding.Streams;

public sealed record ChangeBudget(decimal? Change, string? Reason);

/// <summary>Tops up (positive change) or reduces (negative) a stream's budget, with the reason.</summary>
public static class ChangeBudgetEndpoint
{
    public static ProblemDetails Validate(ChangeBudget command) =>
        new FieldErrors()
            .Check(command.Change is { } c && c != 0 && Money.IsPence(c) && Math.Abs(c) < Money.Max, "change",
                "'change' is required: a non-zero amount in whole pence (negative to reduce).")
            .Text("reason", command.Reason, 1000)
            .ToProblem();

    [WolverinePost("/api/funding/streams/{streamId}/budget-changes"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(ChangeBudget command, [VersionedAggregate("streamId")] FundingStream stream, ClaimsPrincipal user, TimeProvider clock) =>
        [FundingStream.DecideBudgetChange(stream, command.Change!.Value, command.Reason!.Trim(), user.DisplayName(), clock.GetUtcNow())];
}
