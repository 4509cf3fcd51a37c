using System.Net;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.FundingData;

namespace CommunitySafety.WebTests;

/// <summary>The reports page, its downloads relayed from Funding with the user's token, and the dashboard's reminders for each funding role.</summary>
public sealed class FundingReportsTests(WebFactory site) : SiteTests(site)
{
    [Fact]
    public async Task The_reports_page_links_every_streams_report_and_the_360Giving_download()
    {
        var stream = Stream();
        Gateway.Serve(stream);
        var browser = await Site.As(DemonstrationUsers.Persona.FinanceOfficer);

        var page = await browser.Get("/funding/reports");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Reports", page.H1);
        var links = page.Document.QuerySelectorAll("main a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/funding/reports/streams.csv", "/funding/reports/streams.json", $"/funding/reports/streams/{stream.Id}.csv",
            $"/funding/reports/streams/{stream.Id}.json", "/funding/360giving.json", "/funding/360giving.json?financialYear=2026"], links);
    }

    [Fact]
    public async Task A_report_is_relayed_from_funding_with_the_users_token_its_content_type_and_a_file_name()
    {
        var csv = "stream,budget\r\nCrime Reduction Grant,100000.00\r\n";
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        Gateway.AnswerRaw(HttpMethod.Get, "/api/funding/reports/streams", csv, "text/csv; charset=utf-8");

        using var response = await browser.Http.GetAsync("/funding/reports/streams.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("funding-streams.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(csv, await response.Content.ReadAsStringAsync());
        var sent = Assert.Single(Gateway.Sent(HttpMethod.Get, "/api/funding/reports/streams"));
        Assert.Equal("/api/funding/reports/streams?format=csv&limit=500", sent.PathAndQuery);
        Assert.StartsWith("Bearer ", sent.Authorization);
    }

    [Fact]
    public async Task The_360Giving_package_is_a_download_for_anybody_and_a_refused_report_is_the_sites_own_page()
    {
        Gateway.AnswerRaw(HttpMethod.Get, "/api/funding/exports/360giving", """{"grants":[]}""", "application/json; charset=utf-8");
        using var anonymous = await Site.Browser().Http.GetAsync("/funding/360giving.json?financialYear=2026");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("360giving-2026.json", anonymous.Content.Headers.ContentDisposition?.FileNameStar ?? anonymous.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("/api/funding/exports/360giving?financialYear=2026", Assert.Single(Gateway.Sent(HttpMethod.Get, "/api/funding/exports")).PathAndQuery);

        var bidder = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation);
        var forbidden = await bidder.Get("/funding/reports");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        using var download = await bidder.Http.GetAsync("/funding/reports/streams.csv");
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/funding/reports"));

        var officer = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        Gateway.Refuse(HttpMethod.Get, $"/api/funding/reports/streams/{Guid.Empty}", HttpStatusCode.NotFound, "not-found", "No such stream.");
        var missing = await officer.Get($"/funding/reports/streams/{Guid.Empty}.csv");
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (missing.Status, missing.H1));
    }

    [Fact]
    public async Task The_dashboard_reminds_each_role_of_what_waits_for_it()
    {
        var stream = Stream();
        var submitted = Bid(stream.Id, status: BidStatus.Submitted, title: "Mobile CCTV");
        Gateway.Serve(stream);
        Gateway.Get("/api/funding/bids", new[] { submitted });
        var scheduled = new Instalment(Guid.NewGuid(), 20_000m, new DateOnly(2026, 7, 1), InstalmentStatus.Scheduled, null, null);
        var award = Award(stream.Id, submitted.Id, instalments: [scheduled]) with { AwardDate = new DateOnly(2025, 6, 1) };
        Gateway.Get("/api/funding/awards", new[] { award });

        var officer = await (await Site.As(DemonstrationUsers.Persona.FundingOfficer)).Get("/dashboard");
        Assert.Contains("Mobile CCTV", officer.Document.QuerySelector("#bids-to-assess")!.TextContent);
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/funding/bids"), r => r.PathAndQuery.Contains("status=Submitted"));

        var finance = await (await Site.As(DemonstrationUsers.Persona.FinanceOfficer)).Get("/dashboard");
        Assert.Contains("£20,000.00 due 1 July 2026, to approve", System.Text.RegularExpressions.Regex.Replace(finance.Document.QuerySelector("#instalments-to-act-on")!.TextContent, @"\s+", " "));

        // an award of 2025-26: every quarter has ended, none returned
        var bidder = await (await Site.As(DemonstrationUsers.Persona.Bidder, Organisation)).Get("/dashboard");
        Assert.Equal(4, bidder.Document.QuerySelectorAll("#returns-due li").Length);
    }
}
