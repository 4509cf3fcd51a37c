namespace CommunitySafety.Funding.Awards;

public sealed record PayInstalment(DateOnly? PaidOn);

/// <summary>Finance records the payment of an approved instalment (published as PaymentMade).</summary>
public static class PayInstalmentEndpoint
{
    public static ProblemDetails Validate(PayInstalment command) =>
        new FieldErrors().Check(command.PaidOn is not null, "paidOn", "'paidOn' is required (a date, e.g. 2026-07-01).").ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/pay"), Authorize(Roles = FundingRoles.FinanceOfficer)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(Guid instalmentId, PayInstalment command, [VersionedAggregate] Award award, ClaimsPrincipal user, TimeProvider clock) =>
        [Award.DecidePay(award, instalmentId, command.PaidOn!.Value, user.DisplayName(), clock.GetUtcNow())];
}
