using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>Building an agenda: what it shows, its four forms, their errors GOV.UK's way and Meetings' refusals in plain English.</summary>
public sealed class ClerkAgendaTests : ClerkPageTests
{
    private readonly OpenBodySummary _county = new(Guid.NewGuid(), "Kent Community Safety Partnership", BodyKind.Executive, MeetingCadence.Quarterly, null);
    private readonly OpenBodySummary _forum = new(Guid.NewGuid(), "Open Forum", BodyKind.OpenForum, MeetingCadence.TwiceYearly, null);

    public ClerkAgendaTests(WebFactory site) : base(site) =>
        Gateway.Get("/api/governance/open/bodies", new[]
        {
            _forum, _county, new OpenBodySummary(Group.BodyId, "Community Safety Working Group", BodyKind.WorkingGroup, MeetingCadence.Monthly, _county.Id),
        });

    private string Items => $"/api/meetings/meetings/{Group.MeetingId}/agenda/items";

    private async Task<(Browser Browser, Page Page)> Open(Meeting? meeting = null, bool followRedirects = true)
    {
        Group.Serve(Gateway, meeting ?? Group.Meeting());
        var browser = await Site.AsClerkOf(Group.BodyId, followRedirects);
        return (browser, await browser.Get(Group.Path("agenda")));
    }

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    [Fact]
    public async Task The_agenda_shows_each_items_number_kind_exemption_papers_origin_the_actions_to_review_and_when_it_publishes_itself()
    {
        var escalated = new AgendaItem(Guid.NewGuid(), 7, "Knife crime in the town centre", AgendaItemKind.Escalated, false,
            new AgendaOrigin(Guid.NewGuid(), "Maidstone Community Safety Partnership", Guid.NewGuid(), Guid.NewGuid(), "Knife crime", null, null), []);
        var lighting = Group.Lighting with { Papers = [new Paper(Guid.NewGuid(), "Lighting survey", "https://example.org/survey.pdf", false)] };
        var review = Group.CaseReview with { Papers = [new Paper(Guid.NewGuid(), "Case notes", "https://example.org/case.pdf", true)] };
        var meeting = Group.Meeting(agenda: [.. Group.Agenda.Take(4), lighting, review, escalated]);
        var action = new ActionView(Guid.NewGuid(), Group.BodyId, Guid.NewGuid(), WorkingGroup.StartsAt.AddMonths(-1), null, "Survey the street lights",
            new ActionOwner(Group.Chris.Id, Group.Council.Id, "Chris Council"), new DateOnly(2027, 1, 5), ActionStatus.Open, true, [],
            WorkingGroup.StartsAt.AddMonths(-1), null, null);
        Group.Serve(Gateway, meeting, agenda: Group.AgendaOf(meeting, [action]));
        var browser = await Site.AsClerkOf(Group.BodyId);

        var page = await browser.Get(Group.Path("agenda"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Agenda", page.H1);
        Assert.Contains("It will publish itself on 5 January 2027 at 7pm (GMT), unless you publish it sooner", page.Text);
        var items = page.Document.QuerySelectorAll("main ol > li").Select(li => li.QuerySelector("h2")!.TextContent.Trim()).ToList();
        Assert.Equal(["1. Apologies for absence and substitutes", "2. Declarations of interest", "3. Minutes of the previous meeting",
            "4. Review of open actions", "5. Street lighting on the High Street", "6. Review of a case", "7. Knife crime in the town centre"], items);
        var six = page.Document.QuerySelector("#item-6")!.TextContent;
        Assert.Contains("Exempt", six);
        Assert.Contains("Case notes", six);
        Assert.Contains("Escalated from a meeting of Maidstone Community Safety Partnership (its item: Knife crime)", page.Document.QuerySelector("#item-7")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#item-5 a[href='https://example.org/survey.pdf']"));
        var four = page.Document.QuerySelector("#item-4")!.TextContent;
        Assert.Contains("Survey the street lights", four);
        Assert.Contains("Chris Council", four);
        Assert.Contains("Overdue", four);
        foreach (var form in new[] { "publish", "add-item", "attach-paper", "escalate" }) Assert.NotNull(page.Form(form));
        // the body that oversees this one first, never this body itself
        var bodies = page.Document.QuerySelectorAll("#escalate-body option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Choose a body", "Kent Community Safety Partnership (oversees this body)", "Open Forum"], bodies);
    }

    [Fact]
    public async Task An_item_without_a_title_is_shown_again_with_an_error_summary_linked_to_the_field()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "add-item", new Dictionary<string, string?> { ["Item.Title"] = " ", ["Item.Exempt"] = "no" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("Error: ", answer.Title);
        Assert.Equal([("Enter the title of the item", "item-title")], answer.Errors);
        Assert.NotNull(answer.Document.QuerySelector("#item-title.govuk-input--error"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task An_item_is_sent_as_meetings_takes_it_and_the_clerk_is_sent_back_to_the_agenda_saying_it_was_added()
    {
        var (browser, page) = await Open(followRedirects: false);
        var itemId = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, Items, new { itemId });

        var answer = await browser.Submit(page, "add-item", new Dictionary<string, string?> { ["Item.Title"] = " Youth diversion ", ["Item.Exempt"] = "yes" });

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"{Group.Path("agenda")}?done=item&item={itemId}", answer.RedirectPath());
        Assert.Equal("""{"title":"Youth diversion","exempt":true}""", SentTo(Items).ToJsonString());

        var added = new AgendaItem(itemId, 7, "Youth diversion", AgendaItemKind.Business, true, null, []);
        Group.Serve(Gateway, Group.Meeting(agenda: [.. Group.Agenda, added]));
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal("Item 7. Youth diversion added to the agenda", Banner(after));
        Assert.Equal("alert", after.Document.QuerySelector(".govuk-notification-banner")?.GetAttribute("role"));
    }

    [Fact]
    public async Task A_paper_needs_an_item_and_a_real_web_address()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "attach-paper", new Dictionary<string, string?>
        {
            ["Paper.ItemId"] = "", ["Paper.Title"] = "Lighting survey", ["Paper.Url"] = "survey.pdf", ["Paper.Exempt"] = "no",
        });

        Assert.Equal([("Select the item the paper is for", "paper-item"), ("Enter a web address in the correct format, like https://example.org/paper.pdf", "paper-url")],
            answer.Errors);
        Assert.Equal("survey.pdf", answer.Document.QuerySelector("#paper-url")?.GetAttribute("value"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_paper_is_attached_to_the_chosen_item()
    {
        var (browser, page) = await Open(followRedirects: false);
        var path = $"{Items}/{Group.Lighting.Id}/papers";
        Gateway.Answer(HttpMethod.Post, path, new { paperId = Guid.NewGuid() });

        var answer = await browser.Submit(page, "attach-paper", new Dictionary<string, string?>
        {
            ["Paper.ItemId"] = Group.Lighting.Id.ToString(), ["Paper.Title"] = "Lighting survey", ["Paper.Url"] = "https://example.org/survey.pdf",
            ["Paper.Exempt"] = "yes",
        });

        Assert.Equal("""{"title":"Lighting survey","url":"https://example.org/survey.pdf","exempt":true}""", SentTo(path).ToJsonString());
        Assert.Equal($"{Group.Path("agenda")}?done=paper&item={Group.Lighting.Id}", answer.RedirectPath());
    }

    [Fact]
    public async Task An_item_is_escalated_to_the_chosen_body_and_the_banner_says_to_which_meeting()
    {
        var (browser, page) = await Open();
        var path = $"{Items}/{Group.Lighting.Id}/escalate";
        var next = new DateTimeOffset(2027, 2, 3, 10, 0, 0, TimeSpan.Zero);
        Gateway.Answer(HttpMethod.Post, path, new { meetingId = Guid.NewGuid(), itemId = Guid.NewGuid(), startsAt = next });

        var answer = await browser.Submit(page, "escalate", new Dictionary<string, string?>
        {
            ["Escalation.ItemId"] = Group.Lighting.Id.ToString(), ["Escalation.ToBodyId"] = _county.Id.ToString(),
        });

        Assert.Equal($$"""{"toBodyId":"{{_county.Id}}"}""", SentTo(path).ToJsonString());
        Assert.Equal(Group.Path("agenda"), answer.Url.AbsolutePath);
        Assert.Equal("Item 5. Street lighting on the High Street escalated to Kent Community Safety Partnership's meeting on Wednesday 3 February 2027",
            Banner(answer));
    }

    [Fact]
    public async Task A_body_with_no_next_meeting_is_said_plainly_on_the_body_field()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, $"{Items}/{Group.Lighting.Id}/escalate", HttpStatusCode.Conflict, "no-next-meeting",
            $"Body '{_forum.Id}' has no scheduled meeting to escalate to: schedule one first.", new { toBodyId = _forum.Id });

        var answer = await browser.Submit(page, "escalate", new Dictionary<string, string?>
        {
            ["Escalation.ItemId"] = Group.Lighting.Id.ToString(), ["Escalation.ToBodyId"] = _forum.Id.ToString(),
        });

        Assert.Equal([("Open Forum has no meeting scheduled after this one. Ask its clerk to schedule one, then escalate the item", "escalate-body")], answer.Errors);
        Assert.DoesNotContain(_forum.Id.ToString(), answer.ErrorSummary);
        Assert.Null(answer.Document.QuerySelector(".govuk-notification-banner"));
    }

    [Fact]
    public async Task Publishing_names_the_version_the_clerk_saw_and_sends_them_back_to_the_agenda()
    {
        using var site = new IfMatchSeen(Site);
        Group.Serve(Gateway, Group.Meeting(version: 12));
        var browser = await site.Browser().SignIn(Gateway, "Clerk", "meetings-clerk", Group.BodyId);
        var page = await browser.Get(Group.Path("agenda"));
        var path = $"/api/meetings/meetings/{Group.MeetingId}/agenda/publish";
        Gateway.Answer(HttpMethod.Post, path, null, HttpStatusCode.NoContent);

        var answer = await browser.Submit(page, "publish", new Dictionary<string, string?>());

        Assert.Equal("\"12\"", Assert.Single(site.Sent, s => s.Method == HttpMethod.Post && s.Path == path).IfMatch);
        Assert.Null(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body);
        Assert.Equal($"{Group.Path("agenda")}?done=published", answer.Url.PathAndQuery);
        Assert.Equal("The agenda is published", Banner(answer));
    }

    [Fact]
    public async Task An_agenda_published_meanwhile_by_someone_else_says_when()
    {
        var (browser, page) = await Open();
        var publishedAt = new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero);
        Group.Serve(Gateway, Group.Meeting(agendaPublishedAt: publishedAt)); // the page as the post finds it: no publish form any more
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{Group.MeetingId}/agenda/publish", HttpStatusCode.Conflict, "agenda-already-published",
            "The agenda was published on 2027-01-05 09:00 UTC.", new { publishedAt });

        var answer = await browser.Submit(page, "publish", new Dictionary<string, string?>());

        Assert.Equal("There is a problem The agenda was already published on 5 January 2027 at 9am (GMT).", Squeezed(answer.ErrorSummary));
    }

    [Fact]
    public async Task An_agenda_changed_since_the_page_was_opened_is_not_published_and_the_clerk_is_told_to_check_it()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{Group.MeetingId}/agenda/publish", HttpStatusCode.PreconditionFailed, "stale-version",
            "If-Match named version 7 but the current version is 8. Read it again and retry.", new { currentVersion = 8 });

        var answer = await browser.Submit(page, "publish", new Dictionary<string, string?>());

        Assert.Contains("This meeting was changed by someone else after you opened the page", answer.ErrorSummary);
        Assert.DoesNotContain("If-Match", answer.ErrorSummary);
        Assert.NotNull(answer.Form("publish"));
    }

    [Fact]
    public async Task A_meeting_gone_meanwhile_is_said_plainly()
    {
        var (browser, page) = await Open();

        // nothing answers the write: Meetings' 404
        var answer = await browser.Submit(page, "add-item", new Dictionary<string, string?> { ["Item.Title"] = "Youth diversion", ["Item.Exempt"] = "no" });

        Assert.Equal("There is a problem This meeting could not be found. It may have been removed.", Squeezed(answer.ErrorSummary));
        Assert.Equal("Youth diversion", answer.Document.QuerySelector("#item-title")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_cancelled_meetings_agenda_cannot_be_changed()
    {
        var (_, page) = await Open(Group.Meeting(status: MeetingStatus.Cancelled));

        Assert.Contains("Its agenda cannot be changed", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
    }
}
