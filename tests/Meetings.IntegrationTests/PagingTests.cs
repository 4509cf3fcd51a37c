using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>Every list of Meetings is paged (<c>limit</c>, <c>page</c>, <c>X-Total-Count</c>, <c>Link</c>); calendar feeds are bounded by a window.</summary>
public sealed class PagingTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    /// <summary>Every list route; <c>{body}</c> and <c>{meeting}</c> stand for a public body and its meeting.</summary>
    public static TheoryData<string> Lists =>
    [
        MeetingsRoutes.Meetings,
        "/api/meetings/meetings?bodyId={body}&area=North",
        "/api/meetings/meetings/{meeting}/questions",
        MeetingsRoutes.Outcomes,
        MeetingsRoutes.OutcomesOf(area: "East"),
        MeetingsRoutes.Decisions,
        "/api/meetings/decisions?meetingId={meeting}",
        "/api/meetings/bodies/{body}/actions",
        "/api/meetings/bodies/{body}/actions?status=Open",
    ];

    [Theory, MemberData(nameof(Lists))]
    public async Task Every_list_answers_its_total_and_links_and_refuses_a_limit_or_page_out_of_range(string route)
    {
        var body = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meeting = await _secretary.ScheduleMeeting(body.BodyId, 40, Area.North);
        await _secretary.AssertPagedList(route.Replace("{body}", body.BodyId.ToString()).Replace("{meeting}", meeting.ToString()));
    }

    [Fact]
    public async Task A_bodys_meetings_come_a_page_at_a_time_soonest_first_following_the_next_links()
    {
        var body = await fixture.SeedBody();
        var meetings = new List<Guid>();
        for (var days = 10; days <= 50; days += 10) meetings.Add(await _secretary.ScheduleMeeting(body.BodyId, days));
        var url = MeetingsRoutes.MeetingsOf(bodyId: body.BodyId, limit: 2);

        var first = await _secretary.GetAsync(url);
        Assert.Equal(meetings[..2], (await first.Json(HttpStatusCode.OK)).AsArray().Select(m => m!["id"]!.GetValue<Guid>()));
        Assert.Equal(5, first.TotalCount());
        Assert.Equal(MeetingsRoutes.MeetingsOf(bodyId: body.BodyId, limit: 2, page: 2), first.Links()["next"]);
        Assert.Equal(MeetingsRoutes.MeetingsOf(bodyId: body.BodyId, limit: 2, page: 3), first.Links()["last"]);
        var second = await _secretary.GetAsync(first.Links()["next"]);
        Assert.Equal(meetings[2..4], (await second.Json(HttpStatusCode.OK)).AsArray().Select(m => m!["id"]!.GetValue<Guid>()));
        Assert.Equal(meetings, (await _secretary.AllPages(url)).Select(m => m!["id"]!.GetValue<Guid>()));

        // without limit, 200 a page; the maximum stays 500
        var all = await _secretary.GetMeetings(bodyId: body.BodyId);
        Assert.Equal(5, (await all.Json(HttpStatusCode.OK)).AsArray().Count);
        Assert.EndsWith("limit=200&page=1", all.Links()["last"]);
        Assert.Equal(HttpStatusCode.OK, (await _secretary.GetMeetings(bodyId: body.BodyId, limit: 500)).StatusCode);
    }

    [Fact]
    public async Task A_meetings_questions_are_paged_for_its_managers_and_for_the_public()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meeting = await _secretary.ScheduleMeeting(nem.BodyId, 40, Area.East);
        var anonymous = fixture.Client();
        var questions = new List<Guid>();
        for (var i = 0; i < 3; i++)
            questions.Add(await (await anonymous.AskQuestion(meeting,
                new { kind = "Question", text = $"Question {i} about the bus station", area = "East", name = $"Resident {i}" })).CreatedId());
        foreach (var question in questions[..2])
            Assert.Equal(HttpStatusCode.NoContent,
                (await _secretary.ModerateQuestion(question, new { accept = true })).StatusCode);

        var managed = await _secretary.GetQuestions(meeting, limit: 2, page: 2);
        var last = Assert.Single((await managed.Json(HttpStatusCode.OK)).AsArray())!;
        Assert.Equal((questions[2], "Resident 2"), (last["id"]!.GetValue<Guid>(), last["name"]!.GetValue<string>()));
        Assert.Equal(3, managed.TotalCount());

        var shown = await anonymous.GetQuestions(meeting, limit: 1);
        Assert.Equal(questions[0], Assert.Single((await shown.Json(HttpStatusCode.OK)).AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal(2, shown.TotalCount()); // the accepted ones only
    }

    [Fact]
    public async Task A_calendar_feed_holds_the_meetings_of_its_window_up_to_its_cap()
    {
        var body = await fixture.SeedBody();
        var past = await _secretary.ScheduleMeeting(body.BodyId, -20);
        var recent = await _secretary.ScheduleMeeting(body.BodyId, -5);
        var ahead = new List<Guid>();
        for (var days = 10; days <= 30; days += 10) ahead.Add(await _secretary.ScheduleMeeting(body.BodyId, days));
        var feed = MeetingsRoutes.BodyCalendar(body.BodyId);
        static string Uid(Guid meeting) => $"UID:{meeting}@";

        var everything = await (await _secretary.GetAsync(feed)).Content.ReadAsStringAsync();
        Assert.All(ahead.Append(past).Append(recent), m => Assert.Contains(Uid(m), everything)); // the default window: a year back

        var options = fixture.Host.Services.GetRequiredService<MeetingsOptions>();
        var before = options.Calendar;
        options.Calendar = new CalendarOptions { PastDays = 10, MaxEvents = 3 };
        try
        {
            var windowed = await (await _secretary.GetAsync(feed)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Uid(past), windowed); // started more than 10 days ago
            Assert.Contains(Uid(recent), windowed);
            Assert.Contains(Uid(ahead[0]), windowed);
            Assert.Contains(Uid(ahead[1]), windowed);
            Assert.DoesNotContain(Uid(ahead[2]), windowed); // past the cap of 3
            Assert.Equal(3, windowed.Split("BEGIN:VEVENT").Length - 1);
        }
        finally
        {
            options.Calendar = before;
        }
    }
}
