namespace CommunitySafety.Funding.Awards;

/// <summary>Finance approves a scheduled instalment for payment.</summary>
public static class ApproveInstalmentEndpoint
{
    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/approve"), Authorize(Roles = FundingRoles.FinanceOfficer)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(Guid instalmentId, [VersionedAggregate] Award award, ClaimsPrincipal user, TimeProvider clock) =>
        [Award.DecideApprove(award, instalmentId, user.DisplayName(), clock.GetUtcNow())];
}
