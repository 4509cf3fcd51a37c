namespace CommunitySafety.Funding.Bids;

public sealed record WithdrawBid(string? Reason);

/// <summary>The bidder withdraws their organisation's bid before it is decided.</summary>
public static class WithdrawBidEndpoint
{
    public static ProblemDetails Validate(WithdrawBid command) =>
        new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/withdraw"), Authorize(Roles = FundingRoles.Bidder)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static (UpdatedAggregate, Events) Post(WithdrawBid command, [VersionedAggregate] Bid bid, ClaimsPrincipal user, TimeProvider clock)
    {
        bid.EnsureMayAct(user, officerMayAct: false);
        return (new UpdatedAggregate(), [Bid.DecideWithdraw(bid, command.Reason!.Trim(), user.DisplayName(), clock.GetUtcNow())]);
    }
}
