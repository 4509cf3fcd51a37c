using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>Every list of Funding is paged (<c>limit</c>, <c>page</c>, <c>X-Total-Count</c>, <c>Link</c>); the 360Giving export is not.</summary>
public sealed class PagingTests(FundingFixture fixture)
{
    /// <summary>A financial year of this class's own, so that its streams are the only ones of the year.</summary>
    private const int Year = 2041;

    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    /// <summary>Every list route; <c>{stream}</c> stands for a stream the test opens.</summary>
    public static TheoryData<string> Lists =>
    [
        FundingRoutes.Streams,
        FundingRoutes.StreamsOf(financialYear: 2026),
        FundingRoutes.Bids,
        "/api/funding/bids?streamId={stream}&status=Draft",
        FundingRoutes.Awards,
        "/api/funding/awards?streamId={stream}",
        FundingRoutes.Decisions,
        FundingRoutes.DecisionsOf(consensus: true),
        // a year of this test's own: other tests arrange awards past the ledger, which a report refuses to add up
        FundingRoutes.StreamsReportOf(financialYear: Year - 1),
        FundingRoutes.StreamsReportOf(financialYear: Year - 1, format: "csv"),
    ];

    [Theory, MemberData(nameof(Lists))]
    public async Task Every_list_answers_its_total_and_links_and_refuses_a_limit_or_page_out_of_range(string route)
    {
        var stream = await _officer.OpenStream(financialYear: Year - 1);
        await _officer.Draft(stream, organisationId: Guid.NewGuid());
        await _officer.AssertPagedList(route.Replace("{stream}", stream.ToString()));
    }

    [Fact]
    public async Task A_years_streams_and_their_report_come_a_page_at_a_time_by_name()
    {
        var streams = new List<Guid>();
        foreach (var name in new[] { "A stream", "B stream", "C stream" })
            streams.Add(await (await _officer.CreateStream(
                new { name, source = "PCC Crime Reduction Grant", financialYear = Year, budget = 10_000m })).CreatedId());

        var first = await _officer.GetStreams(financialYear: Year, limit: 2);
        Assert.Equal(streams[..2], (await first.Json(HttpStatusCode.OK)).AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
        Assert.Equal(3, first.TotalCount());
        Assert.Equal(FundingRoutes.StreamsOf(financialYear: Year, limit: 2, page: 2), first.Links()["next"]);
        var second = await _officer.GetAsync(first.Links()["next"]);
        Assert.Equal([streams[2]], (await second.Json(HttpStatusCode.OK)).AsArray().Select(s => s!["id"]!.GetValue<Guid>()));

        // the report pages its streams alike, in CSV too
        var csv = await _officer.GetStreamsReport(financialYear: Year, format: "csv", limit: 2, page: 2);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{streams[2]},C stream,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith($"{streams[0]},", StringComparison.Ordinal));
        Assert.Equal(3, csv.TotalCount());
        Assert.Equal(FundingRoutes.StreamsReportOf(financialYear: Year, format: "csv", limit: 2, page: 1), csv.Links()["prev"]);
        await (await _officer.GetStreamsReport(format: "xlsx", limit: 0)).ValidationProblem("format", "limit");
    }

    [Fact]
    public async Task The_360Giving_export_is_the_whole_dataset_of_the_year_not_a_page()
    {
        for (var i = 0; i < 2; i++) await _officer.OpenStream(financialYear: Year + 1);
        var export = await fixture.Client().GetThreeSixtyGivingExport(financialYear: Year + 1, limit: 1);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.False(export.Headers.Contains("Link"));
        Assert.False(export.Headers.Contains("X-Total-Count"));
    }
}
