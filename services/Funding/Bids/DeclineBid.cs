using CommunitySafety.Funding.Decisions;

namespace CommunitySafety.Funding.Bids;

public sealed record DeclineBid(string? Reason, Guid? DecisionId);

/// <summary>A funding officer declines a submitted or assessed bid, citing the partnership's decision when there is one.</summary>
public static class DeclineBidEndpoint
{
    public static ProblemDetails Validate(DeclineBid command) =>
        new FieldErrors()
            .Text("reason", command.Reason, 2000)
            .Check(command.DecisionId != Guid.Empty, "decisionId", "'decisionId' must be a non-empty id.")
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/decline"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    public static async Task<(BidView, Events)> Post(DeclineBid command, [VersionedAggregate] Bid bid, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        // a decision cited must be one the partnership recorded, by consensus, like an award's
        if (command.DecisionId is { } decisionId) DecisionRule.Require(await session.LoadAsync<KnownDecision>(decisionId, ct), decisionId);
        var declined = Bid.DecideDecline(bid, command.Reason!.Trim(), command.DecisionId, user.DisplayName(), clock.GetUtcNow());
        return (await BidView.AfterAsync(session, bid.Id, declined, ct), [declined]);
    }
}
