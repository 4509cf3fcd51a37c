using System.Globalization;
using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Wolverine.Tracking;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

public sealed class MinutesTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    private async Task<Guid> Schedule(Guid bodyId, string startsAt) =>
        await (await _secretary.ScheduleMeeting(new { bodyId, startsAt, location = "Maidstone" })).CreatedId();

    private async Task AttendQuorum(Guid meetingId, SeededBody body)
    {
        foreach (var m in body.Members.Take(4))
            Assert.Equal(HttpStatusCode.NoContent,
                (await _secretary.RecordAttendance(meetingId, new { membershipId = m, kind = "Present" })).StatusCode);
    }

    /// <summary>Appends events straight to a meeting's stream (there is no agenda endpoint yet).</summary>
    private async Task Append(Guid meetingId, params object[] events)
    {
        await using var session = fixture.Store.LightweightSession();
        session.Events.Append(meetingId, events);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Guid> OrganisationOf(Guid membershipId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<MemberRef>(membershipId, TestContext.Current.CancellationToken))!.OrganisationId;
    }

    private Task<HttpResponseMessage> Draft(Guid meetingId, object sections, HttpClient? client = null) =>
        (client ?? _secretary).SendAsync(new HttpRequestMessage(HttpMethod.Put, MeetingsRoutes.Minutes(meetingId))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { sections }),
        });

    private Task<HttpResponseMessage> ApprovePrevious(Guid meetingId, HttpClient? client = null) =>
        (client ?? _secretary).ApprovePreviousMinutes(meetingId, null);

    private Task<HttpResponseMessage> Publish(Guid meetingId, HttpClient? client = null) =>
        (client ?? _secretary).PublishMinutes(meetingId, null);

    [Fact]
    public async Task Minutes_drafted_after_one_meeting_are_approved_at_the_next_and_published_without_exempt_parts()
    {
        var body = await fixture.SeedBody();
        var first = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var second = await Schedule(body.BodyId, "2027-03-02T10:00:00+00:00");
        Guid open = Guid.NewGuid(), exempt = Guid.NewGuid();
        var at = DateTimeOffset.Parse("2026-12-01T10:05:00+00:00", CultureInfo.InvariantCulture);
        await Append(first,
            new AgendaItemAdded(first, open, "Town centre night-time economy", AgendaItemKind.Business, false, null, at),
            new AgendaItemAdded(first, exempt, "Named persons: closure order at Acacia Avenue", AgendaItemKind.Business, true, null, at),
            new PaperAttached(first, open, Guid.NewGuid(), "Footfall report", "https://example.org/footfall.pdf", false, at),
            new PaperAttached(first, open, Guid.NewGuid(), "Police intelligence annex", "https://example.org/annex.pdf", true, at),
            new PaperAttached(first, exempt, Guid.NewGuid(), "Closure file", "https://example.org/closure.pdf", true, at),
            new InterestDeclared(first, body.Members[1], exempt, InterestNature.NonRegistrable, "Knows the tenant", at));
        await AttendQuorum(first, body);
        Assert.Equal(HttpStatusCode.NoContent,
            (await _secretary.RecordDeparture(first, new { membershipId = body.Members[2] })).StatusCode);
        // three authorities remain: quorum is lost; member 3's deputy arrives
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.RecordAttendance(first,
            new { membershipId = body.Members[3], kind = "Substitute", substituteId = body.SubstituteForMember3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.RecordAttendance(first,
            new { membershipId = body.Members[4], kind = "Present" })).StatusCode);
        await (await _secretary.RecordDecision(first,
            new { text = "Fund street pastors", consensusReached = true, itemId = open })).Json(HttpStatusCode.OK);
        await (await _secretary.RecordDecision(first,
            new { text = "Seek a closure order for 12 Acacia Avenue", consensusReached = true, itemId = exempt })).Json(HttpStatusCode.OK);

        await Draft(first, new object[] { new { itemId = open, text = "A first draft" } });
        Assert.Equal(HttpStatusCode.NoContent, (await Draft(first, new object[]
        {
            new { itemId = open, text = "Footfall is up by a tenth", exempt = false },
            new { itemId = open, text = "Intelligence on named dealers", exempt = true },
            new { itemId = exempt, text = "The tenant at 12 Acacia Avenue", exempt = false },
            new { text = "The meeting closed at 11:40" },
            new { text = "Chair's confidential note", exempt = true },
        })).StatusCode);

        // before publication: the body's members see the draft; the public nothing
        await (await fixture.Client().GetMinutes(first)).Problem(HttpStatusCode.NotFound, "not-found");
        var member = fixture.ClientFor(await OrganisationOf(body.Members[0]));
        var draft = await (await member.GetMinutes(first)).Json(HttpStatusCode.OK);
        Assert.Equal(("Draft", false), (draft["status"]!.GetValue<string>(), draft["publicVersion"]!.GetValue<bool>()));
        Assert.Contains("Acacia Avenue", draft.ToJsonString());
        Assert.Contains("Intelligence on named dealers", draft.ToJsonString());
        var departure = draft["attendance"]!.AsArray().Single(a => a!["left"]!.GetValue<bool>())!;
        Assert.Equal(("Person 2", "Organisation 2"), (departure["name"]!.GetValue<string>(), departure["organisation"]!.GetValue<string>()));
        Assert.Contains(draft["attendance"]!.AsArray(), a => a!["substitute"]?.GetValue<string>() == "Deputy Three");
        var exemptItem = draft["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == exempt)!;
        Assert.Equal("Knows the tenant", Assert.Single(exemptItem["declarations"]!.AsArray())!["details"]!.GetValue<string>());
        Assert.Equal("2026-12-01/6.1", Assert.Single(exemptItem["decisions"]!.AsArray())!["minuteReference"]!.GetValue<string>());

        await (await Publish(first)).Problem(HttpStatusCode.Conflict, "minutes-not-approved");
        await (await ApprovePrevious(second)).Problem(HttpStatusCode.Conflict, "quorum-not-met");
        await AttendQuorum(second, body);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await ApprovePrevious(second));
        var approval = await response.Json(HttpStatusCode.OK);
        Assert.Equal(("2027-03-02/3.1", first), (approval["minuteReference"]!.GetValue<string>(), approval["previousMeetingId"]!.GetValue<Guid>()));
        var published = tracked.Sent.SingleMessage<C.DecisionRecorded>();
        Assert.Equal((approval["decisionId"]!.GetValue<Guid>(), second, "The minutes of the meeting on 1 December 2026 were approved as a correct record"),
            (published.DecisionId, published.MeetingId, published.Text));
        var register = await (await _secretary.GetDecisions(meetingId: second)).Json(HttpStatusCode.OK);
        Assert.Single(register.AsArray());

        await (await Draft(first, new object[] { new { text = "Too late" } })).Problem(HttpStatusCode.Conflict, "minutes-approved");
        await (await ApprovePrevious(second)).Problem(HttpStatusCode.Conflict, "minutes-approved");
        await (await fixture.Client().GetMinutes(first)).Problem(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await Publish(first)).StatusCode);
        await (await Publish(first)).Problem(HttpStatusCode.Conflict, "minutes-already-published");

        var publicResponse = await fixture.Client().GetMinutes(first);
        var shown = await publicResponse.Json(HttpStatusCode.OK);
        var text = shown.ToJsonString();
        Assert.Equal(("Published", true), (shown["status"]!.GetValue<string>(), shown["publicVersion"]!.GetValue<bool>()));
        Assert.Equal(("2027-03-02/3.1", second),
            (shown["approval"]!["minuteReference"]!.GetValue<string>(), shown["approval"]!["atMeetingId"]!.GetValue<Guid>()));
        foreach (var secret in new[] { "Acacia", "closure", "Closure", "named dealers", "confidential", "annex", "Knows the tenant" })
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The public minutes show '{secret}': {text}");
        var hidden = shown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == exempt)!;
        Assert.Equal("Exempt item: not for publication", hidden["title"]!.GetValue<string>());
        var openItem = shown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == open)!;
        Assert.Equal("Footfall is up by a tenth", Assert.Single(openItem["sections"]!.AsArray())!["text"]!.GetValue<string>());
        Assert.Equal("2026-12-01/5.1", Assert.Single(openItem["decisions"]!.AsArray())!["minuteReference"]!.GetValue<string>());
        Assert.Equal("Footfall report", Assert.Single(openItem["papers"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal("The meeting closed at 11:40", Assert.Single(shown["general"]!.AsArray())!["text"]!.GetValue<string>());
        Assert.Contains("Person 0", text);

        // the second meeting's minutes show the approval under its "Minutes of the previous meeting" item
        var secondMinutes = await (await _secretary.GetMinutes(second)).Json(HttpStatusCode.OK);
        var previousItem = secondMinutes["items"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == "PreviousMinutes")!;
        Assert.Equal("2027-03-02/3.1", Assert.Single(previousItem["decisions"]!.AsArray())!["minuteReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Minutes_answer_bad_input_unknown_ids_other_clerks_and_broken_rules_with_problems()
    {
        var body = await fixture.SeedBody();
        var other = await fixture.SeedBody();
        var first = await Schedule(body.BodyId, "2026-12-01T10:00:00+00:00");
        var second = await Schedule(body.BodyId, "2027-03-02T10:00:00+00:00");
        var stranger = fixture.ClerkOf(other.BodyId);
        var unknown = Guid.NewGuid();

        var invalid = await (await Draft(first, Array.Empty<object>())).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(invalid["errors"]!["sections"]);
        invalid = await (await Draft(first, new object?[] { new { text = "" }, null, new { text = "x", itemId = Guid.Empty } }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["sections[0].text", "sections[1]", "sections[2].itemId"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await Draft(first, new object[] { new { text = new string('x', 20_001) } })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await Draft(first, "not a list")).Problem(HttpStatusCode.BadRequest);
        await (await Draft(unknown, new object[] { new { text = "x" } })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Draft(first, new object[] { new { text = "x" } }, stranger)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Draft(first, new object[] { new { text = "x" } }, fixture.Client())).StatusCode);
        var notOnAgenda = await (await Draft(first, new object[] { new { text = "x", itemId = unknown } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "item-not-on-agenda");
        Assert.Equal(unknown, notOnAgenda["itemId"]!.GetValue<Guid>());

        await (await ApprovePrevious(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await ApprovePrevious(second, stranger)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        await (await ApprovePrevious(first)).Problem(HttpStatusCode.Conflict, "no-previous-meeting");
        await AttendQuorum(second, body);
        var noDraft = await (await ApprovePrevious(second)).Problem(HttpStatusCode.Conflict, "no-draft-minutes");
        Assert.Equal(first, noDraft["previousMeetingId"]!.GetValue<Guid>());

        await (await Publish(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Publish(first, stranger)).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        await (await Publish(first)).Problem(HttpStatusCode.Conflict, "minutes-not-approved");

        await (await _secretary.GetMinutes(unknown)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.Client().GetMinutes(first)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await stranger.GetMinutes(first)).Problem(HttpStatusCode.NotFound, "not-found");
        var otherMember = fixture.ClientFor(await OrganisationOf(other.Members[0]));
        await (await otherMember.GetMinutes(first)).Problem(HttpStatusCode.NotFound, "not-found");

        // the body's clerk drafts; the approval at the next meeting then goes through
        Assert.Equal(HttpStatusCode.NoContent, (await Draft(first, new object[] { new { text = "Apologies were received" } },
            fixture.ClerkOf(body.BodyId))).StatusCode);
        var none = await (await fixture.ClerkOf(body.BodyId).GetMinutes(second)).Json(HttpStatusCode.OK);
        Assert.Equal("None", none["status"]!.GetValue<string>());
        await (await ApprovePrevious(second, fixture.ClerkOf(body.BodyId))).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_confidential_bodys_published_minutes_are_never_public()
    {
        var panel = new BodyCreated(Guid.NewGuid(), "ASB Case Panel " + Guid.NewGuid().ToString("N")[..6], BodyKind.AsbCasePanel,
            MeetingCadence.Monthly, 3, DateTimeOffset.UtcNow);
        await fixture.Receive(panel);
        var meetingId = await Schedule(panel.BodyId, "2026-12-01T10:00:00+00:00");
        var now = DateTimeOffset.UtcNow;
        await Append(meetingId,
            new MinutesDrafted(meetingId, [new MinuteSection(null, "Case of a named resident", false)], now),
            new MinutesApproved(meetingId, Guid.NewGuid(), now),
            new MinutesPublished(meetingId, now));

        await (await fixture.Client().GetMinutes(meetingId)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.Client("governance-admin").GetMinutes(meetingId)).Problem(HttpStatusCode.NotFound, "not-found");
        var full = await (await _secretary.GetMinutes(meetingId)).Json(HttpStatusCode.OK);
        Assert.Equal(("Published", "Case of a named resident"),
            (full["status"]!.GetValue<string>(), Assert.Single(full["general"]!.AsArray())!["text"]!.GetValue<string>()));
    }
}
