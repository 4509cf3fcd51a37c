using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Wolverine.Tracking;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>
/// Issue 13, point 6: Meetings knows whose terms of reference each drafted version is (Governance's
/// TermsOfReferenceVersionDrafted) and each body's parent, and refuses at once (409 terms-of-another-body) a decision
/// adopting the terms of a body that is neither the meeting's body nor one it is the parent of.
/// </summary>
public sealed class TermsOfAnotherBodyTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    private async Task<Guid> QuorateMeeting(SeededKindBody body)
    {
        var meeting = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
        await _secretary.RecordAttendance(meeting, new { membershipId = body.MembershipId, kind = "Present" });
        return meeting;
    }

    private async Task<Guid> Drafted(Guid bodyId)
    {
        var version = new TermsOfReferenceVersionDrafted(bodyId, Guid.NewGuid(), 2, DateTimeOffset.UtcNow);
        await fixture.Receive(version);
        return version.VersionId;
    }

    private Task<HttpResponseMessage> Adopt(Guid meeting, params Guid[] adopts) =>
        _secretary.RecordDecision(meeting, new { text = "Adopt the revised terms of reference (quorum 1)", consensusReached = true, adopts });

    [Fact]
    public async Task A_decision_adopting_another_bodys_terms_of_reference_is_refused_with_409_and_nothing_is_recorded_or_published()
    {
        var quorumOne = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var executive = await fixture.SeedBodyOf(BodyKind.Executive);
        var executiveTerms = await Drafted(executive.BodyId);
        var meeting = await QuorateMeeting(quorumOne);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await Adopt(meeting, Guid.NewGuid(), executiveTerms));
        var refused = await response.Problem(HttpStatusCode.Conflict, TermsOfReferenceAdoption.Rule);
        Assert.Equal((executiveTerms, executive.BodyId), (refused["versionId"]!.GetValue<Guid>(), refused["bodyId"]!.GetValue<Guid>()));
        Assert.Empty(tracked.Sent.MessagesOf<C.DecisionRecorded>());
        var record = await (await _secretary.GetMeeting(meeting)).Json(HttpStatusCode.OK);
        Assert.Empty(record["decisions"]!.AsArray());
        Assert.Empty((await (await _secretary.GetDecisions(meetingId: meeting)).Json(HttpStatusCode.OK)).AsArray());

        // the body's own terms, and documents Meetings does not know (Governance decides those), are adopted
        var own = await Drafted(quorumOne.BodyId);
        var unknown = Guid.NewGuid();
        tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await Adopt(meeting, own, unknown));
        await response.Json(HttpStatusCode.OK);
        Assert.Equal([own, unknown], tracked.Sent.SingleMessage<C.DecisionRecorded>().Adopts!);
    }

    [Fact]
    public async Task A_parent_bodys_decision_adopts_its_childs_terms_but_not_the_other_way_round()
    {
        var executive = await fixture.SeedBodyOf(BodyKind.Executive);
        var group = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var groupTerms = await Drafted(group.BodyId);
        var executiveTerms = await Drafted(executive.BodyId);
        var executiveMeeting = await QuorateMeeting(executive);
        var groupMeeting = await QuorateMeeting(group);

        await (await Adopt(executiveMeeting, groupTerms)).Problem(HttpStatusCode.Conflict, TermsOfReferenceAdoption.Rule);

        await fixture.Receive(new BodyParentChanged(group.BodyId, executive.BodyId, DateTimeOffset.UtcNow));
        Assert.Equal(executive.BodyId,
            (await (await _secretary.GetBody(group.BodyId)).Json(HttpStatusCode.OK))["body"]!["parentBodyId"]!.GetValue<Guid>());
        await (await Adopt(executiveMeeting, groupTerms)).Json(HttpStatusCode.OK);
        await (await Adopt(groupMeeting, executiveTerms)).Problem(HttpStatusCode.Conflict, TermsOfReferenceAdoption.Rule);

        // an older parent change heard late changes nothing; a newer one removing the parent ends the parent's say
        await fixture.Receive(new BodyParentChanged(group.BodyId, null, DateTimeOffset.UtcNow.AddHours(-1)));
        await (await Adopt(executiveMeeting, groupTerms)).Json(HttpStatusCode.OK);
        await fixture.Receive(new BodyParentChanged(group.BodyId, null, DateTimeOffset.UtcNow));
        await (await Adopt(executiveMeeting, groupTerms)).Problem(HttpStatusCode.Conflict, TermsOfReferenceAdoption.Rule);

        // a parent named at creation counts too
        var delivery = new BodyCreated(Guid.NewGuid(), "Delivery group", BodyKind.DeliveryGroup, MeetingCadence.Monthly, 1, DateTimeOffset.UtcNow,
            ParentBodyId: executive.BodyId);
        await fixture.Receive(delivery);
        await (await Adopt(executiveMeeting, await Drafted(delivery.BodyId))).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_adoption_rule_comes_after_who_may_record_and_which_meeting()
    {
        var group = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var other = await Drafted(Guid.NewGuid());
        var meeting = await QuorateMeeting(group);
        await (await fixture.ClerkOf(Guid.NewGuid()).RecordDecision(meeting,
            new { text = "Adopt", consensusReached = true, adopts = new[] { other } })).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        await (await Adopt(Guid.NewGuid(), other)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClerkOf(group.BodyId).RecordDecision(meeting,
            new { text = "Adopt", consensusReached = true, adopts = new[] { other } })).Problem(HttpStatusCode.Conflict, TermsOfReferenceAdoption.Rule);
    }
}
