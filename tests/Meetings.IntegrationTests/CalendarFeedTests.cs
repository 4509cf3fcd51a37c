using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class CalendarFeedTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);
    private readonly HttpClient _anonymous = fixture.Client();

    private static string Uid(Guid meetingId) => $"UID:{meetingId}@meetings.community-safety\r\n";

    /// <summary>The feed with its folded lines unfolded (RFC 5545 §3.1).</summary>
    private static async Task<string> Feed(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        return text.Replace("\r\n ", "");
    }

    /// <summary>The VEVENT of the meeting, as unfolded lines.</summary>
    private static string Event(string ics, Guid meetingId)
    {
        var uid = ics.IndexOf(Uid(meetingId), StringComparison.Ordinal);
        Assert.True(uid >= 0, $"no event for {meetingId} in:\n{ics}");
        var start = ics.LastIndexOf("BEGIN:VEVENT\r\n", uid, StringComparison.Ordinal);
        return ics[start..(ics.IndexOf("END:VEVENT\r\n", uid, StringComparison.Ordinal) + 12)];
    }

    [Fact]
    public async Task The_public_and_area_feeds_show_public_meetings_and_never_a_private_bodys()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var group = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var publicMeeting = await _secretary.ScheduleMeeting(nem.BodyId, 40, Area.North, "St Mary's Hall, Church Lane; Room 1");
        var privateMeeting = await _secretary.ScheduleMeeting(group.BodyId, 40, Area.North);

        var ics = await Feed(_anonymous, MeetingsRoutes.PublicCalendar);
        Assert.DoesNotContain(Uid(privateMeeting), ics);
        var e = Event(ics, publicMeeting);
        Assert.Contains($"URL:http://localhost/meetings/{publicMeeting}\r\n", e); // the meeting's page on the website
        Assert.Contains(@"LOCATION:St Mary's Hall\, Church Lane\; Room 1" + "\r\n", e);
        Assert.Contains("SEQUENCE:0\r\n", e);
        Assert.Contains("STATUS:CONFIRMED\r\n", e);
        Assert.Contains($"DTSTART:{DateTimeOffset.UtcNow.Date.AddDays(40):yyyyMMdd}T190000Z\r\n", e);
        Assert.Contains($"DTEND:{DateTimeOffset.UtcNow.Date.AddDays(40):yyyyMMdd}T210000Z\r\n", e);
        Assert.Matches(@"DTSTAMP:\d{8}T\d{6}Z\r\n", e);
        Assert.Matches(@"LAST-MODIFIED:\d{8}T\d{6}Z\r\n", e);
        Assert.Contains("SUMMARY:", e);

        var north = await Feed(_anonymous, MeetingsRoutes.AreaCalendar("North"));
        Event(north, publicMeeting);
        Assert.DoesNotContain(Uid(privateMeeting), north);
        Assert.DoesNotContain(Uid(publicMeeting), await Feed(_anonymous, MeetingsRoutes.AreaCalendar("South")));
        // the secretary sees every meeting elsewhere, but the public feeds stay public
        Assert.DoesNotContain(Uid(privateMeeting), await Feed(_secretary, MeetingsRoutes.PublicCalendar));

        await (await _anonymous.GetAreaCalendar("Middle")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAreaCalendar("2")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Rescheduling_and_cancelling_raise_the_SEQUENCE_and_a_cancelled_meeting_is_STATUS_CANCELLED()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meetingId = await _secretary.ScheduleMeeting(nem.BodyId, 40, Area.West);
        Assert.Equal(HttpStatusCode.OK, (await _secretary.RescheduleMeeting(meetingId,
            new { startsAt = PublicMeetingsSupport.DaysAhead(45), reason = "Hall double-booked" })).StatusCode);
        var rescheduled = Event(await Feed(_anonymous, MeetingsRoutes.BodyCalendar(nem.BodyId)), meetingId);
        Assert.Contains("SEQUENCE:1\r\n", rescheduled);
        Assert.Contains($"DTSTART:{DateTimeOffset.UtcNow.Date.AddDays(45):yyyyMMdd}T190000Z\r\n", rescheduled);

        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.CancelMeeting(meetingId, new { reason = "Storm warning, stay safe" })).StatusCode);
        foreach (var path in new[] { MeetingsRoutes.PublicCalendar, MeetingsRoutes.AreaCalendar("West"), MeetingsRoutes.BodyCalendar(nem.BodyId) })
        {
            var cancelled = Event(await Feed(_anonymous, path), meetingId);
            Assert.Contains("SEQUENCE:2\r\n", cancelled);
            Assert.Contains("STATUS:CANCELLED\r\n", cancelled);
            Assert.Contains(@"DESCRIPTION:Cancelled: Storm warning\, stay safe" + "\r\n", cancelled);
        }
    }

    [Fact]
    public async Task A_private_bodys_feed_is_for_its_managers_and_members_only()
    {
        var panel = await fixture.SeedBodyOf(BodyKind.AsbCasePanel);
        var other = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var meetingId = await _secretary.ScheduleMeeting(panel.BodyId, 5);
        var path = MeetingsRoutes.BodyCalendar(panel.BodyId);

        await (await _anonymous.GetAsync(path)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClerkOf(other.BodyId).GetAsync(path)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClientFor(other.OrganisationId, "governance-admin").GetAsync(path)).Problem(HttpStatusCode.NotFound, "not-found");

        Event(await Feed(_secretary, path), meetingId);
        Event(await Feed(fixture.ClerkOf(panel.BodyId), path), meetingId);
        Event(await Feed(fixture.ClientFor(panel.OrganisationId), path), meetingId);

        await (await _anonymous.GetBodyCalendar(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAsync("/api/meetings/calendar/bodies/not-a-guid.ics")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetBodyCalendar(Guid.Empty)).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_public_routes_are_in_the_OpenAPI_document_and_the_feeds_say_they_are_calendars()
    {
        var document = await (await _anonymous.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
                 {
                     "/api/meetings/calendar/public.ics", "/api/meetings/calendar/areas/{area}.ics", "/api/meetings/calendar/bodies/{bodyId}.ics",
                     "/api/meetings/meetings/{meetingId}/questions", "/api/meetings/questions/{questionId}", "/api/meetings/questions/{questionId}/moderation",
                     "/api/meetings/questions/{questionId}/answer", "/api/meetings/questions/{questionId}/outcome",
                     "/api/meetings/questions/{questionId}/outcome/publish", "/api/meetings/outcomes",
                 })
            Assert.True(paths.ContainsKey(path), $"{path} is not documented; documented: {string.Join(", ", paths.Select(p => p.Key))}");
        Assert.NotNull(paths["/api/meetings/calendar/public.ics"]!["get"]!["responses"]!["200"]!["content"]?["text/calendar; charset=utf-8"]
                       ?? paths["/api/meetings/calendar/public.ics"]!["get"]!["responses"]!["200"]!["content"]?["text/calendar"]);
    }
}
