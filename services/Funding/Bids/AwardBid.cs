using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Bids;

public sealed record AwardBid(decimal? Amount, Guid? DecisionId, DateOnly? AwardDate);

/// <summary>
/// A funding officer awards an assessed bid, by a recorded decision of the partnership, never over budget. One
/// transaction writes three streams: the bid (awarded), the funding stream (the commitment) and the new award.
/// The funding stream is locked (SELECT … FOR UPDATE) from the read of its budget until the commit, so concurrent
/// awards from one stream take turns: each sees what the previous committed, and those that do not fit are refused.
/// </summary>
public static class AwardBidEndpoint
{
    public static ProblemDetails Validate(AwardBid command) =>
        new FieldErrors()
            .Amount("amount", command.Amount)
            .Id("decisionId", command.DecisionId)
            .Check(command.AwardDate is not null, "awardDate", "'awardDate' is required (yyyy-MM-dd).")
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/award"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<AwardView>(StatusCodes.Status201Created)]
    public static async Task<(IResult, Events, IStartStream)> Post(AwardBid command, [VersionedAggregate] Bid bid, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var decisionId = command.DecisionId!.Value;
        var decision = await session.LoadAsync<KnownDecision>(decisionId, ct);

        // The lock: held until this transaction commits (or rolls back), so the budget read below is the latest.
        var funding = await session.Events.FetchForExclusiveWriting<FundingStream>(bid.StreamId, ct);
        if (funding.Aggregate is not { } stream) throw RequestRefused.NotFound(nameof(FundingStream), bid.StreamId);

        var awardId = Guid.CreateVersion7();
        var (awarded, committed, made) = Bid.DecideAward(bid, stream, awardId, command.Amount!.Value, decisionId, decision, command.AwardDate!.Value,
            user.DisplayName(), clock.GetUtcNow());
        funding.AppendOne(committed);
        var (created, award) = NewStream.Start<Award>(awardId, $"/api/funding/awards/{awardId}", AwardView.Create(made) with { Version = 1 }, made);
        return (created, [awarded], award);
    }
}
