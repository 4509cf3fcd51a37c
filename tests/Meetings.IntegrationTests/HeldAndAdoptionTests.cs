using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Wolverine.Tracking;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>What Meetings tells Governance besides decisions: that a meeting was held, and which documents a decision adopts.</summary>
public sealed class HeldAndAdoptionTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    [Fact]
    public async Task A_meeting_is_recorded_as_held_once_it_has_started_and_MeetingHeld_is_published()
    {
        var body = await fixture.SeedBody();
        var future = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddDays(3) })).CreatedId();
        await (await _secretary.MarkHeld(future, null)).Problem(HttpStatusCode.Conflict, "not-yet-started");
        await (await _secretary.MarkHeld(Guid.NewGuid(), null)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClerkOf(Guid.NewGuid()).MarkHeld(future, null)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");

        var past = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddHours(-2) })).CreatedId();
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _secretary.MarkHeld(past, null));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var held = tracked.Sent.SingleMessage<C.MeetingHeld>();
        Assert.Equal((past, body.BodyId, false), (held.MeetingId, held.BodyId, held.Public));
        await (await _secretary.MarkHeld(past, null)).Problem(HttpStatusCode.Conflict, "already-held");
    }

    [Fact]
    public async Task A_decision_names_the_documents_it_adopts_in_DecisionRecorded()
    {
        var body = await fixture.SeedBody();
        var meeting = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
        foreach (var m in body.Members.Take(4))
            await _secretary.RecordAttendance(meeting, new { membershipId = m, kind = "Present" });
        await (await _secretary.RecordDecision(meeting, new { text = "Adopt", consensusReached = true, adopts = new[] { Guid.Empty } }))
            .Problem(HttpStatusCode.BadRequest, "validation");

        var terms = Guid.NewGuid();
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _secretary.RecordDecision(meeting,
            new { text = "Adopt the revised terms of reference", consensusReached = true, adopts = new[] { terms, terms } }));
        await response.Json(HttpStatusCode.OK);
        Assert.Equal([terms], tracked.Sent.SingleMessage<C.DecisionRecorded>().Adopts!);
    }
}
