using CommunitySafety.Funding.Streams;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Funding.Awards;

/// <summary>An amount coming back from an award, with the reason.</summary>
public sealed record ReduceAward(decimal? Amount, string? Reason);

/// <summary>
/// Writes a reduction to the award and to its funding stream in one transaction: the award through
/// <see cref="StreamWrites.Append{T}"/> (404, If-Match, ETag, AwardClawedBack published), the stream fetched for
/// writing too, so Marten checks its version at commit as well (a concurrent write to either becomes a 409).
/// </summary>
public static class AwardReductions
{
    public static ProblemDetails Validate(ReduceAward? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Amount("amount", command.Amount).Text("reason", command.Reason, 2000).ToProblem();

    public static async Task<IResult> ReduceAsync(Guid awardId, ReduceAward command, bool underspendReturned, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var (loaded, _, notFound) = await AwardLoading.LoadWithStreamAsync(session, awardId, http.RequestAborted);
        if (notFound is not null) return notFound;
        var stream = await session.Events.FetchForWriting<FundingStream>(loaded!.StreamId, http.RequestAborted);
        if (stream.Aggregate is null) return Problems.NotFound(nameof(FundingStream), loaded.StreamId);
        return await session.Append<Award>(awardId, http, award =>
        {
            var reduction = Award.DecideReduce(award, stream.Aggregate, command.Amount!.Value, command.Reason!.Trim(), underspendReturned,
                http.User.DisplayName(), clock.GetUtcNow());
            stream.AppendOne(reduction.OnStream);
            return [reduction.OnAward];
        }, bus, IntegrationEvents.ToContract, events =>
        {
            var reduced = events.OfType<AwardReducedBy>().Single();
            return new { reduced.Amount, reduced.UnderspendReturned, streamAvailable = stream.Aggregate.Available + reduced.Amount };
        });
    }
}

/// <summary>Records money the recipient returned unspent; it becomes available in the stream again.</summary>
public static class ReturnUnderspendEndpoint
{
    public static ProblemDetails Validate(ReduceAward? command) => AwardReductions.Validate(command);

    [WolverinePost("/api/funding/awards/{awardId}/underspend"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid awardId, ReduceAward command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        AwardReductions.ReduceAsync(awardId, command, underspendReturned: true, session, bus, clock, http);
}

/// <summary>Claws back part or all of the award not yet scheduled; it becomes available in the stream again.</summary>
public static class ClawBackEndpoint
{
    public static ProblemDetails Validate(ReduceAward? command) => AwardReductions.Validate(command);

    [WolverinePost("/api/funding/awards/{awardId}/clawback"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid awardId, ReduceAward command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        AwardReductions.ReduceAsync(awardId, command, underspendReturned: false, session, bus, clock, http);
}
