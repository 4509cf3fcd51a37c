using System.Net;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The clerk's overview of a meeting, and who may see any of the clerk's meeting pages.</summary>
public sealed class ClerkMeetingTests(WebFactory site) : ClerkPageTests(site)
{
    public static TheoryData<string> ClerkPages => ["", "agenda", "day"];

    [Fact]
    public async Task The_overview_says_when_and_where_and_links_every_part_of_running_the_meeting()
    {
        Group.Serve(Gateway, Group.Meeting(agendaPublishedAt: new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        var browser = await Site.AsClerkOf(Group.BodyId);

        var page = await browser.Get(Group.Path());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Community Safety Working Group", page.H1);
        Assert.Contains("Tuesday 12 January 2027, 7pm to 9pm (UK time, GMT)", page.Text);
        Assert.Contains("Council Chamber, Maidstone", page.Text);
        Assert.Contains("Published on 5 January 2027 at 9am (GMT)", page.Text);
        var back = page.Document.QuerySelector("a.govuk-back-link")!;
        Assert.Equal(($"/clerk/bodies/{Group.BodyId}", "Back to Community Safety Working Group"), (back.GetAttribute("href"), back.TextContent.Trim()));
        foreach (var part in new[] { "agenda", "day", "minutes", "move", "cancel" })
            Assert.NotNull(page.Document.QuerySelector($"a[href='{Group.Path(part.Length == 0 ? null : part)}']"));
        Assert.Null(page.Document.QuerySelector($"a[href='{Group.Path("questions")}']")); // a private meeting takes no residents' questions
        // read as the clerk: the site forwards their token
        Assert.All(Gateway.Sent(HttpMethod.Get, "/api/meetings"), r => Assert.StartsWith("Bearer ey", r.Authorization));
    }

    [Fact]
    public async Task A_cancelled_meeting_says_why_and_offers_neither_to_move_nor_to_cancel_it()
    {
        Group.Serve(Gateway, Group.Meeting(status: Web.Api.MeetingStatus.Cancelled));
        var browser = await Site.AsClerkOf(Group.BodyId);

        var page = await browser.Get(Group.Path());

        Assert.Contains("This meeting has been cancelled: The chair is ill", page.Text);
        Assert.Null(page.Document.QuerySelector($"a[href='{Group.Path("move")}']"));
        Assert.Null(page.Document.QuerySelector($"a[href='{Group.Path("cancel")}']"));
    }

    [Theory]
    [MemberData(nameof(ClerkPages))]
    public async Task A_clerk_of_another_body_gets_the_403_page(string part)
    {
        Group.Serve(Gateway, Group.Meeting());
        var browser = await Site.AsClerkOf(Guid.NewGuid());

        var page = await browser.Get(Group.Path(part.Length == 0 ? null : part));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("You cannot see this page", page.H1);
        Assert.DoesNotContain("Council Chamber", page.Text);
    }

    [Theory]
    [MemberData(nameof(ClerkPages))]
    public async Task An_unknown_meeting_is_the_404_page(string part)
    {
        var browser = await Site.AsClerkOf(Group.BodyId);

        var page = await browser.Get(Group.Path(part.Length == 0 ? null : part));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.H1);
        // Meetings said so (the page exists; the meeting does not)
        Assert.Single(Gateway.Sent(HttpMethod.Get, $"/api/meetings/meetings/{Group.MeetingId}"));
    }

    [Theory]
    [MemberData(nameof(ClerkPages))]
    public async Task The_secretary_runs_every_bodys_meetings(string part)
    {
        Group.Serve(Gateway, Group.Meeting(attendance: Group.QuorateAttendance), Group.Quorum(Group.Police, Group.Council, Group.Fire, Group.Health));
        var browser = await Site.AsSecretary();

        var page = await browser.Get(Group.Path(part.Length == 0 ? null : part));

        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task Signed_out_the_pages_ask_to_sign_in()
    {
        var page = await Site.BrowserNotFollowingRedirects().Get(Group.Path("day"));

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.StartsWith("/sign-in", page.RedirectPath());
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/meetings"));
    }
}
