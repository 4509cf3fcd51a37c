using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.FundingData;

namespace CommunitySafety.WebTests;

/// <summary>Bids: the list, drafting and submitting (bidder), assessing, declining and awarding by a recorded decision (officer), refusals plainly.</summary>
public sealed class FundingBidsTests(WebFactory site) : SiteTests(site)
{
    private readonly FundingStream _stream = Stream(year: DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1, committed: 60_000m);

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static Dictionary<string, string?> Fields(params (string, string?)[] fields) => fields.ToDictionary(f => f.Item1, f => f.Item2);

    [Fact]
    public async Task Officers_see_every_bid_with_its_stream_amount_score_and_status_in_words()
    {
        var submitted = Bid(_stream.Id, status: BidStatus.Submitted, title: "Mobile CCTV", requested: 50_000m);
        var assessed = Bid(_stream.Id, title: "Youth diversion");
        Gateway.Serve(_stream);
        Gateway.Get("/api/funding/bids", new[] { assessed, submitted });
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);

        var page = await browser.Get("/funding/bids");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Bids", page.H1);
        var rows = page.Document.QuerySelectorAll("#bids tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim().Replace("\n", " ")))).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("£60,000.00 | 78 | Assessed", rows[0]);
        Assert.Contains("£50,000.00 | – | Awaiting assessment", rows[1]);
        Assert.Contains($"Crime Reduction Grant ({_stream.FinancialYearLabel})", rows[1]);
        Assert.Null(page.Document.QuerySelector("form input[value='draft']")); // officers do not draft here
    }

    [Fact]
    public async Task A_bidder_drafts_a_bid_for_its_organisation_as_funding_takes_it_and_is_sent_to_the_draft()
    {
        Gateway.Serve(_stream);
        var browser = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation, followRedirects: false);
        var page = await browser.Get("/funding/bids");
        Assert.Equal("Your organisation's bids", page.H1);
        var drafted = Bid(_stream.Id, status: BidStatus.Draft);
        Gateway.Created("/api/funding/bids", drafted);

        var answer = await browser.Submit(page, "draft", Fields(("Bid.StreamId", _stream.Id.ToString()), ("Bid.Title", "Youth diversion"),
            ("Bid.Description", "Detached youth work"), ("Bid.Amount", "60,000"), ("Bid.Priority", "CSA priority 2: ASB"), ("Bid.Area", "East"),
            ("Bid.Measure", "young people engaged"), ("Bid.Target", "40")));

        Assert.Equal($"/funding/bids/{drafted.Id}?done=drafted", answer.RedirectPath());
        Assert.Equal($$"""{"streamId":"{{_stream.Id}}","title":"Youth diversion","description":"Detached youth work","amountRequested":60000,"priority":"CSA priority 2: ASB","outputs":[{"measure":"young people engaged","target":40}],"area":"East"}""",
            SentTo("/api/funding/bids").ToJsonString());
    }

    [Fact]
    public async Task A_draft_without_a_stream_title_or_output_is_shown_again_with_an_error_summary_and_nothing_is_sent()
    {
        Gateway.Serve(_stream);
        var browser = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation);
        var page = await browser.Get("/funding/bids");

        var answer = await browser.Submit(page, "draft", Fields(("Bid.StreamId", ""), ("Bid.Title", ""), ("Bid.Description", "Work"), ("Bid.Amount", "0"),
            ("Bid.Priority", "ASB"), ("Bid.Area", "East"), ("Bid.Measure", ""), ("Bid.Target", "x")));

        Assert.StartsWith("Error: ", answer.Title);
        Assert.Equal([("Choose the funding stream", "bid-stream"), ("Enter the title of the project", "bid-title"),
            ("The amount requested must be more than £0 and less than £1,000,000,000", "bid-amount"), ("Enter an output the project promises", "bid-measure"),
            ("Enter the target for the output, a number more than 0", "bid-target")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/funding"));
    }

    [Fact]
    public async Task A_bidder_submits_its_draft_and_may_withdraw_it_with_a_reason()
    {
        var draft = Bid(_stream.Id, status: BidStatus.Draft);
        Gateway.Serve(_stream, draft);
        Gateway.Answer(HttpMethod.Post, $"/api/funding/bids/{draft.Id}/submit", draft with { Status = BidStatus.Submitted });
        Gateway.Answer(HttpMethod.Post, $"/api/funding/bids/{draft.Id}/withdraw", draft with { Status = BidStatus.Withdrawn });
        var browser = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation, followRedirects: false);
        var page = await browser.Get($"/funding/bids/{draft.Id}");
        Assert.Null(page.Document.QuerySelector("form input[value='award']"));
        Assert.Null(page.Document.QuerySelector("form input[value='assess']"));

        var submitted = await browser.Submit(page, "submit", Fields());
        Assert.Equal($"/funding/bids/{draft.Id}?done=submitted", submitted.RedirectPath());
        Assert.Single(Gateway.Sent(HttpMethod.Post, $"/api/funding/bids/{draft.Id}/submit"));

        var invalid = await browser.Submit(page, "withdraw", Fields(("Withdraw.Reason", "")));
        Assert.Equal([("Enter why you are withdrawing the bid", "withdraw-reason")], invalid.Errors);
        var withdrawn = await browser.Submit(page, "withdraw", Fields(("Withdraw.Reason", "Match funding fell through")));
        Assert.Equal($"/funding/bids/{draft.Id}?done=withdrawn", withdrawn.RedirectPath());
        Assert.Equal("""{"reason":"Match funding fell through"}""", SentTo($"/api/funding/bids/{draft.Id}/withdraw").ToJsonString());
    }

    /// <summary>Two decisions Funding knows: one the register shows the officer (a public meeting's), one it does not (a private one's).</summary>
    private (KnownDecision Public, KnownDecision Private) Decisions(Guid bodyId)
    {
        var shown = new KnownDecision(Guid.NewGuid(), Guid.NewGuid(), bodyId, true, new DateTimeOffset(2026, 6, 10, 18, 0, 0, TimeSpan.Zero));
        var hidden = new KnownDecision(Guid.NewGuid(), Guid.NewGuid(), bodyId, true, new DateTimeOffset(2026, 6, 3, 18, 0, 0, TimeSpan.Zero));
        Gateway.Get("/api/funding/decisions", new[] { shown, hidden });
        Gateway.Get("/api/meetings/decisions", new[]
        {
            new DecisionEntry(shown.Id, shown.MeetingId, bodyId, "Award the Crime Reduction Grant to the youth diversion project", true, "5", shown.RecordedAt, true, false, false),
        });
        Gateway.Get("/api/governance/open/bodies", new[] { new OpenBodySummary(bodyId, "Community Safety Working Group", BodyKind.WorkingGroup, MeetingCadence.Monthly, null) });
        return (shown, hidden);
    }

    [Fact]
    public async Task An_officer_awards_an_assessed_bid_citing_a_consensus_decision_chosen_from_the_register()
    {
        var bid = Bid(_stream.Id);
        Gateway.Serve(_stream, bid);
        var (shown, hidden) = Decisions(Guid.NewGuid());
        var award = Award(_stream.Id, bid.Id);
        Gateway.Created($"/api/funding/bids/{bid.Id}/award", award);
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/bids/{bid.Id}");

        var options = page.Document.QuerySelectorAll("#award-decision option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Equal([("", "Choose the decision"),
            (shown.Id.ToString(), "Award the Crime Reduction Grant to the youth diversion project (Community Safety Working Group, 10 June 2026 at 7pm (BST))"),
            (hidden.Id.ToString(), $"Decision of Community Safety Working Group, recorded 3 June 2026 at 7pm (BST) (reference {hidden.Id.ToString()[..8]})")], options);
        Assert.Equal("60000.00", page.Document.QuerySelector("#award-amount")!.GetAttribute("value"));
        Assert.Equal("/api/funding/decisions?consensus=true&limit=100", Gateway.Sent(HttpMethod.Get, "/api/funding/decisions").Last().PathAndQuery);

        var answer = await browser.Submit(page, "award", Fields(("Award.DecisionId", shown.Id.ToString()), ("Award.Amount", "55,000"),
            ("Award.Date.Day", "1"), ("Award.Date.Month", "6"), ("Award.Date.Year", "2026")));

        Assert.Equal($"/funding/awards/{award.Id}?done=awarded", answer.RedirectPath());
        Assert.Equal($$"""{"amount":55000,"decisionId":"{{shown.Id}}","awardDate":"2026-06-01"}""", SentTo($"/api/funding/bids/{bid.Id}/award").ToJsonString());
    }

    [Fact]
    public async Task An_award_without_a_decision_is_an_error_and_one_over_budget_is_refused_plainly_with_the_figures()
    {
        var bid = Bid(_stream.Id, requested: 50_000m);
        Gateway.Serve(_stream, bid);
        var (shown, _) = Decisions(Guid.NewGuid());
        var path = $"/api/funding/bids/{bid.Id}/award";
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);
        var page = await browser.Get($"/funding/bids/{bid.Id}");

        var invalid = await browser.Submit(page, "award", Fields(("Award.DecisionId", ""), ("Award.Amount", "45000"),
            ("Award.Date.Day", "31"), ("Award.Date.Month", "2"), ("Award.Date.Year", "2027")));
        Assert.Equal([("Choose the decision that approved the award", "award-decision"), ("The date of the award must be a real date", "award-date-day")], invalid.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, path));

        Gateway.Refuse(HttpMethod.Post, path, HttpStatusCode.Conflict, "over-budget", "An award of 45,000.00 exceeds the 40,000.00 available.",
            new { available = 40_000m, requested = 45_000m });
        var refused = await browser.Submit(page, "award", Fields(("Award.DecisionId", shown.Id.ToString()), ("Award.Amount", "45000"),
            ("Award.Date.Day", "1"), ("Award.Date.Month", "6"), ("Award.Date.Year", "2026")));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.StartsWith("Error: ", refused.Title);
        Assert.Contains("This award of £45,000.00 would exceed the stream's available budget of £40,000.00.", refused.ErrorSummary);
        // on the amount: the summary links to it, and the field says it too
        Assert.Equal("award-amount", Assert.Single(refused.Errors).Target);
        Assert.Contains("would exceed the stream's available budget of £40,000.00", refused.Document.QuerySelector("#award-amount-error")!.TextContent);
        Assert.True(refused.Document.QuerySelector($"#award-decision option[value='{shown.Id}']")!.HasAttribute("selected"), "the decision chosen stays chosen");
    }

    [Fact]
    public async Task An_officer_assesses_with_a_score_out_of_100_and_declines_citing_a_decision()
    {
        var bid = Bid(_stream.Id, status: BidStatus.Submitted);
        Gateway.Serve(_stream, bid);
        var (shown, _) = Decisions(Guid.NewGuid());
        Gateway.Answer(HttpMethod.Post, $"/api/funding/bids/{bid.Id}/assessment", bid);
        Gateway.Answer(HttpMethod.Post, $"/api/funding/bids/{bid.Id}/decline", bid);
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer, followRedirects: false);
        var page = await browser.Get($"/funding/bids/{bid.Id}");
        Assert.Null(page.Document.QuerySelector("form input[value='award']")); // only once assessed

        var invalid = await browser.Submit(page, "assess", Fields(("Assess.Score", "101"), ("Assess.Comments", "Good")));
        Assert.Equal([("The score must be a whole number from 0 to 100", "assess-score")], invalid.Errors);
        var assessed = await browser.Submit(page, "assess", Fields(("Assess.Score", "78"), ("Assess.Comments", "Strong evidence")));
        Assert.Equal($"/funding/bids/{bid.Id}?done=assessed", assessed.RedirectPath());
        Assert.Equal("""{"score":78,"comments":"Strong evidence"}""", SentTo($"/api/funding/bids/{bid.Id}/assessment").ToJsonString());

        var declined = await browser.Submit(page, "decline", Fields(("Decline.Reason", "Not a priority this year"), ("Decline.DecisionId", shown.Id.ToString())));
        Assert.Equal($"/funding/bids/{bid.Id}?done=declined", declined.RedirectPath());
        Assert.Equal($$"""{"reason":"Not a priority this year","decisionId":"{{shown.Id}}"}""", SentTo($"/api/funding/bids/{bid.Id}/decline").ToJsonString());
    }

    [Fact]
    public async Task A_finance_officer_reads_a_bid_without_its_forms()
    {
        var bid = Bid(_stream.Id);
        Gateway.Serve(_stream, bid);
        var browser = await Site.As(DemonstrationUsers.Persona.FinanceOfficer);

        var page = await browser.Get($"/funding/bids/{bid.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Scored 78 out of 100 by Fay Officer: Strong evidence", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/funding/decisions"));
    }

    [Fact]
    public async Task Another_organisations_bid_is_the_403_page_an_unknown_one_the_404_page_and_a_case_worker_may_not_see_bids()
    {
        var theirs = Guid.NewGuid();
        Gateway.Serve(_stream);
        Gateway.Refuse(HttpMethod.Get, $"/api/funding/bids/{theirs}", HttpStatusCode.Forbidden, "not-your-bid", "This bid belongs to another organisation.");
        var bidder = await Site.As(DemonstrationUsers.Persona.Bidder, Organisation);

        var forbidden = await bidder.Get($"/funding/bids/{theirs}");
        var unknown = await bidder.Get($"/funding/bids/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (forbidden.Status, forbidden.H1));
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
        var caseWorker = await Site.As(DemonstrationUsers.Persona.CaseWorker, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await caseWorker.Get("/funding/bids")).Status);
    }
}
