using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Awards;

/// <summary>An amount coming back from an award, with the reason.</summary>
public sealed record ReduceAward(decimal? Amount, string? Reason);

/// <summary>What came back, and what the funding stream now has available.</summary>
public sealed record AwardReducedAnswer(decimal Amount, bool UnderspendReturned, decimal StreamAvailable);

/// <summary>
/// Money coming back from an award, written to the award and to its funding stream in one transaction (the stream is
/// fetched for writing too, so Marten checks its version at commit as well: a concurrent write to either becomes a 409).
/// Two use cases share it: <see cref="ReturnUnderspendEndpoint"/> and <see cref="ClawBackEndpoint"/>.
/// </summary>
public static class AwardReductions
{
    public static ProblemDetails Validate(ReduceAward command) =>
        new FieldErrors().Amount("amount", command.Amount).Text("reason", command.Reason, 2000).ToProblem();

    public static async Task<(AwardReducedAnswer, Events)> Reduce(ReduceAward command, bool underspendReturned, Award award, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var funding = await session.Events.FetchForWriting<FundingStream>(award.StreamId, ct);
        if (funding.Aggregate is not { } stream) throw RequestRefused.NotFound(nameof(FundingStream), award.StreamId);
        var reduction = Award.DecideReduce(award, stream, command.Amount!.Value, command.Reason!.Trim(), underspendReturned, user.DisplayName(),
            clock.GetUtcNow());
        funding.AppendOne(reduction.OnStream);
        var reduced = reduction.OnAward;
        return (new AwardReducedAnswer(reduced.Amount, reduced.UnderspendReturned, stream.Available + reduced.Amount), [reduced]);
    }
}

/// <summary>Records money the recipient returned unspent; it becomes available in the stream again.</summary>
public static class ReturnUnderspendEndpoint
{
    public static ProblemDetails Validate(ReduceAward command) => AwardReductions.Validate(command);

    [WolverinePost("/api/funding/awards/{awardId}/underspend"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<AwardReducedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<(AwardReducedAnswer, Events)> Post(ReduceAward command, [VersionedAggregate] Award award, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        AwardReductions.Reduce(command, underspendReturned: true, award, session, user, clock, ct);
}

/// <summary>Claws back part or all of the award not yet scheduled; it becomes available in the stream again.</summary>
public static class ClawBackEndpoint
{
    public static ProblemDetails Validate(ReduceAward command) => AwardReductions.Validate(command);

    [WolverinePost("/api/funding/awards/{awardId}/clawback"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<AwardReducedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<(AwardReducedAnswer, Events)> Post(ReduceAward command, [VersionedAggregate] Award award, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        AwardReductions.Reduce(command, underspendReturned: false, award, session, user, clock, ct);
}
