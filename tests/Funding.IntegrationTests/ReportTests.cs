using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Streams;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class ReportTests(FundingFixture fixture)
{
    private const int Year = 2031; // a year no other test uses, so the totals are this test's alone
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    /// <summary>A stream of £100,000 with two awards (one part-paid with a return, one partly clawed back), as the events record them.</summary>
    private async Task<(Guid Stream, Guid AwardA, Guid AwardB, Guid Recipient)> Arrange()
    {
        var recipient = await fixture.Organisation("Margate Youth Trust, \"MYT\"");
        var (stream, bidA, awardA, awardB, instalment) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var outputs = new List<PromisedOutput> { new("young people engaged", 40) };
        await using var session = fixture.Store.LightweightSession();
        session.Events.StartStream<FundingStream>(stream,
            new FundingStreamCreated(stream, "Crime Reduction Grant", "PCC Crime Reduction Grant", Year, 100_000m, "Officer", At),
            new AwardCommitted(stream, awardA, 30_000m, At),
            new AwardCommitted(stream, awardB, 20_000m, At),
            new AwardReduced(stream, awardB, 5_000m, "Project ended early", At));
        session.Events.StartStream<Bid>(bidA, new BidDrafted(bidA, stream, recipient, "Detached youth work", "Evening outreach", 32_000m, "ASB-1", outputs,
            "East", "Bidder", At));
        session.Events.StartStream<Award>(awardA,
            new AwardMade(awardA, stream, bidA, recipient, "Detached youth work", "Evening outreach in Cliftonville", 30_000m, Guid.NewGuid(),
                new DateOnly(Year, 6, 1), outputs, "Officer", At),
            new InstalmentScheduled(awardA, instalment, 10_000m, new DateOnly(Year, 7, 1), "Officer", At),
            new InstalmentApproved(awardA, instalment, "Finance", At),
            new InstalmentPaid(awardA, instalment, recipient, 10_000m, new DateOnly(Year, 7, 2), "Finance", At),
            new MonitoringReturnSubmitted(awardA, Guid.NewGuid(), 1, new DateOnly(Year, 6, 30), 12_000m,
                new Dictionary<string, decimal> { ["young people engaged"] = 12 }, 7_500m, 60m, "Equipment bought up front", "Bidder", At));
        session.Events.StartStream<Award>(awardB,
            new AwardMade(awardB, stream, Guid.NewGuid(), recipient, "=HYPERLINK(\"x\"), lighting", "Lighting the alley", 20_000m, Guid.NewGuid(),
                new DateOnly(Year, 5, 1), [], "Officer", At),
            new AwardReducedBy(awardB, stream, recipient, 5_000m, "Project ended early", false, "Officer", At));
        await session.SaveChangesAsync();
        return (stream, awardA, awardB, recipient);
    }

    [Fact]
    public async Task The_stream_report_adds_up_in_JSON_and_CSV()
    {
        var (stream, awardA, _, _) = await Arrange();
        var officer = fixture.Client(FundingRoles.FundingOfficer);

        var report = await (await officer.GetStreamReport(stream)).Json(HttpStatusCode.OK);
        var totals = report["totals"]!;
        Assert.Equal((100_000m, 45_000m, 10_000m, 12_000m, 55_000m),
            (M(totals, "budget"), M(totals, "awarded"), M(totals, "paid"), M(totals, "reportedSpend"), M(totals, "available")));
        Assert.Equal("2031-32", totals["financialYear"]!.GetValue<string>());
        var a = report["awards"]!.AsArray().Single(x => x!["awardId"]!.GetValue<Guid>() == awardA)!;
        Assert.Equal((30_000m, 10_000m, 12_000m, 20_000m), (M(a, "awarded"), M(a, "paid"), M(a, "reportedSpend"), M(a, "unpaid")));
        Assert.Equal("Margate Youth Trust, \"MYT\"", a["organisationName"]!.GetValue<string>());

        var csvResponse = await fixture.Client(FundingRoles.FinanceOfficer).GetStreamReport(stream, format: "csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("award_id,title,organisation_id,organisation,award_date,awarded,paid,reported_spend,unpaid", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\"), lighting\",", lines[1]); // quoted, and a formula-like title is defused
        Assert.Contains(",\"Margate Youth Trust, \"\"MYT\"\"\",2031-06-01,30000.00,10000.00,12000.00,20000.00", lines[2]);
        Assert.EndsWith(",45000.00,10000.00,12000.00,35000.00", lines[3]);
        Assert.StartsWith("TOTAL,", lines[3]);

        var streams = await (await officer.GetStreamsReport(financialYear: Year)).Json(HttpStatusCode.OK);
        Assert.Contains(streams.AsArray(), s => s!["streamId"]!.GetValue<Guid>() == stream && M(s, "awarded") == 45_000m);
        var streamsCsv = await (await officer.GetStreamsReport(financialYear: Year, format: "CSV")).Content.ReadAsStringAsync();
        Assert.Contains($"{stream},Crime Reduction Grant,PCC Crime Reduction Grant,2031-32,100000.00,45000.00,10000.00,12000.00,55000.00", streamsCsv);
    }

    [Fact]
    public async Task The_360Giving_export_conforms_to_the_published_schema_and_shows_the_awards()
    {
        var (_, awardA, awardB, recipient) = await Arrange();

        var response = await fixture.Client().GetThreeSixtyGivingExport(financialYear: Year); // published: no token needed
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await ThreeSixtyGivingSchema.ValidateAsync(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + text);

        var package = JsonNode.Parse(text)!;
        Assert.Equal("1.4", package["version"]!.GetValue<string>());
        var grants = package["grants"]!.AsArray();
        var a = grants.Single(g => g!["id"]!.GetValue<string>() == $"360G-csp-{awardA}")!;
        Assert.Equal(("GBP", 30_000m, 32_000m, 10_000m), (a["currency"]!.GetValue<string>(), M(a, "amountAwarded"), M(a, "amountAppliedFor"), M(a, "amountDisbursed")));
        Assert.StartsWith($"{Year}-06-01T00:00:00", a["awardDate"]!.GetValue<string>());
        Assert.Equal(($"360G-csp-org-{recipient}", "Margate Youth Trust, \"MYT\""),
            (a["recipientOrganization"]![0]!["id"]!.GetValue<string>(), a["recipientOrganization"]![0]!["name"]!.GetValue<string>()));
        Assert.Equal("Community Safety Partnership", a["fundingOrganization"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(15_000m, M(grants.Single(g => g!["id"]!.GetValue<string>() == $"360G-csp-{awardB}")!, "amountAwarded")); // net of the clawback

        // the check can fail: a grant without its recipient does not conform
        a.AsObject().Remove("recipientOrganization");
        Assert.NotEmpty(await ThreeSixtyGivingSchema.ValidateAsync(package.ToJsonString()));
    }

    [Fact]
    public async Task Reports_refuse_bad_input_and_callers_without_a_finance_role()
    {
        var officer = fixture.Client(FundingRoles.FundingOfficer);
        await (await officer.GetStreamReport(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await officer.GetStreamsReport(format: "xlsx")).Problem(HttpStatusCode.BadRequest, "validation");
        await (await officer.GetStreamReport(Guid.NewGuid(), format: "pdf")).Problem(HttpStatusCode.BadRequest, "validation");
        await (await officer.GetAsync("/api/funding/reports/streams?financialYear=next")).Problem(HttpStatusCode.BadRequest);
        await (await fixture.Client().GetAsync("/api/funding/exports/360giving?financialYear=last")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(FundingRoles.Bidder).GetStreamsReport()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetStreamsReport()).StatusCode);
    }

    private static decimal M(JsonNode node, string field) => node[field]!.GetValue<decimal>();
}
