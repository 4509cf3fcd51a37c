using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.FundingData;

namespace CommunitySafety.WebTests;

/// <summary>An award's page: payments (scheduled by the officer, approved and paid by finance), monitoring returns against the variance rule, money coming back.</summary>
public sealed class FundingAwardTests(WebFactory site) : SiteTests(site)
{
    private readonly FundingStream _stream = Stream(committed: 60_000m);

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static Dictionary<string, string?> Fields(params (string, string?)[] fields) => fields.ToDictionary(f => f.Item1, f => f.Item2);

    private static readonly Instalment Scheduled = new(Guid.NewGuid(), 20_000m, new DateOnly(2026, 7, 1), InstalmentStatus.Scheduled, null, null);
    private static readonly Instalment Approved = new(Guid.NewGuid(), 15_000m, new DateOnly(2026, 10, 1), InstalmentStatus.Approved, null, null);

    private static MonitoringReturn Return(int quarter, decimal spend, decimal expected, decimal variance, string? explanation = null) =>
        new(Guid.NewGuid(), quarter, new DateOnly(2026, 4, 1).AddMonths(3 * quarter).AddDays(-1), spend,
            new Dictionary<string, decimal> { ["young people engaged"] = 10 * quarter }, expected, variance, explanation, "Bea Bidder", DateTimeOffset.UtcNow);

    private Award Serve(IReadOnlyList<Instalment>? instalments = null, IReadOnlyList<MonitoringReturn>? returns = null)
    {
        var bid = Bid(_stream.Id, status: BidStatus.Awarded);
        var award = Award(_stream.Id, bid.Id, instalments: instalments, returns: returns);
        Gateway.Serve(_stream, bid, award);
        return award;
    }

    [Fact]
    public async Task The_award_shows_its_payments_and_its_returns_with_the_variance_rule_and_which_returns_breach_it()
    {
        var award = Serve([Scheduled, Approved], [Return(1, 25_000m, 15_000m, 66.67m, "Minibus bought in the first quarter"), Return(2, 31_000m, 30_000m, 3.33m)]);
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);

        var page = await browser.Get($"/funding/awards/{award.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Youth diversion", page.H1);
        var instalments = page.Document.QuerySelectorAll("#instalments tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["1 July 2026 | £20,000.00 | Awaiting approval", "1 October 2026 | £15,000.00 | Approved, to pay"], instalments);
        Assert.Contains("more than 10% above or below", page.Document.QuerySelector("#variance-rule")!.TextContent);
        var returns = page.Document.QuerySelectorAll("#returns tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.StartsWith("Q1, to 30 June 2026 | £25,000.00 | £15,000.00 | +66.67% | Breaches it", returns[0]);
        Assert.Contains("Minibus bought in the first quarter", returns[0]);
        Assert.Equal("Q2, to 30 September 2026 | £31,000.00 | £30,000.00 | +3.33% | Within it", returns[1]);
        // the officer schedules, submits returns and records money coming back; approving and paying are finance's
        foreach (var form in new[] { "schedule", "return", "reduce" }) Assert.NotNull(page.Form(form));
        Assert.Empty(page.Document.QuerySelectorAll("button[name='Approve.InstalmentId']"));
        Assert.Null(page.Document.QuerySelector("form input[value='pay']"));
        var quarters = page.Document.QuerySelectorAll("#return-quarter option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Choose the quarter", "Quarter 3", "Quarter 4"], quarters);
    }

    [Fact]
    public async Task An_officer_schedules_an_instalment_and_a_schedule_past_the_award_is_refused_with_what_is_left()
    {
        var award = Serve();
        var path = $"/api/funding/awards/{award.Id}/instalments";
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/awards/{award.Id}");

        var invalid = await browser.Submit(page, "schedule", Fields(("Schedule.Amount", ""), ("Schedule.DueOn.Day", "1"), ("Schedule.DueOn.Month", "13"), ("Schedule.DueOn.Year", "2026")));
        Assert.Equal([("Enter the amount of the instalment", "schedule-amount"), ("The date it is due must be a real date", "schedule-due-day")], invalid.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, path));

        Gateway.Answer(HttpMethod.Post, path, new { instalmentId = Guid.NewGuid() });
        var answer = await browser.Submit(page, "schedule", Fields(("Schedule.Amount", "20,000"), ("Schedule.DueOn.Day", "1"), ("Schedule.DueOn.Month", "7"), ("Schedule.DueOn.Year", "2026")));
        Assert.Equal($"/funding/awards/{award.Id}?done=scheduled", answer.RedirectPath());
        Assert.Equal("""{"amount":20000,"dueOn":"2026-07-01"}""", SentTo(path).ToJsonString());

        Gateway.Refuse(HttpMethod.Post, path, HttpStatusCode.Conflict, "schedule-exceeds-award", "Scheduling 70,000.00 would take the schedule past the award.",
            new { netAmount = 60_000m, scheduled = 0m, unscheduled = 60_000m });
        var refused = await browser.Submit(page, "schedule", Fields(("Schedule.Amount", "70000"), ("Schedule.DueOn.Day", "1"), ("Schedule.DueOn.Month", "7"), ("Schedule.DueOn.Year", "2026")));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This instalment would take the payment schedule past the award: £60,000.00 is left to schedule.", refused.ErrorSummary);
    }

    [Fact]
    public async Task A_finance_officer_approves_a_scheduled_instalment_and_pays_an_approved_one()
    {
        var award = Serve([Scheduled, Approved]);
        var approve = $"/api/funding/awards/{award.Id}/instalments/{Scheduled.InstalmentId}/approve";
        var pay = $"/api/funding/awards/{award.Id}/instalments/{Approved.InstalmentId}/pay";
        Gateway.Answer(HttpMethod.Post, approve, null, HttpStatusCode.NoContent);
        Gateway.Answer(HttpMethod.Post, pay, null, HttpStatusCode.NoContent);
        var browser = await Site.As(DemonstrationUsers.Persona.FinanceOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/awards/{award.Id}");
        Assert.Null(page.Document.QuerySelector("form input[value='schedule']"));
        Assert.Null(page.Document.QuerySelector("form input[value='reduce']"));
        Assert.Equal([Scheduled.InstalmentId.ToString()], page.Document.QuerySelectorAll("button[name='Approve.InstalmentId']").Select(b => b.GetAttribute("value")));

        var approved = await browser.Submit(page, "approve", Fields(("Approve.InstalmentId", Scheduled.InstalmentId.ToString())));
        Assert.Equal($"/funding/awards/{award.Id}?done=approved", approved.RedirectPath());
        Assert.Single(Gateway.Sent(HttpMethod.Post, approve));

        var invalid = await browser.Submit(page, "pay", Fields(("Pay.InstalmentId", ""), ("Pay.PaidOn.Day", "2"), ("Pay.PaidOn.Month", "10"), ("Pay.PaidOn.Year", "2026")));
        Assert.Equal([("Choose the instalment that was paid", "pay-instalment")], invalid.Errors);
        var paid = await browser.Submit(page, "pay", Fields(("Pay.InstalmentId", Approved.InstalmentId.ToString()), ("Pay.PaidOn.Day", "2"), ("Pay.PaidOn.Month", "10"), ("Pay.PaidOn.Year", "2026")));
        Assert.Equal($"/funding/awards/{award.Id}?done=paid", paid.RedirectPath());
        Assert.Equal("""{"paidOn":"2026-10-02"}""", SentTo(pay).ToJsonString());
    }

    [Fact]
    public async Task A_bidder_submits_a_return_and_a_variance_without_an_explanation_is_refused_with_the_figures()
    {
        var award = Serve();
        var path = $"/api/funding/awards/{award.Id}/returns";
        var browser = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation, followRedirects: false);
        var page = await browser.Get($"/funding/awards/{award.Id}");
        Assert.Null(page.Document.QuerySelector("form input[value='reduce']"));
        Assert.Null(page.Document.QuerySelector("form input[value='schedule']"));

        var invalid = await browser.Submit(page, "return", Fields(("Return.Quarter", ""), ("Return.Spend", "lots"), ("Return.Achieved[0]", "-3")));
        Assert.Equal([("Choose the quarter", "return-quarter"), ("The spend to date must be an amount in pounds, like 1,250.50", "return-spend"),
            ("Young people engaged so far must be a number, 0 or more", "return-output-0")], invalid.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, path));

        Gateway.Refuse(HttpMethod.Post, path, (HttpStatusCode)422, "variance-needs-explanation", "Spend is beyond the threshold.",
            new { variancePercent = 66.67m, expectedSpend = 15_000m, thresholdPercent = 10m });
        var refused = await browser.Submit(page, "return", Fields(("Return.Quarter", "1"), ("Return.Spend", "25,000"), ("Return.Achieved[0]", "14")));
        Assert.Contains("Spend is +66.67% against the expected £15,000.00, beyond the 10% allowed: explain the variance.", refused.ErrorSummary);
        Assert.Equal("""{"quarter":1,"spendToDate":25000,"outputsAchieved":{"young people engaged":14}}""", SentTo(path).ToJsonString());
        Assert.Equal("14", refused.Document.QuerySelector("#return-output-0")!.GetAttribute("value"));

        Gateway.Requests.Clear();
        Gateway.Answer(HttpMethod.Post, path, new { returnId = Guid.NewGuid() });
        var sent = await browser.Submit(page, "return", Fields(("Return.Quarter", "1"), ("Return.Spend", "25000"), ("Return.Achieved[0]", "14"),
            ("Return.Explanation", "Minibus bought in the first quarter")));
        Assert.Equal($"/funding/awards/{award.Id}?done=return", sent.RedirectPath());
        Assert.Equal("""{"quarter":1,"spendToDate":25000,"outputsAchieved":{"young people engaged":14},"varianceExplanation":"Minibus bought in the first quarter"}""",
            SentTo(path).ToJsonString());
    }

    [Fact]
    public async Task An_officer_records_underspend_returned_and_a_clawback()
    {
        var award = Serve();
        Gateway.Answer(HttpMethod.Post, $"/api/funding/awards/{award.Id}/underspend", new { amount = 500m });
        Gateway.Answer(HttpMethod.Post, $"/api/funding/awards/{award.Id}/clawback", new { amount = 1000m });
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/awards/{award.Id}");

        var invalid = await browser.Submit(page, "reduce", Fields(("Reduce.Amount", "500"), ("Reduce.Reason", "")));
        Assert.Equal([("Choose whether it is underspend returned or a clawback", "reduce-kind"), ("Enter the reason", "reduce-reason")], invalid.Errors);

        var underspend = await browser.Submit(page, "reduce", Fields(("Reduce.Kind", "underspend"), ("Reduce.Amount", "500"), ("Reduce.Reason", "Unspent at year end")));
        Assert.Equal($"/funding/awards/{award.Id}?done=reduced", underspend.RedirectPath());
        Assert.Equal("""{"amount":500,"reason":"Unspent at year end"}""", SentTo($"/api/funding/awards/{award.Id}/underspend").ToJsonString());
        await browser.Submit(page, "reduce", Fields(("Reduce.Kind", "clawback"), ("Reduce.Amount", "1000"), ("Reduce.Reason", "Sessions not delivered")));
        Assert.Equal("""{"amount":1000,"reason":"Sessions not delivered"}""", SentTo($"/api/funding/awards/{award.Id}/clawback").ToJsonString());

        Gateway.Refuse(HttpMethod.Post, $"/api/funding/awards/{award.Id}/underspend", HttpStatusCode.Conflict, "return-exceeds-paid",
            "The recipient can return at most the 0.00 it was paid.", new { paid = 0m });
        var refused = await browser.Submit(page, "reduce", Fields(("Reduce.Kind", "underspend"), ("Reduce.Amount", "500"), ("Reduce.Reason", "Unspent")));
        Assert.Equal([("The organisation can return at most the £0.00 it was paid.", "reduce-amount")], refused.Errors);
    }

    [Fact]
    public async Task Another_organisations_award_is_the_403_page_and_an_unknown_one_the_404_page()
    {
        var theirs = Guid.NewGuid();
        Gateway.Get("/api/funding/monitoring-rule", Rule);
        Gateway.Refuse(HttpMethod.Get, $"/api/funding/awards/{theirs}", HttpStatusCode.Forbidden, "not-your-award", "This award belongs to another organisation.");
        var bidder = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation);

        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.Get($"/funding/awards/{theirs}")).Status);
        var unknown = await bidder.Get($"/funding/awards/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
    }
}
