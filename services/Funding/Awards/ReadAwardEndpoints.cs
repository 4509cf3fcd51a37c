using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.Funding.Awards;

/// <summary>Awards are made on bids (POST /api/funding/bids/{bidId}/award); here they are read.</summary>
public static class ReadAwardEndpoints
{
    [WolverineGet("/api/funding/awards/{awardId}"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<Award>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid awardId, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<Award>(awardId, http.RequestAborted), awardId, http, a => a.Version);

    /// <summary>Awards, oldest first, optionally of one stream.</summary>
    [WolverineGet("/api/funding/awards"), Authorize(Roles = FundingRoles.AnyFundingRole)]
    [ProducesResponseType<IReadOnlyList<Award>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<Award>> List(Guid? streamId, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Award>().AsQueryable();
        if (streamId is { } s) query = query.Where(a => a.StreamId == s);
        return await query.OrderBy(a => a.AwardedAt).ToListAsync(ct);
    }
}
