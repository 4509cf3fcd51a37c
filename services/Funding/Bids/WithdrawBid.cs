namespace CommunitySafety.Funding.Bids;

public sealed record WithdrawBid(string? Reason);

/// <summary>The bidder withdraws their organisation's bid before it is decided.</summary>
public static class WithdrawBidEndpoint
{
    public static ProblemDetails Validate(WithdrawBid command) =>
        new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/withdraw"), Authorize(Roles = FundingRoles.Bidder)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    public static async Task<(BidView, Events)> Post(WithdrawBid command, [VersionedAggregate] Bid bid, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        bid.EnsureMayAct(user, officerMayAct: false);
        var withdrawn = Bid.DecideWithdraw(bid, command.Reason!.Trim(), user.DisplayName(), clock.GetUtcNow());
        return (await BidView.AfterAsync(session, bid.Id, withdrawn, ct), [withdrawn]);
    }
}
