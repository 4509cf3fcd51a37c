using System.Net;
using CommunitySafety.Meetings.Actions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class ActionTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    private async Task<Guid> Schedule(Guid bodyId, string startsAt) =>
        await (await _secretary.ScheduleMeeting(new { bodyId, startsAt, location = "Maidstone" })).CreatedId();

    private Task<HttpResponseMessage> Raise(Guid meetingId, object body, HttpClient? client = null) =>
        (client ?? _secretary).AgreeAction(meetingId, body);

    private async Task<Meeting> Load(Guid meetingId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<Meeting>(meetingId, TestContext.Current.CancellationToken))!;
    }

    private async Task<IReadOnlyList<ActionView>> Review(Guid meetingId, DateOnly today)
    {
        await using var session = fixture.Store.QuerySession();
        return await ActionReview.ForMeeting(session, await Load(meetingId), TestContext.Current.CancellationToken, today);
    }

    private async Task<Guid> OrganisationOf(Guid membershipId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<MemberRef>(membershipId, TestContext.Current.CancellationToken))!.OrganisationId;
    }

    [Fact]
    public async Task An_action_raised_at_one_meeting_is_reviewed_at_the_next_ones_until_it_is_done()
    {
        var body = await fixture.SeedBody();
        var first = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var second = await Schedule(body.BodyId, "2027-03-02T10:00:00+00:00");
        var third = await Schedule(body.BodyId, "2027-06-01T10:00:00+01:00");
        var actionId = await (await Raise(first, new
        {
            text = "Map anti-social behaviour hotspots in the town centre", ownerMembershipId = body.Members[0], dueOn = "2026-12-15",
            itemId = Meeting.StandardItemId(first, AgendaItemKind.ActionsReview),
        })).CreatedId();
        var byOrganisation = await (await Raise(second, new
        {
            text = "Share the licensing data", ownerOrganisationId = await OrganisationOf(body.Members[1]), dueOn = "2027-04-01",
        })).CreatedId();

        Assert.Empty(await Review(first, new DateOnly(2026, 12, 1)));
        var atSecond = Assert.Single(await Review(second, new DateOnly(2027, 3, 2)));
        Assert.Equal((actionId, ActionStatus.Open, true, "Person 0"), (atSecond.Id, atSecond.Status, atSecond.Overdue, atSecond.Owner.Name));

        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.RecordProgress(actionId, new { note = "Data requested from the council" })).StatusCode);
        var atThird = await Review(third, new DateOnly(2027, 6, 1));
        Assert.Equal(new[] { actionId, byOrganisation }.Order(), atThird.Select(a => a.Id).Order());
        Assert.Equal(ActionStatus.InProgress, atThird.Single(a => a.Id == actionId).Status);

        // reported done at the second meeting: it leaves every review
        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.CompleteAction(actionId, new { note = "Presented", meetingId = second })).StatusCode);
        Assert.Empty(await Review(second, new DateOnly(2027, 3, 2)));
        Assert.Equal([byOrganisation], (await Review(third, new DateOnly(2027, 6, 1))).Select(a => a.Id));

        var one = await (await _secretary.GetAction(actionId)).Json(HttpStatusCode.OK);
        Assert.Equal(("Done", second, 2), (one["status"]!.GetValue<string>(), one["completedAtMeetingId"]!.GetValue<Guid>(), one["notes"]!.AsArray().Count));

        var done = await (await _secretary.GetBodyActions(body.BodyId, status: "Done")).Json(HttpStatusCode.OK);
        Assert.Equal(actionId, Assert.Single(done.AsArray())!["id"]!.GetValue<Guid>());
        var open = await (await _secretary.GetBodyActions(body.BodyId, status: "open")).Json(HttpStatusCode.OK);
        Assert.Equal(byOrganisation, Assert.Single(open.AsArray())!["id"]!.GetValue<Guid>());
        var all = await (await _secretary.GetBodyActions(body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal(2, all.AsArray().Count);

        // a member's organisation sees the log; the clerk of the body manages it
        var member = fixture.ClientFor(await OrganisationOf(body.Members[2]));
        Assert.Equal(2, (await (await member.GetBodyActions(body.BodyId)).Json(HttpStatusCode.OK)).AsArray().Count);
        await (await member.GetAction(actionId)).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent,
            (await fixture.ClerkOf(body.BodyId).DropAction(byOrganisation, new { reason = "Data already public" })).StatusCode);
        Assert.Empty(await Review(third, new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public async Task Raising_answers_bad_input_unknown_meetings_other_clerks_and_broken_rules_with_problems()
    {
        var body = await fixture.SeedBody();
        var other = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var owner = body.Members[0];

        var invalid = await (await Raise(meetingId, new { text = "", ownerMembershipId = owner, ownerOrganisationId = Guid.NewGuid() }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["dueOn", "owner", "text"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await Raise(meetingId, new { text = "x", dueOn = "2027-01-01" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await Raise(meetingId, new { text = "x", ownerMembershipId = owner, dueOn = "soon" })).Problem(HttpStatusCode.BadRequest);
        await (await _secretary.PostRaw($"/api/meetings/meetings/{meetingId}/actions", "null")).Problem(HttpStatusCode.BadRequest);

        var valid = new { text = "x", ownerMembershipId = owner, dueOn = "2027-01-01" };
        await (await Raise(Guid.NewGuid(), valid)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Raise(Guid.Empty, valid)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Raise(meetingId, valid, fixture.ClerkOf(other.BodyId))).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Raise(meetingId, valid, fixture.Client())).StatusCode);
        await (await Raise(meetingId, new { text = "x", ownerMembershipId = other.Members[0], dueOn = "2027-01-01" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "owner-not-a-member");
        await (await Raise(meetingId, new { text = "x", ownerOrganisationId = Guid.NewGuid(), dueOn = "2027-01-01" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-known");
        await (await Raise(meetingId, new { text = "x", ownerMembershipId = owner, dueOn = "2027-01-01", itemId = Guid.NewGuid() }))
            .Problem(HttpStatusCode.UnprocessableEntity, "item-not-on-agenda");
        await (await Raise(meetingId, new { text = "x", ownerMembershipId = owner, dueOn = "2026-11-30" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "due-before-meeting");
        await (await Raise(meetingId, valid, fixture.ClerkOf(body.BodyId))).CreatedId();
    }

    [Fact]
    public async Task Changing_an_action_answers_bad_input_unknown_ids_other_clerks_and_closed_actions_with_problems()
    {
        var body = await fixture.SeedBody();
        var other = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var otherMeeting = await Schedule(other.BodyId, "2027-03-01T10:00:00+00:00");
        var actionId = await (await Raise(meetingId, new { text = "Audit CCTV coverage", ownerMembershipId = body.Members[1], dueOn = "2027-01-31" }))
            .CreatedId();
        var stranger = fixture.ClerkOf(other.BodyId);

        await (await _secretary.RecordProgress(actionId, new { note = " " })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.DropAction(actionId, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.CompleteAction(actionId, new { meetingId = Guid.Empty }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.PostRaw($"/api/meetings/actions/{actionId}/complete", "null")).Problem(HttpStatusCode.BadRequest);

        foreach (var (verb, payload) in new (string, object)[] { ("progress", new { note = "n" }), ("complete", new { }), ("drop", new { reason = "r" }) })
        {
            await (await _secretary.PostJson($"{MeetingsRoutes.Action(Guid.NewGuid())}/{verb}", payload)).Problem(HttpStatusCode.NotFound, "not-found");
            await (await stranger.PostJson($"{MeetingsRoutes.Action(actionId)}/{verb}", payload)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        }
        await (await _secretary.CompleteAction(actionId, new { meetingId = otherMeeting }))
            .Problem(HttpStatusCode.UnprocessableEntity, "meeting-not-of-body");

        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.DropAction(actionId, new { reason = "Covered by the county review" })).StatusCode);
        foreach (var (verb, payload) in new (string, object)[] { ("progress", new { note = "n" }), ("complete", new { }), ("drop", new { reason = "r" }) })
        {
            var closed = await (await _secretary.PostJson($"{MeetingsRoutes.Action(actionId)}/{verb}", payload)).Problem(HttpStatusCode.Conflict, "action-closed");
            Assert.Equal("Dropped", closed["actionStatus"]!.GetValue<string>());
        }
        var dropped = await (await _secretary.GetAction(actionId)).Json(HttpStatusCode.OK);
        Assert.Equal(("Dropped", "Covered by the county review"), (dropped["status"]!.GetValue<string>(), dropped["dropReason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reading_actions_answers_unknown_ids_strangers_and_bad_filters_with_problems()
    {
        var body = await fixture.SeedBody();
        var other = await fixture.SeedBody();
        var meetingId = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var actionId = await (await Raise(meetingId, new { text = "Audit CCTV coverage", ownerMembershipId = body.Members[1], dueOn = "2027-01-31" }))
            .CreatedId();
        var otherMember = fixture.ClientFor(await OrganisationOf(other.Members[0]));

        await (await _secretary.GetAction(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClerkOf(other.BodyId).GetAction(actionId)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await otherMember.GetAction(actionId)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAction(actionId)).StatusCode);

        await (await _secretary.GetBodyActions(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClerkOf(other.BodyId).GetBodyActions(body.BodyId)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await otherMember.GetBodyActions(body.BodyId)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetBodyActions(body.BodyId)).StatusCode);
        var invalid = await (await _secretary.GetBodyActions(body.BodyId, status: "Finished"))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(invalid["errors"]!["status"]);
        await (await _secretary.GetBodyActions(body.BodyId, status: "2")).Problem(HttpStatusCode.BadRequest, "validation");
        var clerk = await (await fixture.ClerkOf(body.BodyId).GetBodyActions(body.BodyId, status: "Open")).Json(HttpStatusCode.OK);
        Assert.Equal(actionId, Assert.Single(clerk.AsArray())!["id"]!.GetValue<Guid>());
    }
}
