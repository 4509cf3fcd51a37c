namespace CommunitySafety.Funding.Bids;

public sealed record AssessBid(int? Score, string? Comments);

/// <summary>A funding officer scores a submitted bid (or re-scores an assessed one) out of 100.</summary>
public static class AssessBidEndpoint
{
    public static ProblemDetails Validate(AssessBid command) =>
        new FieldErrors()
            .Check(command.Score is not null, "score", "'score' is required (0 to 100).")
            .Range("score", command.Score, 0, 100)
            .Text("comments", command.Comments, 4000)
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/assessment"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<BidView>(StatusCodes.Status200OK)]
    public static async Task<(BidView, Events)> Post(AssessBid command, [VersionedAggregate] Bid bid, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var assessed = Bid.DecideAssess(bid, command.Score!.Value, command.Comments!.Trim(), user.DisplayName(), clock.GetUtcNow());
        return (await BidView.AfterAsync(session, bid.Id, assessed, ct), [assessed]);
    }
}
