using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.FundingData;

namespace CommunitySafety.WebTests;

/// <summary>The funding streams and a stream's budget: what they show, their forms, errors GOV.UK's way and Funding's refusals in plain English.</summary>
public sealed class FundingStreamsTests(WebFactory site) : SiteTests(site)
{
    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    [Fact]
    public async Task The_streams_are_shown_by_financial_year_with_budget_committed_paid_and_available_in_pounds()
    {
        var current = Stream(name: "Crime Reduction Grant 2026-27", budget: 100_000m, committed: 60_000m);
        var next = Stream(name: "Crime Reduction Grant 2027-28", year: 2027, budget: 1_234.56m);
        var bid = Bid(current.Id);
        var award = Award(current.Id, bid.Id, instalments: [new Instalment(Guid.NewGuid(), 20_000m, new DateOnly(2026, 7, 1), InstalmentStatus.Paid, new DateOnly(2026, 7, 1), null)]);
        Gateway.Serve(current, bid, award);
        Gateway.Get("/api/funding/streams", new[] { next, current });
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);

        var page = await browser.Get("/funding");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Funding streams", page.H1);
        var captions = page.Document.QuerySelectorAll("table caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2027-28", "2026-27"], captions);
        var row = page.Document.QuerySelectorAll("#year-2026 tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["£100,000.00", "£60,000.00", "£20,000.00", "£40,000.00"], row);
        Assert.Contains("£1,234.56", page.Document.QuerySelector("#year-2027")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"#year-2026 a[href='/funding/streams/{current.Id}']"));
        Assert.NotNull(page.Form("create"));
    }

    [Fact]
    public async Task A_bidder_sees_the_streams_without_what_was_paid_and_cannot_open_one()
    {
        var stream = Stream();
        Gateway.Serve(stream);
        var browser = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation);
        Gateway.Requests.Clear(); // the dashboard, after signing in, reads the bidder's own awards

        var page = await browser.Get("/funding");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Paid", page.Document.QuerySelector("table thead")!.TextContent);
        Assert.Null(page.Document.QuerySelector("form input[value='create']"));
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/funding/awards"));
    }

    [Fact]
    public async Task A_stream_is_opened_as_funding_takes_it_and_the_officer_is_sent_to_its_page()
    {
        Gateway.Serve(Stream());
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get("/funding");
        var created = Stream(name: "Safer Streets");
        Gateway.Created("/api/funding/streams", created);

        var answer = await browser.Submit(page, "create", new Dictionary<string, string?>
        {
            ["Stream.Name"] = " Safer Streets ", ["Stream.Source"] = "Home Office", ["Stream.Year"] = "2026", ["Stream.Budget"] = "£25,000.50",
        });

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"/funding/streams/{created.Id}?done=created", answer.RedirectPath());
        Assert.Equal("""{"name":"Safer Streets","source":"Home Office","financialYear":2026,"budget":25000.50}""", SentTo("/api/funding/streams").ToJsonString());
    }

    [Fact]
    public async Task A_stream_without_a_name_year_or_real_budget_is_shown_again_with_an_error_summary_and_nothing_is_sent()
    {
        Gateway.Serve(Stream());
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        var page = await browser.Get("/funding");

        var answer = await browser.Submit(page, "create", new Dictionary<string, string?>
        {
            ["Stream.Name"] = "", ["Stream.Source"] = "PCC", ["Stream.Year"] = "twenty", ["Stream.Budget"] = "10.005",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("Error: ", answer.Title);
        Assert.Equal([("Enter the name of the stream", "stream-name"), ("The financial year must be a year like 2026", "stream-year"),
            ("The budget must be an amount in pounds, like 1,250.50", "stream-budget")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/funding"));
    }

    [Fact]
    public async Task A_streams_page_shows_its_budget_changes_and_their_reasons()
    {
        var stream = Stream(budget: 110_000m, committed: 60_000m,
            changes: [new BudgetChange(Guid.Empty, 10_000m, "PCC top-up in July", "Fay Officer", new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero))]);
        Gateway.Serve(stream);
        var browser = await Site.As(DemonstrationUsers.Persona.FinanceOfficer);

        var page = await browser.Get($"/funding/streams/{stream.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Crime Reduction Grant", page.H1);
        Assert.Contains("£50,000.00", page.Document.QuerySelector(".govuk-summary-list")!.TextContent);
        var cells = page.Document.QuerySelectorAll("#budget-changes tbody td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["3 July 2026", "+£10,000.00", "PCC top-up in July", "Fay Officer"], cells);
        Assert.Contains("Opened with £100,000.00", page.Document.QuerySelector("#budget-changes caption")!.TextContent);
        Assert.Null(page.Document.QuerySelector("form input[value='budget']")); // finance does not change budgets
    }

    [Fact]
    public async Task A_budget_reduction_is_sent_as_a_negative_change_with_its_reason()
    {
        var stream = Stream();
        Gateway.Serve(stream);
        var path = $"/api/funding/streams/{stream.Id}/budget-changes";
        Gateway.Answer(HttpMethod.Post, path, null, HttpStatusCode.NoContent);
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/streams/{stream.Id}");

        var answer = await browser.Submit(page, "budget", new Dictionary<string, string?>
        {
            ["Budget.Direction"] = "remove", ["Budget.Amount"] = "5,000", ["Budget.Reason"] = "In-year cut",
        });

        Assert.Equal($"/funding/streams/{stream.Id}?done=budget", answer.RedirectPath());
        Assert.Equal("""{"change":-5000,"reason":"In-year cut"}""", SentTo(path).ToJsonString());
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Contains("The budget is changed", after.Document.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [Fact]
    public async Task A_budget_change_without_a_direction_or_reason_is_an_error_summary_and_a_refusal_below_committed_is_said_with_the_figure()
    {
        var stream = Stream(committed: 60_000m);
        Gateway.Serve(stream);
        var path = $"/api/funding/streams/{stream.Id}/budget-changes";
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        var page = await browser.Get($"/funding/streams/{stream.Id}");

        var invalid = await browser.Submit(page, "budget", new Dictionary<string, string?> { ["Budget.Amount"] = "5000", ["Budget.Reason"] = " " });
        Assert.Equal([("Select whether to add to the budget or take from it", "budget-direction"), ("Enter the reason for the change", "budget-reason")],
            invalid.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, path));

        Gateway.Refuse(HttpMethod.Post, path, HttpStatusCode.Conflict, "budget-below-committed", "The budget cannot go below the 60,000.00 already awarded.",
            new { committed = 60_000m, budget = 100_000m });
        var refused = await browser.Submit(page, "budget", new Dictionary<string, string?>
        {
            ["Budget.Direction"] = "remove", ["Budget.Amount"] = "50000", ["Budget.Reason"] = "Cut",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The budget cannot go below the £60,000.00 already awarded from this stream.", refused.ErrorSummary);
        Assert.Equal("50000", refused.Document.QuerySelector("#budget-amount")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Someone_without_a_funding_role_gets_the_403_page_and_an_unknown_stream_the_404_page()
    {
        var caseWorker = await Site.As(DemonstrationUsers.Persona.CaseWorker, Guid.NewGuid());
        var forbidden = await caseWorker.Get("/funding");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);

        var officer = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        var unknown = await officer.Get($"/funding/streams/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
    }
}
