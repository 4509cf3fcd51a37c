using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class PublicQuestionTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);
    private readonly HttpClient _anonymous = fixture.Client();

    private static object Observation(string? area = null, string? location = null, string text = "Cars speed past the school at home time") =>
        new { kind = "Observation", text, area, location, name = "Jo Resident", contact = "jo@example.org" };

    private Task<HttpResponseMessage> Submit(Guid meetingId, object body, HttpClient? client = null) =>
        (client ?? _anonymous).AskQuestion(meetingId, body);

    private async Task<JsonArray> Questions(Guid meetingId, HttpClient client) =>
        (await (await client.GetQuestions(meetingId)).Json(HttpStatusCode.OK)).AsArray();

    [Fact]
    public async Task A_resident_submits_without_signing_in_and_only_managers_see_names_and_contacts()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meetingId = await _secretary.ScheduleMeeting(nem.BodyId, 30, Area.North);

        var submitted = await Submit(meetingId, Observation("North", "Mill Lane, outside the primary school"));
        var questionId = await submitted.CreatedId();
        Assert.Equal(MeetingsRoutes.Question(questionId), submitted.Headers.Location?.OriginalString);
        var rejectedId = await (await Submit(meetingId, new { kind = "Question", text = "Why is my neighbour still here?" })).CreatedId();

        var all = await Questions(meetingId, _secretary);
        Assert.Equal(2, all.Count);
        var full = all.Single(q => q!["id"]!.GetValue<Guid>() == questionId)!;
        Assert.Equal(("Jo Resident", "jo@example.org", "Mill Lane, outside the primary school", "North", "Pending"),
            (full["name"]!.GetValue<string>(), full["contact"]!.GetValue<string>(), full["location"]!.GetValue<string>(),
                full["area"]!.GetValue<string>(), full["moderation"]!.GetValue<string>()));
        Assert.Empty(await Questions(meetingId, _anonymous));

        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.ModerateQuestion(questionId, new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.ModerateQuestion(rejectedId,
            new { accept = false, reason = "About a named private individual" })).StatusCode);

        foreach (var reader in new[] { _anonymous, fixture.Client("governance-admin") })
        {
            var visible = Assert.Single(await Questions(meetingId, reader))!.AsObject();
            Assert.Equal(questionId, visible["id"]!.GetValue<Guid>());
            Assert.Equal("Mill Lane, outside the primary school", visible["location"]!.GetValue<string>());
            Assert.False(visible.ContainsKey("name") || visible.ContainsKey("contact") || visible.ContainsKey("moderation"), visible.ToJsonString());
        }
        var one = (await (await _anonymous.GetQuestion(questionId)).Json(HttpStatusCode.OK)).AsObject();
        Assert.False(one.ContainsKey("name") || one.ContainsKey("contact"), one.ToJsonString());
        await (await _anonymous.GetQuestion(rejectedId)).Problem(HttpStatusCode.NotFound, "not-found");
        var managed = await (await _secretary.GetQuestion(rejectedId)).Json(HttpStatusCode.OK);
        Assert.Equal(("Rejected", "About a named private individual"), (managed["moderation"]!.GetValue<string>(), managed["rejectionReason"]!.GetValue<string>()));
        await (await _anonymous.GetQuestion(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_Open_Forum_refuses_area_specific_observations_and_points_to_the_areas_next_NEM()
    {
        var forum = await fixture.SeedBodyOf(BodyKind.OpenForum);
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var forumMeeting = await _secretary.ScheduleMeeting(forum.BodyId, 30);
        // East is the area under test here only: its NEMs are scheduled by this test alone
        var cancelled = await _secretary.ScheduleMeeting(nem.BodyId, 20, Area.East);
        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.CancelMeeting(cancelled, new { reason = "Hall unavailable" })).StatusCode);
        var next = await _secretary.ScheduleMeeting(nem.BodyId, 25, Area.East);
        await _secretary.ScheduleMeeting(nem.BodyId, 55, Area.East);

        var refused = await (await Submit(forumMeeting, Observation("East"))).Problem(HttpStatusCode.UnprocessableEntity, "area-specific-at-open-forum");
        Assert.Contains("Neighbourhood Engagement Meeting for the East area", refused["detail"]!.GetValue<string>());
        var pointer = refused["neighbourhoodMeeting"]!;
        Assert.Equal(next, pointer["id"]!.GetValue<Guid>());
        Assert.Equal(MeetingsRoutes.Meeting(next), pointer["url"]!.GetValue<string>());
        var meeting = await (await _anonymous.GetAsync(pointer["url"]!.GetValue<string>())).Json(HttpStatusCode.OK);
        Assert.Equal(meeting["startsAt"]!.GetValue<DateTimeOffset>(), pointer["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("East", refused["area"]!.GetValue<string>());

        // a street-level location alone is area-specific too; no area given, so no meeting to point to
        var located = await (await Submit(forumMeeting, Observation(location: "Station Road"))).Problem(HttpStatusCode.UnprocessableEntity,
            "area-specific-at-open-forum");
        Assert.Null(located["neighbourhoodMeeting"]);

        // the district-wide matter is welcome
        await (await Submit(forumMeeting, new { kind = "Question", text = "What is the partnership's budget for next year?" })).CreatedId();
    }

    [Fact]
    public async Task Submissions_answer_bad_input_unknown_private_cancelled_wrong_area_and_ended_meetings_with_problems()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meetingId = await _secretary.ScheduleMeeting(nem.BodyId, 30, Area.West);

        var invalid = await (await Submit(meetingId, new { kind = "Rant", text = "" })).Problem(HttpStatusCode.BadRequest);
        invalid = await (await Submit(meetingId, new { text = new string('x', 2001), name = new string('n', 101) })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["kind", "name", "text"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await Submit(meetingId, new { kind = "Question", text = "x", area = 9 })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _anonymous.PostRaw($"/api/meetings/meetings/{meetingId}/questions", "null")).Problem(HttpStatusCode.BadRequest);
        await (await _anonymous.PostRaw($"/api/meetings/meetings/{meetingId}/questions", "{\"kind\":")).Problem(HttpStatusCode.BadRequest);

        await (await Submit(Guid.NewGuid(), Observation())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Submit(Guid.Empty, Observation())).Problem(HttpStatusCode.NotFound, "not-found");

        var wrongArea = await (await Submit(meetingId, Observation("North"))).Problem(HttpStatusCode.UnprocessableEntity, "wrong-area");
        Assert.Equal("West", wrongArea["meetingArea"]!.GetValue<string>());

        // a private body's meeting does not exist for the public; its managers learn why it takes nothing
        var panel = await fixture.SeedBodyOf(BodyKind.AsbCasePanel);
        var privateMeeting = await _secretary.ScheduleMeeting(panel.BodyId, 3);
        await (await Submit(privateMeeting, Observation())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetQuestions(privateMeeting)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Submit(privateMeeting, Observation(), _secretary)).Problem(HttpStatusCode.UnprocessableEntity, "not-a-public-meeting");

        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.CancelMeeting(meetingId, new { reason = "Hall flooded" })).StatusCode);
        await (await Submit(meetingId, Observation())).Problem(HttpStatusCode.Conflict, "meeting-cancelled");

        var ended = await fixture.SeedMeetingUnderWay(nem.BodyId, Area.West);
        await using (var session = fixture.Store.LightweightSession())
        {
            // the meeting overran... and ended a minute ago
            session.Events.Append(ended, new MeetingRescheduled(ended, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddMinutes(-1),
                null, "Recorded as held", [], DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var closed = await (await Submit(ended, Observation())).Problem(HttpStatusCode.Conflict, "submissions-closed");
        Assert.NotNull(closed["endedAt"]);
    }

    [Fact]
    public async Task Managers_moderate_answer_and_publish_you_said_we_did_which_anybody_can_read()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var other = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var clerk = fixture.ClerkOf(nem.BodyId);
        var wrongClerk = fixture.ClerkOf(other.BodyId);
        var meetingId = await fixture.SeedMeetingUnderWay(nem.BodyId, Area.South);
        var questionId = await (await Submit(meetingId, Observation(location: "Bus shelter, Church Street"))).CreatedId();
        var url = MeetingsRoutes.Question(questionId);

        await (await clerk.PostJson($"{url}/answer", new { answer = "Patrols" })).Problem(HttpStatusCode.Conflict, "question-not-accepted");
        await (await clerk.PostJson($"{url}/outcome", new { youSaid = "a", weDid = "b" })).Problem(HttpStatusCode.Conflict, "question-not-accepted");
        await (await clerk.PostJson($"{url}/outcome/publish", null)).Problem(HttpStatusCode.Conflict, "outcome-not-recorded");

        // wrong clerk, anonymous, wrong role
        var forbidden = await (await wrongClerk.PostJson($"{url}/moderation", new { accept = true })).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(nem.BodyId, forbidden["bodyId"]!.GetValue<Guid>());
        await (await wrongClerk.PostJson($"{url}/outcome/publish", null)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostJson($"{url}/moderation", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("governance-admin").PostJson($"{url}/moderation", new { accept = true })).StatusCode);

        // bad input
        var invalid = await (await clerk.PostJson($"{url}/moderation", new { accept = false })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(invalid["errors"]!["reason"]);
        await (await clerk.PostJson($"{url}/moderation", new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await clerk.PostJson($"{url}/answer", new { answer = " " })).Problem(HttpStatusCode.BadRequest, "validation");
        invalid = await (await clerk.PostJson($"{url}/outcome", new { progress = 42 })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["progress", "weDid", "youSaid"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await clerk.PostRaw($"{url}/moderation", "null")).Problem(HttpStatusCode.BadRequest);

        // unknown ids
        await (await clerk.ModerateQuestion(Guid.NewGuid(), new { accept = true })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await clerk.AnswerQuestion(Guid.Empty, new { answer = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await clerk.PublishOutcome(Guid.NewGuid(), null)).Problem(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJson($"{url}/moderation", new { accept = true })).StatusCode);
        await (await clerk.PostJson($"{url}/moderation", new { accept = false, reason = "Changed my mind" })).Problem(HttpStatusCode.Conflict, "already-moderated");
        await (await clerk.PostJson($"{url}/outcome", new { youSaid = "a", weDid = "b" })).Problem(HttpStatusCode.Conflict, "question-not-answered");
        var answered = await clerk.PostJson($"{url}/answer", new { answer = "The police will patrol at school times." });
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal("\"3\"", answered.ETag());
        await (await clerk.PostJson($"{url}/answer", new { answer = "Again" })).Problem(HttpStatusCode.Conflict, "already-answered");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJson($"{url}/outcome",
            new { youSaid = "Young people gather at the bus shelter late at night", weDid = "Patrols twice a week; the youth service now opens on Fridays", progress = "InProgress" })).StatusCode);

        // not published yet: nobody sees it in the outcomes
        Assert.DoesNotContain(await Outcomes("South"), o => o!["questionId"]!.GetValue<Guid>() == questionId);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJson($"{url}/outcome/publish", null)).StatusCode);
        await (await clerk.PostJson($"{url}/outcome/publish", null)).Problem(HttpStatusCode.Conflict, "outcome-already-published");
        await (await clerk.PostJson($"{url}/outcome", new { youSaid = "a", weDid = "b" })).Problem(HttpStatusCode.Conflict, "outcome-already-published");

        var outcome = Assert.Single(await Outcomes("South"), o => o!["questionId"]!.GetValue<Guid>() == questionId)!;
        Assert.Equal(("Young people gather at the bus shelter late at night", "Patrols twice a week; the youth service now opens on Fridays", "InProgress",
                MeetingsRoutes.Meeting(meetingId), meetingId),
            (outcome["youSaid"]!.GetValue<string>(), outcome["weDid"]!.GetValue<string>(), outcome["progress"]!.GetValue<string>(),
                outcome["meetingUrl"]!.GetValue<string>(), outcome["meetingId"]!.GetValue<Guid>()));
        Assert.False(outcome.AsObject().ContainsKey("name") || outcome.AsObject().ContainsKey("contact"));
        Assert.DoesNotContain(await Outcomes("North"), o => o!["questionId"]!.GetValue<Guid>() == questionId);
        Assert.Contains(await Outcomes(null), o => o!["questionId"]!.GetValue<Guid>() == questionId);

        var view = await (await _anonymous.GetAsync(url)).Json(HttpStatusCode.OK);
        Assert.Equal("The police will patrol at school times.", view["answer"]!.GetValue<string>());
        Assert.Equal("InProgress", view["outcome"]!["progress"]!.GetValue<string>());

        await (await _anonymous.GetOutcomes(area: "Middle")).Problem(HttpStatusCode.BadRequest);
        await (await _anonymous.GetOutcomes(area: "7")).Problem(HttpStatusCode.BadRequest);
        await (await _anonymous.GetOutcomes(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_question_is_answered_at_or_after_its_meeting_not_before()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var meetingId = await _secretary.ScheduleMeeting(nem.BodyId, 30, Area.North);
        var questionId = await (await Submit(meetingId, new { kind = "Question", text = "When will the street lights be fixed?" })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.ModerateQuestion(questionId, new { accept = true })).StatusCode);
        var early = await (await _secretary.AnswerQuestion(questionId, new { answer = "Soon" }))
            .Problem(HttpStatusCode.Conflict, "meeting-not-yet-held");
        Assert.NotNull(early["meetingStartsAt"]);
    }

    private async Task<JsonArray> Outcomes(string? area) =>
        (await (await _anonymous.GetOutcomes(area: area)).Json(HttpStatusCode.OK)).AsArray();
}
