using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.BodyClerkData;

namespace CommunitySafety.WebTests;

/// <summary>A clerk's body page and the forms that plan, schedule, move and cancel its meetings.</summary>
public sealed class PlanningTests(WebFactory site) : ManagerPageTests(site)
{

    private BodyMembership GivenBody(BodyKind? kind = BodyKind.WorkingGroup, MeetingCadence? cadence = MeetingCadence.Quarterly)
    {
        var body = Body(BodyId, kind: kind, cadence: cadence);
        Gateway.Get($"/api/meetings/bodies/{BodyId}", body);
        Gateway.Get("/api/meetings/meetings", Array.Empty<MeetingSummary>());
        return body;
    }

    private MeetingSummary GivenMeeting(DateTimeOffset? startsAt = null, bool isPublic = false, Guid? bodyId = null)
    {
        var meeting = Data.Meeting(bodyId: bodyId ?? BodyId, startsAt: startsAt, isPublic: isPublic, title: "Community Safety Working Group",
            kind: BodyKind.WorkingGroup, area: null);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        return meeting;
    }

    private static Dictionary<string, string?> When(string prefix, string day, string month, string year, string time) => new()
    {
        [$"{prefix}.Day"] = day, [$"{prefix}.Month"] = month, [$"{prefix}.Year"] = year, [$"{prefix}.Time"] = time,
    };

    private static Dictionary<string, string?> With(Dictionary<string, string?> fields, params (string Name, string? Value)[] more)
    {
        foreach (var (name, value) in more) fields[name] = value;
        return fields;
    }

    private string SentBody(HttpMethod method, string path) => Assert.Single(Gateway.Sent(method, path)).Body!;

    [Fact]
    public async Task The_body_page_shows_the_body_its_meetings_with_their_flags_and_the_clerks_links()
    {
        GivenBody();
        var upcoming = Data.Meeting(bodyId: BodyId, title: "Working Group, spring", startsAt: DateTimeOffset.UtcNow.AddDays(20), area: null) with
        {
            Flags = ["meets-after:" + Guid.NewGuid() + ": this body should meet before Kent Community Safety Partnership, which meets on 2027-02-01 with no meeting of this body since its own previous meeting."],
        };
        var past = Data.Meeting(bodyId: BodyId, title: "Working Group, winter", startsAt: DateTimeOffset.UtcNow.AddDays(-20), area: null);
        Gateway.Get("/api/meetings/meetings", new[] { past, upcoming });
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/bodies/{BodyId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Community Safety Working Group", page.H1);
        Assert.Contains("every quarter", page.Text);
        Assert.Contains("Working group", page.Text);
        foreach (var link in new[] { $"/clerk/bodies/{BodyId}/series/new", $"/clerk/bodies/{BodyId}/meetings/new", $"/clerk/bodies/{BodyId}/actions",
                     $"/clerk/meetings/{upcoming.Id}", $"/clerk/meetings/{upcoming.Id}/move", $"/clerk/meetings/{upcoming.Id}/cancel",
                     $"/clerk/meetings/{past.Id}", $"/clerk/meetings/{past.Id}/minutes" })
            Assert.NotNull(page.Document.QuerySelector($"a[href='{link}']"));
        Assert.Null(page.Document.QuerySelector($"a[href='/clerk/meetings/{past.Id}/move']"));
        Assert.Contains("This body should meet before Kent Community Safety Partnership, which meets on 1 February 2027", page.Text);
        Assert.DoesNotContain("meets-after:", page.Text);
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/meetings/meetings"), r => r.PathAndQuery.Contains($"bodyId={BodyId}"));
    }

    [Fact]
    public async Task The_dashboard_links_the_bodies_the_clerk_runs()
    {
        GivenBody();
        var browser = await SignedInClerk();

        var page = await browser.Get("/dashboard");

        Assert.Equal("Community Safety Working Group", page.Document.QuerySelector($"a[href='/clerk/bodies/{BodyId}']")?.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/series/new")]
    [InlineData("/meetings/new")]
    [InlineData("/actions")]
    public async Task A_clerk_of_another_body_gets_the_403_page_and_nothing_is_asked_of_meetings(string page)
    {
        GivenBody();
        var browser = await ManagerSignIn.ClerkOf(Site, Guid.NewGuid());

        var shown = await browser.Get($"/clerk/bodies/{BodyId}{page}");

        Assert.Equal(HttpStatusCode.Forbidden, shown.Status);
        Assert.Equal("You cannot see this page", shown.H1);
        Assert.Empty(Gateway.Sent(HttpMethod.Get, $"/api/meetings/bodies/{BodyId}"));
    }

    [Theory]
    [InlineData("move")]
    [InlineData("cancel")]
    [InlineData("minutes")]
    [InlineData("questions")]
    public async Task A_meeting_of_another_body_is_the_403_page_and_an_unknown_one_the_404_page(string page)
    {
        var others = GivenMeeting(bodyId: Guid.NewGuid());
        var browser = await SignedInClerk();

        var forbidden = await browser.Get($"/clerk/meetings/{others.Id}/{page}");
        var unknown = await browser.Get($"/clerk/meetings/{Guid.NewGuid()}/{page}");

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (forbidden.Status, forbidden.H1));
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
    }

    [Fact]
    public async Task An_unknown_body_is_the_404_page_and_a_resident_is_asked_to_sign_in()
    {
        var browser = await ManagerSignIn.Secretary(Site);

        var unknown = await browser.Get($"/clerk/bodies/{BodyId}");
        var resident = await Site.BrowserNotFollowingRedirects().Get($"/clerk/bodies/{BodyId}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
        Assert.Equal(HttpStatusCode.Redirect, resident.Status);
        Assert.Equal("/sign-in", resident.Location?.AbsolutePath);
    }

    [Fact]
    public async Task An_impossible_date_is_an_error_linked_to_the_day_and_a_25_oclock_time_to_the_time()
    {
        GivenBody();
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/bodies/{BodyId}/series/new");

        var february31 = await browser.Submit(form, "plan-series", With(When("Form.First", "31", "2", $"{NextYear}", "7pm"),
            ("Form.Pattern", "WeekdayOfMonth"), ("Form.Duration", "120"), ("Form.Count", "4")));
        var hour25 = await browser.Submit(form, "plan-series", With(When("Form.First", "12", "1", $"{NextYear}", "25:00"),
            ("Form.Pattern", "WeekdayOfMonth"), ("Form.Duration", "two hours"), ("Form.Count", "40")));

        Assert.StartsWith("Error: ", february31.Title);
        Assert.Equal([("The date of the first meeting must be a real date", "first-day")], february31.Errors);
        Assert.Equal("31", february31.Document.QuerySelector("#first-day")?.GetAttribute("value"));
        Assert.Equal([
            ("The time of the first meeting must be a real time, like 7pm or 19:00", "first-time"),
            ("How long each meeting lasts must be a whole number of minutes, like 90", "duration"),
            ("The number of meetings must be a whole number from 1 to 24", "count"),
        ], hour25.Errors);
        Assert.NotNull(hour25.Document.QuerySelector("#first-time"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_series_is_planned_in_uk_summer_time_and_the_confirmation_lists_its_meetings_with_their_flags()
    {
        GivenBody(BodyKind.NeighbourhoodEngagement);
        var seriesId = Guid.NewGuid();
        var first = Data.Meeting(bodyId: BodyId, startsAt: new DateTimeOffset(SummerLocal, TimeSpan.FromHours(1)), title: "North NEM");
        var second = Data.Meeting(bodyId: BodyId, startsAt: first.StartsAt.AddMonths(3), title: "North NEM") with
        {
            Flags = ["meets-after:" + Guid.NewGuid() + ": this body should meet before Kent Community Safety Partnership, which meets on 2027-09-01 with no meeting of this body since its own previous meeting."],
        };
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/bodies/{BodyId}/series",
            new PlannedSeries(seriesId, MeetingCadence.Quarterly, [new(first.Id, first.StartsAt, first.EndsAt, []), new(second.Id, second.StartsAt, second.EndsAt, second.Flags)]),
            HttpStatusCode.Created);
        Gateway.Get($"/api/meetings/series/{seriesId}", new SeriesView(seriesId, BodyId, MeetingCadence.Quarterly, SeriesPattern.WeekdayOfMonth, SummerLocal,
            "Europe/London", 90, "Village Hall", Area.North, [first.Id, second.Id]));
        Gateway.Get("/api/meetings/meetings", new[] { first, second, Data.Meeting(bodyId: BodyId, startsAt: first.StartsAt.AddDays(1)) });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/bodies/{BodyId}/series/new");
        Assert.Equal("4", form.Document.QuerySelector("#count")?.GetAttribute("value"));

        var page = await browser.Submit(form, "plan-series", With(When("Form.First", "15", "6", $"{NextYear}", "6:30pm"),
            ("Form.Pattern", "WeekdayOfMonth"), ("Form.Duration", "90"), ("Form.Location", " Village Hall "), ("Form.Area", "North"), ("Form.Count", "2")));

        Assert.Equal(
            $$"""{"firstStartsAt":"{{NextYear}}-06-15T18:30:00","timeZone":"Europe/London","pattern":"WeekdayOfMonth","count":2,"durationMinutes":90,"location":"Village Hall","area":"North"}""",
            SentBody(HttpMethod.Post, $"/api/meetings/bodies/{BodyId}/series"));
        Assert.Equal($"/clerk/bodies/{BodyId}/series/{seriesId}", page.Url.AbsolutePath);
        Assert.Equal("Meetings planned", page.H1);
        Assert.Equal(2, page.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("6:30pm to 8pm (UK time, BST)", page.Text);
        Assert.Contains("which meets on 1 September 2027", page.Text);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/clerk/meetings/{second.Id}']"));
    }

    [Fact]
    public async Task Too_short_notice_and_a_missing_area_are_said_plainly_on_their_fields()
    {
        GivenBody(BodyKind.NeighbourhoodEngagement);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/bodies/{BodyId}/series/new");
        var fields = With(When("Form.First", "12", "1", $"{NextYear}", "19:00"), ("Form.Pattern", "DayOfMonth"), ("Form.Duration", "120"), ("Form.Count", "4"));

        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/bodies/{BodyId}/series", HttpStatusCode.UnprocessableEntity, "too-short-notice",
            "A public meeting is advertised at least 14 days ahead.", new { advertiseDays = 14, earliestStart = new DateTimeOffset(WinterLocal.AddDays(2), TimeSpan.Zero) });
        var tooSoon = await browser.Submit(form, "plan-series", fields);
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/bodies/{BodyId}/series", HttpStatusCode.UnprocessableEntity, "area-required",
            "A Neighbourhood Engagement Meeting is for one area: give 'area'.");
        var noArea = await browser.Submit(form, "plan-series", fields);

        var (message, target) = Assert.Single(tooSoon.Errors);
        Assert.Equal("first-day", target);
        Assert.Equal($"A public meeting must be advertised at least 14 days ahead, so the date is too soon. It can start from 14 January {NextYear} at 7pm (GMT) onwards.", message);
        Assert.Equal([("Select the area: a Neighbourhood Engagement Meeting is for one area", "area")], noArea.Errors);
        Assert.DoesNotContain("urn:csp", noArea.Text);
    }

    [Fact]
    public async Task A_body_that_meets_when_needed_is_offered_single_meetings_instead_of_a_series()
    {
        GivenBody(cadence: MeetingCadence.AdHoc);
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/bodies/{BodyId}/series/new");

        Assert.Contains("meets when needed, so it has no series", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("form[method=post] input[name='Form.First.Day']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/clerk/bodies/{BodyId}/meetings/new']"));
    }

    [Fact]
    public async Task A_meeting_is_scheduled_in_uk_winter_time_and_the_body_page_says_so()
    {
        GivenBody();
        Gateway.Answer(HttpMethod.Post, "/api/meetings/meetings", new ScheduledMeeting(Guid.NewGuid(), []), HttpStatusCode.Created);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/bodies/{BodyId}/meetings/new");

        var page = await browser.Submit(form, "schedule-meeting", With(When("Form.Starts", "12", "1", $"{NextYear}", "7pm"),
            ("Form.Duration", "90"), ("Form.Title", ""), ("Form.Location", "Civic Centre")));

        Assert.Equal(
            $$"""{"bodyId":"{{BodyId}}","startsAt":"{{NextYear}}-01-12T19:00:00+00:00","endsAt":"{{NextYear}}-01-12T20:30:00+00:00","location":"Civic Centre"}""",
            SentBody(HttpMethod.Post, "/api/meetings/meetings"));
        Assert.Equal($"/clerk/bodies/{BodyId}?done=scheduled", page.Url.PathAndQuery);
        Assert.Contains("The meeting is scheduled", page.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task A_neighbourhood_meeting_without_its_area_is_refused_in_plain_english()
    {
        GivenBody(BodyKind.NeighbourhoodEngagement, MeetingCadence.Quarterly);
        Gateway.Refuse(HttpMethod.Post, "/api/meetings/meetings", HttpStatusCode.UnprocessableEntity, "area-required",
            "A Neighbourhood Engagement Meeting is for one area: give 'area' (North, East, South or West).");
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/bodies/{BodyId}/meetings/new");
        Assert.Equal(4, form.Document.QuerySelectorAll("input[name='Form.Area']").Length);

        var page = await browser.Submit(form, "schedule-meeting", With(When("Form.Starts", "12", "1", $"{NextYear}", "7pm"), ("Form.Duration", "120")));

        Assert.Equal([("Select the area: a Neighbourhood Engagement Meeting is for one area", "area")], page.Errors);
        Assert.Equal("12", page.Document.QuerySelector("#starts-day")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Moving_a_meeting_needs_a_reason_and_a_real_time()
    {
        var meeting = GivenMeeting();
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/move");
        Assert.Equal(meeting.Location, form.Document.QuerySelector("#location")?.GetAttribute("value"));

        var page = await browser.Submit(form, "move-meeting", With(When("Form.Starts", "15", "6", $"{NextYear}", "25:00"), ("Form.Reason", " ")));

        Assert.Equal([("The new time must be a real time, like 7pm or 19:00", "starts-time"), ("Enter why the meeting is moving", "reason")], page.Errors);
        Assert.Contains("reason-error", page.Document.QuerySelector("#reason")?.GetAttribute("aria-describedby"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_meeting_moved_into_summer_is_sent_with_the_bst_offset_and_the_body_page_says_so()
    {
        GivenBody();
        var meeting = GivenMeeting();
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/reschedule", new { flags = Array.Empty<string>() });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/move");

        var page = await browser.Submit(form, "move-meeting", With(When("Form.Starts", "15", "6", $"{NextYear}", "18:30"),
            ("Form.Location", "Village Hall"), ("Form.Reason", "The chamber is being refurbished")));

        Assert.Equal($$"""{"startsAt":"{{NextYear}}-06-15T18:30:00+01:00","location":"Village Hall","reason":"The chamber is being refurbished"}""",
            SentBody(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/reschedule"));
        Assert.Equal($"/clerk/bodies/{BodyId}?done=moved", page.Url.PathAndQuery);
        Assert.Contains("The meeting is moved", page.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task A_public_meeting_moved_too_soon_is_refused_on_the_date()
    {
        var meeting = GivenMeeting(isPublic: true);
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/reschedule", HttpStatusCode.UnprocessableEntity, "too-short-notice",
            "A public meeting is advertised at least 14 days ahead.", new { advertiseDays = 14 });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/move");

        var page = await browser.Submit(form, "move-meeting", With(When("Form.Starts", "12", "1", $"{NextYear}", "7pm"), ("Form.Reason", "Clash")));

        Assert.Equal([("A public meeting must be advertised at least 14 days ahead, so the date is too soon.", "starts-day")], page.Errors);
    }

    [Fact]
    public async Task Cancelling_warns_that_subscribers_are_told_needs_a_reason_and_sends_it()
    {
        GivenBody();
        var meeting = GivenMeeting(isPublic: true);
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/cancel", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/meetings/{meeting.Id}/cancel");
        Assert.Contains("Residents and members who subscribe to the calendar are told", form.Document.QuerySelector(".govuk-warning-text")?.TextContent);

        var missing = await browser.Submit(form, "cancel-meeting", new Dictionary<string, string?> { ["Form.Reason"] = "" });
        var page = await browser.Submit(form, "cancel-meeting", new Dictionary<string, string?> { ["Form.Reason"] = "The hall is flooded" });

        Assert.Equal([("Enter why the meeting is cancelled", "reason")], missing.Errors);
        Assert.Equal("""{"reason":"The hall is flooded"}""", SentBody(HttpMethod.Post, $"/api/meetings/meetings/{meeting.Id}/cancel"));
        Assert.Equal($"/clerk/bodies/{BodyId}?done=cancelled", page.Url.PathAndQuery);
        Assert.Contains("The meeting is cancelled", page.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }
}
