using System.Net;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.BodyClerkData;

namespace CommunitySafety.WebTests;

/// <summary>Drafting minutes, approving the previous meeting's at this one, publishing approved ones.</summary>
public sealed class MinutesClerkTests(WebFactory site) : ManagerPageTests(site)
{
    private readonly AgendaItem _lighting = Item(5, "Street lighting");
    private readonly AgendaItem _case = Item(6, "A named family's case", exempt: true);

    /// <summary>This meeting, with its minutes as they stand, and the body's previous meeting before it.</summary>
    private Meeting GivenMeeting(MinutesStatus minutes = MinutesStatus.Draft, MinutesStatus previousMinutes = MinutesStatus.Draft)
    {
        var meeting = Meeting(BodyId, minutes: minutes, agenda: [Item(1, "Apologies", kind: AgendaItemKind.Apologies), _lighting, _case],
            sections: [new MinuteSection(_lighting.Id, "The council will replace the lights.", false)]);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}/minutes", Minutes(meeting, new MinutesPassage("The chair thanked the hosts.", false)));
        var previous = Data.Meeting(bodyId: BodyId, startsAt: meeting.StartsAt.AddMonths(-3), title: meeting.Title) with { MinutesStatus = previousMinutes };
        Gateway.Get("/api/meetings/meetings", new[] { previous });
        return meeting;
    }

    [Fact]
    public async Task The_page_shows_a_passage_per_agenda_item_the_minutes_as_they_stand_and_explains_approval_needs_a_quorum()
    {
        var meeting = GivenMeeting();
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        Assert.Equal("Minutes", page.H1);
        var labels = page.Document.QuerySelectorAll("form label.govuk-label--s").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["1. Apologies", "5. Street lighting", "6. A named family's case", "General"], labels);
        Assert.Equal("The council will replace the lights.", page.Document.QuerySelector("#section-1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#section-2-exempt[checked]"));
        Assert.Null(page.Document.QuerySelector("#section-1-exempt[checked]"));
        Assert.Contains("The chair thanked the hosts.", page.Text);
        Assert.Contains("recorded as a decision of this meeting", page.Text);
        Assert.Contains("must be quorate", page.Text);
        page.Form("approve-previous");
        Assert.Contains("Once the body's next meeting approves them", page.Text);
    }

    [Fact]
    public async Task A_draft_is_sent_a_passage_per_item_written_with_its_exemption_and_the_page_says_it_is_saved()
    {
        var meeting = GivenMeeting();
        Gateway.Answer(HttpMethod.Put, $"/api/meetings/meetings/{meeting.Id}/minutes", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        var page = await browser.Submit(form, "draft-minutes", new Dictionary<string, string?>
        {
            ["Draft.Sections[0].Text"] = "", ["Draft.Sections[1].Text"] = " New lights by March. ", ["Draft.Sections[2].Text"] = "Agreed a plan for the family.",
            ["Draft.Sections[2].Exempt"] = "true", ["Draft.Sections[3].Text"] = "Next meeting in spring.",
        });

        Assert.Equal(
            $$"""{"sections":[{"itemId":"{{_lighting.Id}}","text":"New lights by March.","exempt":false},{"itemId":"{{_case.Id}}","text":"Agreed a plan for the family.","exempt":true},{"text":"Next meeting in spring.","exempt":false}]}""",
            Assert.Single(Gateway.Sent(HttpMethod.Put, "/api/meetings")).Body);
        Assert.Equal($"/clerk/meetings/{meeting.Id}/minutes?done=drafted", page.Url.PathAndQuery);
        Assert.Contains("The draft minutes are saved", page.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task An_empty_draft_is_an_error_linked_to_the_first_passage()
    {
        var meeting = GivenMeeting();
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        var page = await browser.Submit(form, "draft-minutes", new Dictionary<string, string?>
        {
            ["Draft.Sections[0].Text"] = "", ["Draft.Sections[1].Text"] = " ", ["Draft.Sections[2].Text"] = "", ["Draft.Sections[3].Text"] = "",
        });

        Assert.Equal([("Enter the minutes of at least one item", "section-0")], page.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Put, "/api/meetings"));
    }

    [Fact]
    public async Task Minutes_approved_meanwhile_are_said_plainly()
    {
        var meeting = GivenMeeting();
        Gateway.Refuse(HttpMethod.Put, $"/api/meetings/meetings/{meeting.Id}/minutes", HttpStatusCode.Conflict, "minutes-approved",
            "The minutes were approved as a correct record and can no longer be redrafted.", new { minutesStatus = "Approved" });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        var page = await browser.Submit(form, "draft-minutes", new Dictionary<string, string?> { ["Draft.Sections[1].Text"] = "New lights." });

        Assert.Contains("These minutes are approved as a correct record, so they can no longer be changed.", page.ErrorSummary);
        Assert.Equal("New lights.", page.Document.QuerySelector("#section-1")?.TextContent);
    }

    [Fact]
    public async Task Approving_the_previous_minutes_in_a_meeting_without_a_quorum_is_refused_plainly()
    {
        var meeting = GivenMeeting();
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/minutes/approve-previous", HttpStatusCode.Conflict, "quorum-not-met",
            "The meeting is not quorate: 2 responsible authorities represented, at least 3 needed.", new { required = 3, represented = 2 });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        var page = await browser.Submit(form, "approve-previous", new Dictionary<string, string?>());

        Assert.StartsWith("Error: ", page.Title);
        Assert.Contains("This meeting is not quorate: 2 responsible authorities are represented and at least 3 are needed. Record who is present", page.ErrorSummary);
    }

    [Fact]
    public async Task The_previous_minutes_approved_bring_the_page_back_saying_so()
    {
        var meeting = GivenMeeting();
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/minutes/approve-previous",
            new ApprovedPreviousMinutes(Guid.NewGuid(), Guid.NewGuid(), "2027-01-12/3.1"));
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");

        var page = await browser.Submit(form, "approve-previous", new Dictionary<string, string?>());

        Assert.Null(Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/meetings")).Body);
        Assert.Contains("The previous meeting's minutes are approved", page.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task Approved_minutes_are_published_and_unapproved_ones_refused_plainly()
    {
        var meeting = GivenMeeting(MinutesStatus.Approved);
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/minutes/publish", HttpStatusCode.Conflict, "minutes-not-approved",
            "Only minutes approved as a correct record at the body's next meeting are published.", new { minutesStatus = "Draft" });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/minutes");
        Assert.Empty(form.Document.QuerySelectorAll("#section-0"));

        var refused = await browser.Submit(form, "publish-minutes", new Dictionary<string, string?>());
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/minutes/publish", null, HttpStatusCode.NoContent);
        var published = await browser.Submit(form, "publish-minutes", new Dictionary<string, string?>());

        Assert.Contains("These minutes cannot be published yet: the body's next meeting must first approve them as a correct record.", refused.ErrorSummary);
        Assert.Equal($"/clerk/meetings/{meeting.Id}/minutes?done=published", published.Url.PathAndQuery);
        Assert.Contains("The minutes are published", published.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }
}
