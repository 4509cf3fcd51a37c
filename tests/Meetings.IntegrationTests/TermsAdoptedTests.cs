using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>Terms of reference adopted in Governance (BodyTermsAdopted) set the cadence and quorum Meetings applies; elections change roles.</summary>
public sealed class TermsAdoptedTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    [Fact]
    public void Meetings_handles_adopted_terms_and_role_changes()
    {
        var runtime = (WolverineRuntime)fixture.Host.Services.GetRequiredService<IWolverineRuntime>();
        Assert.True(runtime.Handlers.CanHandle(typeof(BodyTermsAdopted)), "No handler for BodyTermsAdopted");
        Assert.True(runtime.Handlers.CanHandle(typeof(MemberRoleChanged)), "No handler for MemberRoleChanged");
    }

    [Fact]
    public async Task Adopted_terms_change_the_quorum_a_decision_needs_and_the_cadence_and_a_late_body_event_does_not_undo_them()
    {
        var body = await fixture.SeedBody(quorumMinimum: 4);
        var adoptedAt = DateTimeOffset.UtcNow;
        await fixture.Receive(new BodyTermsAdopted(body.BodyId, Guid.NewGuid(), 2, MeetingCadence.BiMonthly, 5, DecisionMaking.Consensus, Guid.NewGuid(), adoptedAt));

        var view = await (await _secretary.GetBody(body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal((5, "BiMonthly"), (view["body"]!["quorumMinimum"]!.GetValue<int>(), view["body"]!["cadence"]!.GetValue<string>()));

        // four responsible authorities present were quorate under the old terms; now five are needed
        var meeting = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
        foreach (var m in body.Members.Take(4))
            await _secretary.RecordAttendance(meeting, new { membershipId = m, kind = "Present" });
        var refused = await (await _secretary.RecordDecision(meeting, new { text = "Agree the plan", consensusReached = true }))
            .Problem(HttpStatusCode.Conflict, "quorum-not-met");
        Assert.Equal(5, refused["required"]!.GetValue<int>());
        await _secretary.RecordAttendance(meeting, new { membershipId = body.Members[4], kind = "Present" });
        await (await _secretary.RecordDecision(meeting, new { text = "Agree the plan", consensusReached = true }))
            .Json(HttpStatusCode.OK);

        // BodyCreated redelivered, and an older adoption heard late, change nothing
        await fixture.Receive(new BodyCreated(body.BodyId, "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, adoptedAt.AddDays(-30)));
        await fixture.Receive(new BodyTermsAdopted(body.BodyId, Guid.NewGuid(), 1, MeetingCadence.Monthly, 3, DecisionMaking.Majority, Guid.NewGuid(), adoptedAt.AddMinutes(-5)));
        view = await (await _secretary.GetBody(body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal((5, "BiMonthly"), (view["body"]!["quorumMinimum"]!.GetValue<int>(), view["body"]!["cadence"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_election_changes_the_members_roles()
    {
        var body = await fixture.SeedBody();
        var now = DateTimeOffset.UtcNow;
        await fixture.Receive(new MemberRoleChanged(body.BodyId, body.Members[1], MemberRole.Chair, now));
        // the appointment heard again does not undo the election
        await fixture.Receive(new MemberAppointed(body.BodyId, body.Members[1], Guid.NewGuid(), "Person 1", MemberRole.Member, now.AddDays(-1)));

        var view = await (await _secretary.GetBody(body.BodyId)).Json(HttpStatusCode.OK);
        var member = view["members"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == body.Members[1])!;
        Assert.Equal("Chair", member["role"]!.GetValue<string>());
    }
}
