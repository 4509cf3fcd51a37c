using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>A resident's question: the form without JavaScript, its errors GOV.UK's way, and the service's refusals in plain English.</summary>
public sealed class AskTests(WebFactory site) : SiteTests(site)
{
    private MeetingSummary Neighbourhood()
    {
        var meeting = Data.Meeting();
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        return meeting;
    }

    private MeetingSummary OpenForum()
    {
        var meeting = Data.Meeting(title: "Open Forum", area: null, kind: BodyKind.OpenForum);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        return meeting;
    }

    [Fact]
    public async Task A_neighbourhood_meeting_asks_for_a_street_and_the_open_forum_for_an_area()
    {
        var nem = await Site.Browser().Get($"/meetings/{Neighbourhood().Id}/ask");
        Assert.NotNull(nem.Document.QuerySelector("input[name='Form.Location']"));
        Assert.Null(nem.Document.QuerySelector("input[name='Form.Area']"));

        var forum = await Site.Browser().Get($"/meetings/{OpenForum().Id}/ask");
        Assert.Null(forum.Document.QuerySelector("input[name='Form.Location']"));
        Assert.Equal(5, forum.Document.QuerySelectorAll("input[name='Form.Area']").Length);
        Assert.Contains("Neighbourhood Engagement Meeting", forum.Text);
    }

    [Fact]
    public async Task An_empty_form_is_shown_again_with_an_error_summary_linked_to_each_field()
    {
        var meeting = Neighbourhood();
        var browser = Site.Browser();
        var form = await browser.Get($"/meetings/{meeting.Id}/ask");

        var page = await browser.Submit(form, "ask", new Dictionary<string, string?> { ["Form.Text"] = "  " });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal([("Select whether you want to ask a question or raise an issue", "kind"), ("Enter your question or issue", "text")], page.Errors);
        Assert.NotNull(page.Document.QuerySelector("#kind"));
        // the links go to the fields of this page, not (as a bare #id would under <base href="/">) to the home page
        Assert.All(page.Document.QuerySelectorAll(".govuk-error-summary__list a"),
            a => Assert.StartsWith($"/meetings/{meeting.Id}/ask#", a.GetAttribute("href")));
        Assert.Equal("text-error", page.Document.QuerySelector("#text")?.GetAttribute("aria-describedby")?.Split(' ').Single(d => d.EndsWith("-error", StringComparison.Ordinal)));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_question_is_sent_with_the_meetings_area_and_the_resident_sees_the_confirmation()
    {
        var meeting = Neighbourhood();
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/questions", new { id = Guid.NewGuid() }, HttpStatusCode.Created);
        var browser = Site.Browser();
        var form = await browser.Get($"/meetings/{meeting.Id}/ask");

        var page = await browser.Submit(form, "ask", new Dictionary<string, string?>
        {
            ["Form.Kind"] = "Question", ["Form.Text"] = "When will the broken street light be fixed?", ["Form.Location"] = "Mill Lane",
            ["Form.Name"] = "", ["Form.Contact"] = "resident@example.org",
        });

        Assert.Equal("Your question has been sent", page.H1);
        Assert.EndsWith($"/meetings/{meeting.Id}/ask/sent", page.Url.AbsolutePath);
        var sent = JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/meetings")).Body!)!;
        Assert.Equal(("Question", "North", "Mill Lane", "resident@example.org"),
            (sent["kind"]!.GetValue<string>(), sent["area"]!.GetValue<string>(), sent["location"]!.GetValue<string>(), sent["contact"]!.GetValue<string>()));
        Assert.Null(sent["name"]);
    }

    [Fact]
    public async Task The_open_forum_turns_an_area_matter_away_with_a_link_to_that_areas_meeting()
    {
        var forum = OpenForum();
        var nem = Guid.NewGuid();
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{forum.Id}/questions", HttpStatusCode.UnprocessableEntity, "area-specific-at-open-forum",
            "The Open Forum does not take area-specific observations.",
            new { neighbourhoodMeeting = new { id = nem, url = $"/api/meetings/meetings/{nem}", startsAt = Data.Winter } });
        var browser = Site.Browser();
        var form = await browser.Get($"/meetings/{forum.Id}/ask");

        var page = await browser.Submit(form, "ask", new Dictionary<string, string?>
        {
            ["Form.Kind"] = "Observation", ["Form.Text"] = "Cars race down Mill Lane at night", ["Form.Area"] = "North",
        });

        var (message, target) = Assert.Single(page.Errors);
        Assert.Equal("area", target);
        Assert.Contains("North Neighbourhood Engagement Meeting on Tuesday 12 January 2027", message);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/meetings/{nem}/ask']"));
        Assert.Equal("Cars race down Mill Lane at night", page.Document.QuerySelector("#text")?.TextContent);
    }

    [Fact]
    public async Task Too_many_questions_in_an_hour_is_said_plainly()
    {
        var meeting = Neighbourhood();
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/questions", HttpStatusCode.TooManyRequests, "rate-limited", "A client may submit 10 questions an hour.");
        var browser = Site.Browser();
        var form = await browser.Get($"/meetings/{meeting.Id}/ask");

        var page = await browser.Submit(form, "ask", new Dictionary<string, string?> { ["Form.Kind"] = "Question", ["Form.Text"] = "Why?" });

        Assert.Contains("Wait an hour and try again", page.ErrorSummary);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var meeting = Neighbourhood();
        var response = await Site.Browser().Http.PostAsync($"/meetings/{meeting.Id}/ask",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "ask", ["Form.Kind"] = "Question", ["Form.Text"] = "Hello" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }
}
