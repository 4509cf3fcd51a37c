using System.Text;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Reports;

/// <summary>Budget, awarded, paid, reported spend and available, per stream and per award; JSON, or CSV with <c>?format=csv</c>.</summary>
public static class ReportEndpoints
{
    public const string Readers = FundingRoles.FundingOfficer + "," + FundingRoles.FinanceOfficer;

    /// <summary>
    /// Each stream's totals, a page of streams at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1), in JSON or
    /// CSV alike: <c>X-Total-Count</c> and <c>Link</c> say how many streams and where the next page is.
    /// </summary>
    [WolverineGet("/api/funding/reports/streams"), Authorize(Roles = Readers)]
    [ProducesResponseType<IReadOnlyList<StreamTotals>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     Produces("application/json", "text/csv")]
    public static async Task<IResult> Streams(int? financialYear, string? format, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        var csv = Format(format);
        var errors = new FieldErrors().Check(csv is not null, "format", "'format' must be json or csv.");
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, errors: errors)) return refusal;
        var ct = http.RequestAborted;
        var streams = await FundingStreamQueries.InYear(session, financialYear).ToPageAsync(request, ct);
        var awards = await ReportData.AwardsOf(session, streams.Items.Select(s => s.Id).ToArray(), ct);
        var names = await ReportData.OrganisationNames(session, awards, ct);
        var totals = streams.Select(s => FundingReport.ForStream(s, awards, names).Totals);
        if (csv is not true) return totals.Ok(http);
        Paging.WriteHeaders(http, totals.Total, request);
        return Csv(FundingReport.StreamsCsv(totals.Items), "funding-streams.csv");
    }

    [WolverineGet("/api/funding/reports/streams/{streamId}"), Authorize(Roles = Readers)]
    [ProducesResponseType<StreamReport>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), Produces("application/json", "text/csv")]
    public static async Task<IResult> Stream(Guid streamId, string? format, IQuerySession session, CancellationToken ct)
    {
        if (Format(format) is not { } csv) return BadFormat();
        if (await session.LoadAsync<FundingStreamView>(streamId, ct) is not { } stream) return Problems.NotFound("FundingStream", streamId);
        var awards = await ReportData.AwardsOf(session, [streamId], ct);
        var report = FundingReport.ForStream(stream, awards, await ReportData.OrganisationNames(session, awards, ct));
        return csv ? Csv(FundingReport.AwardsCsv(report), $"funding-stream-{streamId}.csv") : Results.Ok(report);
    }

    /// <summary>true for CSV, false for JSON, null for anything else.</summary>
    private static bool? Format(string? format) => format?.ToLowerInvariant() switch
    {
        null or "json" => false,
        "csv" => true,
        _ => null,
    };

    private static IResult BadFormat() =>
        Results.Problem(Problems.Validation(new Dictionary<string, string[]> { ["format"] = ["'format' must be json or csv."] }));

    private static IResult Csv(string text, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", fileName);
}

/// <summary>
/// The awards as a 360Giving Data Standard package (https://standard.threesixtygiving.org), for publication: anyone may
/// read it, as grant data published under the standard is open.
/// </summary>
public static class ThreeSixtyGivingEndpoint
{
    [WolverineGet("/api/funding/exports/360giving"), AllowAnonymous]
    [ProducesResponseType<GrantPackage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(int? financialYear, IQuerySession session, ThreeSixtyGivingOptions options, TimeProvider clock, CancellationToken ct)
    {
        var streams = (await FundingStreamQueries.InYear(session, financialYear).ToListAsync(ct)).ToDictionary(s => s.Id);
        var awards = await ReportData.AwardsOf(session, streams.Keys.ToArray(), ct);
        var bids = (await session.LoadManyAsync<BidView>(ct, awards.Select(a => a.BidId).Distinct().ToArray())).ToDictionary(b => b.Id);
        var package = ThreeSixtyGiving.Package(awards, streams, bids, await ReportData.OrganisationNames(session, awards, ct), options, clock.GetUtcNow());
        return Results.Ok(package);
    }
}

public static class ReportData
{
    public static async Task<IReadOnlyList<AwardView>> AwardsOf(IQuerySession session, Guid[] streamIds, CancellationToken ct) =>
        streamIds.Length == 0 ? [] : await session.Query<AwardView>().Where(a => a.StreamId.IsOneOf(streamIds)).ToListAsync(ct);

    public static async Task<IReadOnlyDictionary<Guid, string>> OrganisationNames(IQuerySession session, IEnumerable<AwardView> awards, CancellationToken ct) =>
        (await session.LoadManyAsync<KnownOrganisation>(ct, awards.Select(a => a.OrganisationId).Distinct().ToArray())).ToDictionary(o => o.Id, o => o.Name);
}
