using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Funding.Bids;

public sealed record OutputPromise(string? Measure, decimal? Target);

public sealed record DraftBid(
    Guid? StreamId, string? Title, string? Description, decimal? AmountRequested, string? Priority, IReadOnlyList<OutputPromise?>? Outputs,
    string? Area, Guid? OrganisationId);

/// <summary>
/// Drafts a bid against a funding stream. A bidder bids for the organisation their token names; a funding officer
/// drafts on an organisation's behalf and names it.
/// </summary>
public static class DraftBidEndpoint
{
    public const int MaxOutputs = 50;

    public static ProblemDetails Validate(DraftBid? command)
    {
        if (command is null) return FieldErrors.MissingBody;
        var errors = new FieldErrors()
            .Id("streamId", command.StreamId)
            .Text("title", command.Title, 200)
            .Text("description", command.Description, 4000)
            .Amount("amountRequested", command.AmountRequested)
            .Text("priority", command.Priority, 200)
            .Text("area", command.Area, 100)
            .Check(command.Outputs is { Count: > 0 and <= MaxOutputs }, "outputs", $"'outputs' is required: 1 to {MaxOutputs} promised outputs.")
            .Check(command.OrganisationId != Guid.Empty, "organisationId", "'organisationId' must be a non-empty id.");
        for (var i = 0; i < (command.Outputs?.Count ?? 0); i++)
        {
            var output = command.Outputs![i];
            errors.Text($"outputs[{i}].measure", output?.Measure, 200)
                .Check(output?.Target is > 0 and < Money.Max, $"outputs[{i}].target", $"'outputs[{i}].target' must be more than 0.");
        }
        return errors.ToProblem();
    }

    [WolverinePost("/api/funding/bids"), Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.Bidder)]
    [ProducesResponseType<Bid>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(DraftBid command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        Guid organisationId;
        if (http.User.IsInRole(FundingRoles.FundingOfficer))
        {
            if (command.OrganisationId is not { } named)
                return Results.Problem(Problems.Validation(new Dictionary<string, string[]>
                {
                    ["organisationId"] = ["'organisationId' is required when a funding officer drafts a bid for an organisation."],
                }));
            organisationId = named;
        }
        else
        {
            var own = http.User.OrganisationId();
            // a bidder bids for their own organisation: naming another is refused
            Bid.DecideActor(command.OrganisationId ?? own ?? Guid.Empty, false, own);
            organisationId = own!.Value;
        }

        var streamId = command.StreamId!.Value;
        if (await session.LoadAsync<FundingStream>(streamId, http.RequestAborted) is null) return Problems.NotFound(nameof(FundingStream), streamId);

        var id = Guid.CreateVersion7();
        var drafted = new BidDrafted(id, streamId, organisationId, command.Title!.Trim(), command.Description!.Trim(), command.AmountRequested!.Value,
            command.Priority!.Trim(), command.Outputs!.Select(o => new PromisedOutput(o!.Measure!.Trim(), o.Target!.Value)).ToList(),
            command.Area!.Trim(), http.User.DisplayName(), clock.GetUtcNow());
        return await session.Start<Bid>(id, [drafted], $"/api/funding/bids/{id}", bus, IntegrationEvents.ToContract, Bid.Create(drafted) with { Version = 1 });
    }
}

/// <summary>The write of one change to a bid: 404, If-Match, who may act, then the rule; answers the bid as it now stands.</summary>
internal static class BidWrites
{
    public static Task<IResult> Change(this IDocumentSession session, Guid bidId, HttpContext http, IMessageBus bus, Func<Bid, object> decide,
        bool officerMayAct = true)
    {
        Bid? after = null;
        return session.Append<Bid>(bidId, http, bid =>
        {
            Bid.DecideActor(bid.OrganisationId, officerMayAct && http.User.IsInRole(FundingRoles.FundingOfficer), http.User.OrganisationId());
            var e = decide(bid);
            after = Evolve(bid, e) with { Version = bid.Version + 1 };
            return [e];
        }, bus, IntegrationEvents.ToContract, _ => after!);
    }

    private static Bid Evolve(Bid bid, object e) => e switch
    {
        BidSubmitted x => bid.Apply(x),
        BidAssessed x => bid.Apply(x),
        BidDeclined x => bid.Apply(x),
        BidWithdrawn x => bid.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a change this helper writes."),
    };
}

/// <summary>The bidder (or a funding officer) submits a draft bid for assessment.</summary>
public static class SubmitBidEndpoint
{
    [WolverinePost("/api/funding/bids/{bidId}/submit"), Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.Bidder)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid bidId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Change(bidId, http, bus, bid => Bid.DecideSubmit(bid, http.User.DisplayName(), clock.GetUtcNow()));
}

public sealed record AssessBid(int? Score, string? Comments);

/// <summary>A funding officer scores a submitted bid (or re-scores an assessed one) out of 100.</summary>
public static class AssessBidEndpoint
{
    public static ProblemDetails Validate(AssessBid? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.Score is not null, "score", "'score' is required (0 to 100).")
            .Range("score", command.Score, 0, 100)
            .Text("comments", command.Comments, 4000)
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/assessment"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid bidId, AssessBid command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Change(bidId, http, bus,
            bid => Bid.DecideAssess(bid, command.Score!.Value, command.Comments!.Trim(), http.User.DisplayName(), clock.GetUtcNow()));
}

public sealed record DeclineBid(string? Reason, Guid? DecisionId);

/// <summary>A funding officer declines a submitted or assessed bid, citing the partnership's decision when there is one.</summary>
public static class DeclineBidEndpoint
{
    public static ProblemDetails Validate(DeclineBid? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("reason", command.Reason, 2000)
            .Check(command.DecisionId != Guid.Empty, "decisionId", "'decisionId' must be a non-empty id.")
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/decline"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid bidId, DeclineBid command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var decision = command.DecisionId is { } d ? await session.LoadAsync<KnownDecision>(d, http.RequestAborted) : null;
        return await session.Change(bidId, http, bus, bid =>
        {
            // a decision cited must be one the partnership recorded, by consensus, like an award's
            if (command.DecisionId is { } id) DecisionRule.Require(decision, id);
            return Bid.DecideDecline(bid, command.Reason!.Trim(), command.DecisionId, http.User.DisplayName(), clock.GetUtcNow());
        });
    }
}

public sealed record WithdrawBid(string? Reason);

/// <summary>The bidder withdraws their organisation's bid before it is decided.</summary>
public static class WithdrawBidEndpoint
{
    public static ProblemDetails Validate(WithdrawBid? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/withdraw"), Authorize(Roles = FundingRoles.Bidder)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid bidId, WithdrawBid command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Change(bidId, http, bus, bid => Bid.DecideWithdraw(bid, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow()),
            officerMayAct: false);
}

public sealed record AwardBid(decimal? Amount, Guid? DecisionId, DateOnly? AwardDate);

/// <summary>
/// A funding officer awards an assessed bid, by a recorded decision of the partnership, never over budget. One
/// transaction writes three streams: the bid (awarded), the funding stream (the commitment) and the new award.
/// The funding stream is locked (SELECT … FOR UPDATE) from the read of its budget until the commit, so concurrent
/// awards from one stream take turns: each sees what the previous committed, and those that do not fit are refused.
/// </summary>
public static class AwardBidEndpoint
{
    public static ProblemDetails Validate(AwardBid? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Amount("amount", command.Amount)
            .Id("decisionId", command.DecisionId)
            .Check(command.AwardDate is not null, "awardDate", "'awardDate' is required (yyyy-MM-dd).")
            .ToProblem();

    [WolverinePost("/api/funding/bids/{bidId}/award"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<Award>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid bidId, AwardBid command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (!StreamWrites.TryReadIfMatch(http.Request, out var expected))
            return Results.Problem(Problems.BadRequest("If-Match must be a quoted stream version, e.g. \"3\"."));
        if (bidId == Guid.Empty) return Problems.NotFound(nameof(Bid), bidId);

        var bidStream = await session.Events.FetchForWriting<Bid>(bidId, ct);
        if (bidStream.Aggregate is not { } bid) return Problems.NotFound(nameof(Bid), bidId);
        var current = bidStream.CurrentVersion ?? 0;
        if (expected is { } v && v != current) return Problems.PreconditionFailed(v, current);

        var decisionId = command.DecisionId!.Value;
        var decision = await session.LoadAsync<KnownDecision>(decisionId, ct);

        // The lock: held until this transaction commits (or rolls back), so the budget read below is the latest.
        var fundingStream = await session.Events.FetchForExclusiveWriting<FundingStream>(bid.StreamId, ct);
        if (fundingStream.Aggregate is not { } stream) return Problems.NotFound(nameof(FundingStream), bid.StreamId);

        var awardId = Guid.CreateVersion7();
        var (awarded, committed, made) = Bid.DecideAward(bid, stream, awardId, command.Amount!.Value, decisionId, decision, command.AwardDate!.Value,
            http.User.DisplayName(), clock.GetUtcNow());
        bidStream.AppendOne(awarded);
        fundingStream.AppendOne(committed);
        return await session.Start<Award>(awardId, [made], $"/api/funding/awards/{awardId}", bus, IntegrationEvents.ToContract,
            Award.Create(made) with { Version = 1 });
    }
}

public static class ReadBidEndpoints
{
    [WolverineGet("/api/funding/bids/{bidId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<Bid>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid bidId, IQuerySession session, HttpContext http)
    {
        var bid = await session.LoadAsync<Bid>(bidId, http.RequestAborted);
        if (bid is not null) OrganisationScope.EnsureMayRead(http.User, bid.OrganisationId, OrganisationScope.Bid);
        return StreamWrites.Read(bid, bidId, http, b => b.Version);
    }

    /// <summary>Bids, oldest first, by stream and status; a bidder sees only their own organisation's; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet("/api/funding/bids"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<Bid>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(Guid? streamId, BidStatus? status, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<Bid>().AsQueryable();
        if (OrganisationScope.ListedOrganisation(http.User) is { } organisationId) query = query.Where(b => b.OrganisationId == organisationId);
        if (streamId is { } s) query = query.Where(b => b.StreamId == s);
        if (status is { } st) query = query.Where(b => b.Status == st);
        return (await query.OrderBy(b => b.DraftedAt).ThenBy(b => b.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}
