using System.Net;
using System.Text.Json;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Wolverine.Tracking;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>
/// Issue 13, point 1: decisions of a confidential body (the ASB case panel, or a body Governance marked so) and under an
/// exempt item leave Meetings without their text, and the decision register shows them only to the body's managers and
/// members; a private body's decisions likewise, as its meetings.
/// </summary>
public sealed class ConfidentialDecisionTests(MeetingsFixture fixture)
{
    private const string Marker = "CPW to Jo Markerperson-Mtg, 12 Markerfield Street";
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    /// <summary>A meeting of the body its one member attends (quorum 1), with an exempt item; public bodies' meetings 30 days ahead.</summary>
    private async Task<(Guid Meeting, Guid ExemptItem)> QuorateMeeting(SeededKindBody body)
    {
        var meeting = body.Kind is BodyKind.NeighbourhoodEngagement or BodyKind.OpenForum
            ? await _secretary.ScheduleMeeting(body.BodyId, 30, body.Kind == BodyKind.NeighbourhoodEngagement ? Area.East : null)
            : await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.RecordAttendance(meeting, new { membershipId = body.MembershipId, kind = "Present" })).StatusCode);
        var item = (await (await _secretary.AddAgendaItem(meeting, new { title = "A named household", exempt = true }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        return (meeting, item);
    }

    private async Task<(Guid DecisionId, C.DecisionRecorded Published)> Decide(Guid meeting, string text, Guid? itemId = null)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _secretary.RecordDecision(meeting,
            new { text, consensusReached = true, agendaReference = "Case 2026/117 Markerperson", itemId }));
        var decisionId = (await response.Json(HttpStatusCode.OK))["decisionId"]!.GetValue<Guid>();
        var published = tracked.Sent.SingleMessage<C.DecisionRecorded>();
        Assert.Equal(decisionId, published.DecisionId);
        return (decisionId, published);
    }

    private static void AssertWithheld(C.DecisionRecorded published, bool confidential, bool exempt)
    {
        Assert.Null(published.Text);
        Assert.Null(published.AgendaReference);
        Assert.Equal((confidential, exempt), (published.BodyConfidential, published.ItemExempt));
        Assert.DoesNotContain("Marker", JsonSerializer.Serialize(published));
    }

    private async Task<IReadOnlyList<Guid>> Register(HttpClient client, string query)
    {
        var list = await (await client.GetAsync($"/api/meetings/decisions?{query}")).Json(HttpStatusCode.OK);
        return [.. list.AsArray().Select(d => d!["id"]!.GetValue<Guid>())];
    }

    /// <summary>Asserts what each kind of caller finds of a decision in the register: managers and members see it with its text.</summary>
    private async Task AssertSeenOnlyByManagersAndMembers(SeededKindBody body, Guid decisionId, string text)
    {
        var insiders = new[]
        {
            _secretary, fixture.ClerkOf(body.BodyId), fixture.ClientFor(body.OrganisationId),
        };
        foreach (var insider in insiders)
        {
            var one = await (await insider.GetDecision(decisionId)).Json(HttpStatusCode.OK);
            Assert.Equal(text, one["text"]!.GetValue<string>());
            Assert.Contains(decisionId, await Register(insider, $"bodyId={body.BodyId}"));
        }
        var outsiders = new[]
        {
            fixture.ClientFor(Guid.NewGuid()), fixture.Client("governance-admin"), fixture.ClerkOf(Guid.NewGuid()),
            fixture.ClientFor(Guid.NewGuid(), "funding-officer"),
        };
        foreach (var outsider in outsiders)
        {
            await (await outsider.GetDecision(decisionId)).Problem(HttpStatusCode.NotFound, "not-found");
            Assert.DoesNotContain(decisionId, await Register(outsider, $"bodyId={body.BodyId}"));
            Assert.DoesNotContain(decisionId, await Register(outsider, "limit=500"));
            var raw = await (await outsider.GetDecisions(limit: 500)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(text, raw);
        }
        // the register answers anonymous callers too (a public meeting's decisions are public): not this one
        await (await fixture.Client().GetDecision(decisionId)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(decisionId, await Register(fixture.Client(), "limit=500"));
    }

    [Fact]
    public async Task An_ASB_case_panel_decision_leaves_Meetings_without_its_text_and_only_the_panels_managers_and_members_read_it()
    {
        var panel = await fixture.SeedBodyOf(BodyKind.AsbCasePanel);
        var (meeting, _) = await QuorateMeeting(panel);

        var (decisionId, published) = await Decide(meeting, Marker);

        AssertWithheld(published, confidential: true, exempt: false);
        Assert.Equal((meeting, panel.BodyId, true), (published.MeetingId, published.BodyId, published.ConsensusReached));
        await AssertSeenOnlyByManagersAndMembers(panel, decisionId, Marker);
        var entry = await (await _secretary.GetDecision(decisionId)).Json(HttpStatusCode.OK);
        Assert.Equal((false, true, false), (entry["public"]!.GetValue<bool>(), entry["confidential"]!.GetValue<bool>(), entry["exempt"]!.GetValue<bool>()));
        Assert.Equal("Case 2026/117 Markerperson", entry["agendaReference"]!.GetValue<string>()); // kept in Meetings

        // so is the approval of its minutes, a decision of the panel too
        var next = await (await _secretary.ScheduleMeeting(new { bodyId = panel.BodyId, startsAt = DateTimeOffset.UtcNow.AddMinutes(-30) })).CreatedId();
        await _secretary.RecordAttendance(next, new { membershipId = panel.MembershipId, kind = "Present" });
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.DraftMinutes(meeting,
            new { sections = new[] { new { text = "Discussed the named household", exempt = false } } })).StatusCode);
        HttpResponseMessage approved = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => approved = await _secretary.ApprovePreviousMinutes(next, null));
        await approved.Json(HttpStatusCode.OK);
        AssertWithheld(tracked.Sent.SingleMessage<C.DecisionRecorded>(), confidential: true, exempt: false);
    }

    [Fact]
    public async Task A_body_Governance_marked_confidential_is_confidential_whichever_event_Meetings_hears_first()
    {
        var body = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var (meeting, _) = await QuorateMeeting(body);
        var (_, before) = await Decide(meeting, "Fund the youth diversion project");
        Assert.Equal(("Fund the youth diversion project", false), (before.Text, before.BodyConfidential));

        await fixture.Receive(new BodyMarkedConfidential(body.BodyId, DateTimeOffset.UtcNow));
        var (decisionId, after) = await Decide(meeting, Marker);
        AssertWithheld(after, confidential: true, exempt: false);
        await AssertSeenOnlyByManagersAndMembers(body, decisionId, Marker);
        // a late (or redelivered) creation event does not undo the mark
        await fixture.Receive(new BodyCreated(body.BodyId, "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 1, DateTimeOffset.UtcNow.AddDays(-1)));
        AssertWithheld((await Decide(meeting, Marker)).Published, confidential: true, exempt: false);
        var view = await (await _secretary.GetBody(body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal((true, true), (view["body"]!["confidential"]!.GetValue<bool>(), view["body"]!["isConfidential"]!.GetValue<bool>()));

        // marked before Meetings hears of the body, or at its creation
        var early = Guid.NewGuid();
        await fixture.Receive(new BodyMarkedConfidential(early, DateTimeOffset.UtcNow));
        await fixture.Receive(new BodyCreated(early, "Early", BodyKind.Steering, MeetingCadence.Monthly, 1, DateTimeOffset.UtcNow));
        var created = new BodyCreated(Guid.NewGuid(), "Confidential at creation", BodyKind.DeliveryGroup, MeetingCadence.Monthly, 1, DateTimeOffset.UtcNow, Confidential: true);
        await fixture.Receive(created);
        foreach (var id in new[] { early, created.BodyId })
            Assert.True((await (await _secretary.GetBody(id)).Json(HttpStatusCode.OK))["body"]!["isConfidential"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_exempt_decision_of_a_public_meeting_leaves_without_its_text_and_only_members_and_managers_read_it()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var (meeting, exemptItem) = await QuorateMeeting(nem);

        var (openId, open) = await Decide(meeting, "Ask the council to light the underpass");
        Assert.Equal(("Ask the council to light the underpass", "Case 2026/117 Markerperson", false, false),
            (open.Text, open.AgendaReference, open.BodyConfidential, open.ItemExempt));
        var (exemptId, exempt) = await Decide(meeting, Marker, exemptItem);
        AssertWithheld(exempt, confidential: false, exempt: true);

        // the public meeting's open decision: anybody signed in; the exempt one: the body's managers and members
        var stranger = fixture.ClientFor(Guid.NewGuid());
        Assert.Equal("Ask the council to light the underpass",
            (await (await stranger.GetDecision(openId)).Json(HttpStatusCode.OK))["text"]!.GetValue<string>());
        Assert.Equal([exemptId, openId], await Register(_secretary, $"meetingId={meeting}"));
        Assert.Equal([openId], await Register(stranger, $"meetingId={meeting}"));
        await AssertSeenOnlyByManagersAndMembers(nem, exemptId, Marker);
        var entry = await (await fixture.ClientFor(nem.OrganisationId).GetDecision(exemptId)).Json(HttpStatusCode.OK);
        Assert.Equal((true, false, true), (entry["public"]!.GetValue<bool>(), entry["confidential"]!.GetValue<bool>(), entry["exempt"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_private_bodys_decisions_are_read_as_its_meetings_are_by_its_managers_and_members()
    {
        var group = await fixture.SeedBodyOf(BodyKind.WorkingGroup);
        var (meeting, _) = await QuorateMeeting(group);
        var (decisionId, published) = await Decide(meeting, "Commission a drugs outreach worker");
        Assert.Equal("Commission a drugs outreach worker", published.Text); // not confidential: its text goes to Governance, Funding and agencies
        await AssertSeenOnlyByManagersAndMembers(group, decisionId, "Commission a drugs outreach worker");

        // a member whose membership ended no longer reads it
        await fixture.Receive(new MembershipEnded(group.BodyId, group.MembershipId, DateTimeOffset.UtcNow));
        await (await fixture.ClientFor(group.OrganisationId).GetDecision(decisionId)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.GetDecision(Guid.Empty)).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
