using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Wolverine.Tracking;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class MeetingTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    private async Task<Guid> Schedule(Guid bodyId) =>
        await (await _secretary.ScheduleMeeting(
            new { bodyId, startsAt = "2026-12-01T10:00:00+00:00", location = "Maidstone" })).CreatedId();

    private Task<HttpResponseMessage> Attend(Guid meetingId, Guid membershipId, string kind = "Present", Guid? substituteId = null,
        string? ifMatch = null) =>
        _secretary.RecordAttendance(meetingId, new { membershipId, kind, substituteId }, ifMatch);

    private Task<HttpResponseMessage> Decide(Guid meetingId) =>
        _secretary.RecordDecision(meetingId,
            new { text = "Allocate the Crime Reduction Grant to the youth diversion project", consensusReached = true, agendaReference = "4.2" });

    [Fact]
    public async Task A_decision_needs_a_quorum_and_a_named_substitute_completes_it()
    {
        var body = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId);
        foreach (var m in new[] { body.Members[0], body.Members[1], body.Members[2], body.CooperatingBodyMember })
            Assert.Equal(HttpStatusCode.NoContent, (await Attend(meetingId, m)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Attend(meetingId, body.Members[3], "Apologies")).StatusCode);

        var refused = await (await Decide(meetingId)).Problem(HttpStatusCode.Conflict, "quorum-not-met");
        Assert.Equal(4, refused["required"]!.GetValue<int>());
        Assert.Equal(3, refused["represented"]!.GetValue<int>());
        var quorum = await (await _secretary.GetQuorum(meetingId)).Json(HttpStatusCode.OK);
        Assert.False(quorum["isQuorate"]!.GetValue<bool>());

        // the named deputy attends for member 3, replacing the apologies
        Assert.Equal(HttpStatusCode.NoContent, (await Attend(meetingId, body.Members[3], "Substitute", body.SubstituteForMember3)).StatusCode);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await Decide(meetingId));
        var decisionId = (await response.Json(HttpStatusCode.OK))["decisionId"]!.GetValue<Guid>();

        var published = tracked.Sent.SingleMessage<C.DecisionRecorded>();
        Assert.Equal((decisionId, meetingId, body.BodyId, true, "4.2"),
            (published.DecisionId, published.MeetingId, published.BodyId, published.ConsensusReached, published.AgendaReference));
        Assert.Equal(4, published.AuthoritiesRepresented.Count);

        var register = await (await _secretary.GetDecisions(bodyId: body.BodyId)).Json(HttpStatusCode.OK);
        var entry = Assert.Single(register.AsArray())!;
        Assert.Equal(decisionId, entry["id"]!.GetValue<Guid>());
        Assert.Equal(meetingId, entry["meetingId"]!.GetValue<Guid>());
        var one = await (await _secretary.GetDecision(decisionId)).Json(HttpStatusCode.OK);
        Assert.Equal("Allocate the Crime Reduction Grant to the youth diversion project", one["text"]!.GetValue<string>());

        var meeting = await (await _secretary.GetMeeting(meetingId)).Json(HttpStatusCode.OK);
        Assert.Equal(decisionId, Assert.Single(meeting["decisions"]!.AsArray())!.GetValue<Guid>());
        Assert.Equal(5, meeting["attendance"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_custom_minimum_is_respected()
    {
        var body = await fixture.SeedBody(quorumMinimum: 2);
        var meetingId = await Schedule(body.BodyId);
        await Attend(meetingId, body.Members[0]);
        await (await Decide(meetingId)).Problem(HttpStatusCode.Conflict, "quorum-not-met");
        await Attend(meetingId, body.Members[1]);
        await (await Decide(meetingId)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Scheduling_answers_bad_input_with_problems()
    {
        await (await _secretary.ScheduleMeeting(new { bodyId = Guid.NewGuid(), startsAt = "2026-12-01T10:00:00Z" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "body-not-known");
        var invalid = await (await _secretary.ScheduleMeeting(new { title = new string('x', 201) }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["bodyId", "startsAt", "title"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await _secretary.PostRaw("/api/meetings/meetings", "{\"bodyId\":")).Problem(HttpStatusCode.BadRequest);
        await (await _secretary.PostRaw("/api/meetings/meetings", "{\"bodyId\":\"not-a-guid\"}")).Problem(HttpStatusCode.BadRequest);
        await (await _secretary.PostRaw("/api/meetings/meetings", "null")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Writes_need_a_token_with_the_secretary_role()
    {
        var body = new { bodyId = Guid.NewGuid(), startsAt = "2026-12-01T10:00:00Z" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().ScheduleMeeting(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("governance-admin").ScheduleMeeting(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetQuorum(Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task Attendance_answers_bad_input_and_stale_versions_with_problems()
    {
        var body = await fixture.SeedBody();
        var other = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId);

        await (await Attend(Guid.NewGuid(), body.Members[0])).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Attend(Guid.Empty, body.Members[0])).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Attend(meetingId, other.Members[0])).Problem(HttpStatusCode.UnprocessableEntity, "not-a-member");
        await (await Attend(meetingId, body.Members[0], "Substitute", body.SubstituteForMember3))
            .Problem(HttpStatusCode.UnprocessableEntity, "not-a-named-substitute");
        var invalid = await (await Attend(meetingId, body.Members[3], "Substitute")).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(invalid["errors"]!["substituteId"]);
        await (await Attend(meetingId, Guid.Empty, "Sleeping")).Problem(HttpStatusCode.BadRequest);

        // a new meeting's stream holds its scheduling, its four standard agenda items and (the meeting being inside its
        // publication window) the agenda's publication, all in the one write
        var first = await Attend(meetingId, body.Members[0], ifMatch: "\"6\"");
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("\"7\"", first.ETag());
        var stale = await (await Attend(meetingId, body.Members[1], ifMatch: "\"6\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(7, stale["currentVersion"]!.GetValue<int>());
        await (await Attend(meetingId, body.Members[1], ifMatch: "yesterday")).Problem(HttpStatusCode.BadRequest);

        await fixture.Receive(new CommunitySafety.Contracts.Governance.MembershipEnded(body.BodyId, body.Members[4], DateTimeOffset.UtcNow));
        await (await Attend(meetingId, body.Members[4])).Problem(HttpStatusCode.UnprocessableEntity, "membership-ended");
    }

    [Fact]
    public async Task Decisions_answer_bad_input_with_problems()
    {
        var body = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId);
        var invalid = await (await _secretary.RecordDecision(meetingId, new { text = "" }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["consensusReached", "text"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await _secretary.RecordDecision(Guid.NewGuid(),
            new { text = "x", consensusReached = true })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.RecordDecision(meetingId,
            new { text = new string('x', 4001), consensusReached = true })).Problem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Reads_answer_unknown_ids_and_bad_queries_with_problems()
    {
        await (await _secretary.GetMeeting(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.GetQuorum(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.GetDecision(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.GetDecisions(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.GetAsync("/api/meetings/decisions?limit=many")).Problem(HttpStatusCode.BadRequest);

        var body = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId);
        var list = await (await _secretary.GetMeetings(bodyId: body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal(meetingId, Assert.Single(list.AsArray())!["id"]!.GetValue<Guid>());
        var one = await _secretary.GetMeeting(meetingId);
        Assert.Equal("\"6\"", one.ETag()); // scheduled, four standard items, the agenda published (already due)
    }
}
