namespace CommunitySafety.Funding.Awards;

public sealed record CancelInstalment(string? Reason);

/// <summary>Cancels an instalment not yet paid, with the reason.</summary>
public static class CancelInstalmentEndpoint
{
    public static ProblemDetails Validate(CancelInstalment command) =>
        new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/cancel"),
     Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.FinanceOfficer)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(Guid instalmentId, CancelInstalment command, [VersionedAggregate] Award award, ClaimsPrincipal user, TimeProvider clock) =>
        [Award.DecideCancel(award, instalmentId, command.Reason!.Trim(), user.DisplayName(), clock.GetUtcNow())];
}
