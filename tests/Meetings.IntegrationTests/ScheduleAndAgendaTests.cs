using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>Series at a body's cadence, rescheduling and cancelling, the meet-before rule, agendas and who may see them.</summary>
public sealed class ScheduleAndAgendaTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);
    private readonly HttpClient _anonymous = fixture.Client();

    /// <summary>A body with no members, as Governance would announce it.</summary>
    private async Task<Guid> Body(string name, BodyKind kind, MeetingCadence cadence)
    {
        var body = new BodyCreated(Guid.NewGuid(), $"{name} {Guid.NewGuid():N}"[..(name.Length + 7)], kind, cadence, 4, DateTimeOffset.UtcNow);
        await fixture.Receive(body);
        return body.BodyId;
    }

    private async Task<Guid> Schedule(Guid bodyId, DateTimeOffset startsAt, HttpClient? client = null) =>
        await (await (client ?? _secretary).ScheduleMeeting(new { bodyId, startsAt, location = "Council chamber, Maidstone" })).CreatedId();

    private async Task<JsonNode> Get(string url, HttpClient? client = null) => await (await (client ?? _secretary).GetAsync(url)).Json(HttpStatusCode.OK);

    [Fact]
    public async Task A_series_schedules_a_years_meetings_at_the_bodys_cadence_across_the_year_end()
    {
        var body = await Body("Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly);
        var created = await (await _secretary.CreateSeries(body,
            new { firstStartsAt = "2027-10-12T18:30", location = "Gateway, Maidstone" })).Json(HttpStatusCode.Created);
        Assert.Equal("Quarterly", created["cadence"]!.GetValue<string>());
        var starts = created["meetings"]!.AsArray().Select(m => m!["startsAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(
            [
                new DateTimeOffset(2027, 10, 12, 18, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2028, 1, 12, 18, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2028, 4, 12, 18, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2028, 7, 12, 18, 30, 0, TimeSpan.FromHours(1)),
            ], starts);

        var series = await Get($"/api/meetings/series/{created["id"]}");
        Assert.Equal(4, series["meetingIds"]!.AsArray().Count);
        var listed = await Get(MeetingsRoutes.MeetingsOf(bodyId: body));
        Assert.Equal(starts, listed.AsArray().Select(m => m!["startsAt"]!.GetValue<DateTimeOffset>()));
        var first = await Get($"/api/meetings/meetings/{series["meetingIds"]![0]}");
        Assert.Equal(("Gateway, Maidstone", created["id"]!.GetValue<Guid>(), 4), (first["location"]!.GetValue<string>(), first["seriesId"]!.GetValue<Guid>(),
            first["agenda"]!.AsArray().Count));

        // an explicit cadence, count and zone; an ad hoc body needs one
        var adHoc = await Body("Delivery group", BodyKind.DeliveryGroup, MeetingCadence.AdHoc);
        await (await _secretary.CreateSeries(adHoc, new { firstStartsAt = "2027-01-05T10:00" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "ad-hoc-body");
        var monthly = await (await _secretary.CreateSeries(adHoc,
            new { firstStartsAt = "2027-01-05T10:00", cadence = "Monthly", count = 2, timeZone = "America/New_York", durationMinutes = 45 })).Json(HttpStatusCode.Created);
        var firstMonthly = monthly["meetings"]!.AsArray()[0]!;
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.FromHours(-5)), firstMonthly["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromMinutes(45), firstMonthly["endsAt"]!.GetValue<DateTimeOffset>() - firstMonthly["startsAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Series_requests_are_checked()
    {
        var body = await Body("Steering Group", BodyKind.Steering, MeetingCadence.BiMonthly);
        var invalid = await (await _secretary.CreateSeries(body,
            new { timeZone = "Mars/Olympus", count = 0, durationMinutes = 5, location = new string('x', 301) })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["firstStartsAt", "timeZone", "count", "durationMinutes", "location"], invalid["errors"]!.AsObject().Select(e => e.Key).ToArray());
        // an unknown enum value does not bind: a plain 400
        await (await _secretary.CreateSeries(body, new { firstStartsAt = "2027-01-05T10:00", area = "Centre" }))
            .Problem(HttpStatusCode.BadRequest);
        await (await _secretary.CreateSeries(Guid.NewGuid(), new { firstStartsAt = "2027-01-05T10:00" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "body-not-known");
        await (await fixture.Client().WithClerkToken(Guid.NewGuid()).CreateSeries(body, new { firstStartsAt = "2027-01-05T10:00" }))
            .Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.CreateSeries(body, new { firstStartsAt = "2027-01-05T10:00" })).StatusCode);
        await (await _secretary.GetSeries(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_meeting_is_rescheduled_with_a_reason_then_cancelled_and_takes_no_more_business()
    {
        var body = await fixture.SeedBody();
        var meeting = await Schedule(body.BodyId, new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
        await (await _secretary.RescheduleMeeting(meeting, new { startsAt = "2027-02-08T10:00:00Z" }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.RescheduleMeeting(meeting,
            new { startsAt = "2027-02-08T10:00:00Z", endsAt = "2027-02-08T09:00:00Z", reason = "Clash" })).Problem(HttpStatusCode.UnprocessableEntity, "ends-before-start");
        await (await _secretary.RescheduleMeeting(Guid.NewGuid(), new { startsAt = "2027-02-08T10:00:00Z", reason = "Clash" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await _secretary.RescheduleMeeting(meeting,
            new { startsAt = "2027-02-08T10:00:00Z", location = "Online", reason = "Clash with the budget council" })).Json(HttpStatusCode.OK);

        var moved = await Get(MeetingsRoutes.Meeting(meeting));
        Assert.Equal((new DateTimeOffset(2027, 2, 8, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 8, 12, 0, 0, TimeSpan.Zero), "Online", 1),
            (moved["startsAt"]!.GetValue<DateTimeOffset>(), moved["endsAt"]!.GetValue<DateTimeOffset>(), moved["location"]!.GetValue<string>(), moved["sequence"]!.GetValue<int>()));
        Assert.Contains("Clash with the budget council", moved["changes"]![0]!.GetValue<string>());

        await (await _secretary.CancelMeeting(meeting, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.CancelMeeting(meeting, new { reason = "Not enough business" })).StatusCode);
        var cancelled = await Get(MeetingsRoutes.Meeting(meeting));
        Assert.Equal(("Cancelled", "Not enough business", 2), (cancelled["status"]!.GetValue<string>(), cancelled["cancellationReason"]!.GetValue<string>(), cancelled["sequence"]!.GetValue<int>()));
        await (await _secretary.CancelMeeting(meeting, new { reason = "again" })).Problem(HttpStatusCode.Conflict, "meeting-cancelled");
        await (await _secretary.RecordAttendance(meeting, new { membershipId = body.Members[0], kind = "Present" }))
            .Problem(HttpStatusCode.Conflict, "meeting-cancelled");
    }

    [Fact]
    public async Task A_working_group_that_must_meet_before_the_county_partnership_is_flagged_when_it_would_not()
    {
        var workingGroup = await Body("Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly);
        var kcsp = await Body("KCSP", BodyKind.Executive, MeetingCadence.Quarterly);
        await (await _secretary.SetMeetBefore(workingGroup, new { bodyId = workingGroup }))
            .Problem(HttpStatusCode.UnprocessableEntity, "same-body");
        await (await _secretary.SetMeetBefore(workingGroup, new { bodyId = Guid.NewGuid() }))
            .Problem(HttpStatusCode.UnprocessableEntity, "body-not-known");
        await (await _secretary.SetMeetBefore(workingGroup, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        var rule = await (await _secretary.SetMeetBefore(workingGroup, new { bodyId = kcsp })).Json(HttpStatusCode.OK);
        Assert.Equal(kcsp, rule["beforeBodyId"]!.GetValue<Guid>());

        await Schedule(workingGroup, new DateTimeOffset(2027, 1, 10, 10, 0, 0, TimeSpan.Zero));
        await Schedule(kcsp, new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        // the next Working Group, after the KCSP met on the 20th with the group's 10 January meeting behind it: fine
        var fine = await (await _secretary.ScheduleMeeting(new { bodyId = workingGroup, startsAt = "2027-04-10T10:00:00Z" })).Json(HttpStatusCode.Created);
        Assert.Empty(fine["flags"]!.AsArray());
        // a KCSP meeting on 20 April, then the group meets only on 25 April: the KCSP would meet without it
        await Schedule(kcsp, new DateTimeOffset(2027, 4, 20, 10, 0, 0, TimeSpan.Zero));
        var late = await (await _secretary.PostJson($"/api/meetings/meetings/{fine["id"]}/reschedule",
            new { startsAt = "2027-04-25T10:00:00Z", reason = "Room unavailable" })).Json(HttpStatusCode.OK);
        Assert.StartsWith($"meets-after:{kcsp}", Assert.Single(late["flags"]!.AsArray())!.GetValue<string>());
        var flagged = await Get($"/api/meetings/meetings/{fine["id"]}");
        Assert.Contains("2027-04-20", flagged["flags"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_agenda_gets_items_and_papers_is_published_and_the_public_sees_its_public_version_only()
    {
        var body = await fixture.SeedBody();
        var meeting = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(30));
        var item = (await (await _secretary.AddAgendaItem(meeting, new { title = "Night-time economy patrols" }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        var exempt = (await (await _secretary.AddAgendaItem(meeting, new { title = "CCTV maintenance tender", exempt = true }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        await (await _secretary.AttachPapers(meeting, item,
            new { title = "Patrol report", url = "https://docs.example.org/patrols.pdf" })).Json(HttpStatusCode.OK);
        await (await _secretary.AttachPapers(meeting, item,
            new { title = "Named offenders", url = "https://docs.example.org/named.pdf", exempt = true })).Json(HttpStatusCode.OK);
        await (await _secretary.AttachPapers(meeting, exempt,
            new { title = "Tender prices", url = "https://docs.example.org/prices.pdf" })).Json(HttpStatusCode.OK);

        // failures
        await (await _secretary.AddAgendaItem(meeting, new { title = "" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.AttachPapers(meeting, item, new { title = "x", url = "ftp://x/y" }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.AttachPapers(meeting, Guid.NewGuid(), new { title = "x", url = "https://x.org/y" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "item-not-on-agenda");
        await (await _secretary.AddAgendaItem(Guid.NewGuid(), new { title = "x" })).Problem(HttpStatusCode.NotFound, "not-found");

        // before publication: the clerk sees it, a member and the public do not
        var member = fixture.ClientFor(await OrganisationOf(body.Members[0]));
        var draft = await Get(MeetingsRoutes.Agenda(meeting));
        Assert.Equal(6, draft["items"]!.AsArray().Count);
        Assert.Null(draft["publishedAt"]?.GetValue<DateTimeOffset?>());
        await (await member.GetAgenda(meeting)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAgenda(meeting)).Problem(HttpStatusCode.NotFound, "not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.PublishAgenda(meeting, null)).StatusCode);
        await (await _secretary.PublishAgenda(meeting, null)).Problem(HttpStatusCode.Conflict, "agenda-already-published");

        var full = await Get(MeetingsRoutes.Agenda(meeting), member);
        Assert.True(full["fullVersion"]!.GetValue<bool>());
        Assert.Equal(["Patrol report", "Named offenders"], full["items"]![4]!["papers"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
        Assert.Equal("CCTV maintenance tender", full["items"]![5]!["title"]!.GetValue<string>());

        var open = await Get(MeetingsRoutes.Agenda(meeting), _anonymous);
        Assert.False(open["fullVersion"]!.GetValue<bool>());
        Assert.Equal(["Patrol report"], open["items"]![4]!["papers"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
        Assert.Equal(("Exempt item: not for publication", 0), (open["items"]![5]!["title"]!.GetValue<string>(), open["items"]![5]!["papers"]!.AsArray().Count));
        Assert.DoesNotContain("CCTV", open.ToJsonString());
        Assert.DoesNotContain("Named offenders", open.ToJsonString());
    }

    [Fact]
    public async Task An_agenda_publishes_itself_when_it_falls_due()
    {
        var body = await fixture.SeedBody();
        // the default is five days ahead: this one falls due in a few seconds
        var meeting = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(5).AddSeconds(3));
        var later = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(40));
        await Probes.Eventually(TimeSpan.FromSeconds(45), async () =>
            (await Get(MeetingsRoutes.Meeting(meeting)))["agendaPublishedAt"] is { } at && at.GetValueKind() == System.Text.Json.JsonValueKind.String);
        Assert.Null((await Get(MeetingsRoutes.Meeting(later)))["agendaPublishedAt"]?.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task An_agendas_publication_is_scheduled_with_the_meeting_and_asked_for_again_when_the_meeting_moves()
    {
        var database = Environment.GetEnvironmentVariable("ConnectionStrings__meetings")!;
        var body = await fixture.SeedBody();
        var startsAt = DateTimeOffset.UtcNow.AddDays(40);
        var meeting = await Schedule(body.BodyId, startsAt);

        // in the scheduling's own transaction (the inbox keeps it), for five days before the meeting (the default)
        var first = Assert.Single(await ScheduledMessages.About(database, meeting));
        Assert.Equal(("PublishAgendaWhenDue", ScheduledMessages.AsStored(startsAt.AddDays(-5))),
            (first.MessageType.Split('.', ':')[^1], first.ExecutionTime));

        // moved a week later: asked for again for the new date (the first finds the meeting not yet due and does nothing)
        var moved = startsAt.AddDays(7);
        Assert.Equal(HttpStatusCode.OK, (await _secretary.RescheduleMeeting(meeting,
            new { startsAt = moved, reason = "Hall booked a week on" })).StatusCode);
        var scheduled = await ScheduledMessages.About(database, meeting);
        Assert.Equal(2, scheduled.Count);
        Assert.Contains(scheduled, m => m.ExecutionTime == ScheduledMessages.AsStored(moved.AddDays(-5)));
    }

    [Fact]
    public async Task A_meeting_scheduled_or_moved_inside_its_publication_window_is_published_in_the_same_write()
    {
        var body = await fixture.SeedBody();
        // scheduled two days ahead: published at once, so the clerk's next change cannot race a publication message
        var soon = await (await _secretary.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = DateTimeOffset.UtcNow.AddDays(2) }))
            .Json(HttpStatusCode.Created);
        var soonId = soon["id"]!.GetValue<Guid>();
        var read = await _secretary.GetMeeting(soonId);
        Assert.Equal("\"6\"", read.ETag());
        Assert.NotNull((await read.Json(HttpStatusCode.OK))["agendaPublishedAt"]?.GetValue<DateTimeOffset?>());

        // scheduled forty days ahead, then moved to tomorrow: the move publishes it, in the move's own write
        var later = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(40));
        Assert.Null((await Get(MeetingsRoutes.Meeting(later)))["agendaPublishedAt"]?.GetValue<DateTimeOffset?>());
        var moved = await _secretary.RescheduleMeeting(later,
            new { startsAt = DateTimeOffset.UtcNow.AddDays(1), reason = "Brought forward" }, "\"5\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("\"7\"", moved.ETag());
        Assert.NotNull((await Get(MeetingsRoutes.Meeting(later)))["agendaPublishedAt"]?.GetValue<DateTimeOffset?>());
        await (await _secretary.PublishAgenda(later, null)).Problem(HttpStatusCode.Conflict, "agenda-already-published");
    }

    [Fact]
    public async Task An_item_is_escalated_onto_the_next_meeting_of_another_body_with_its_origin()
    {
        var workingGroup = await fixture.SeedBody();
        var kcsp = await Body("KCSP", BodyKind.Executive, MeetingCadence.Quarterly);
        var wgMeeting = await Schedule(workingGroup.BodyId, DateTimeOffset.UtcNow.AddDays(-1));
        var item = (await (await _secretary.AddAgendaItem(wgMeeting, new { title = "Shoplifting in Ashford" }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();

        await (await _secretary.EscalateAgendaItem(wgMeeting, item, new { toBodyId = kcsp }))
            .Problem(HttpStatusCode.Conflict, "no-next-meeting");
        await Schedule(kcsp, DateTimeOffset.UtcNow.AddDays(-10)); // past: not the next one
        var next = await Schedule(kcsp, DateTimeOffset.UtcNow.AddDays(20));
        await Schedule(kcsp, DateTimeOffset.UtcNow.AddDays(110));

        await (await _secretary.EscalateAgendaItem(wgMeeting, item, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.EscalateAgendaItem(wgMeeting, Guid.NewGuid(), new { toBodyId = kcsp }))
            .Problem(HttpStatusCode.UnprocessableEntity, "item-not-on-agenda");
        await (await fixture.Client().WithClerkToken(kcsp).EscalateAgendaItem(wgMeeting, item, new { toBodyId = kcsp }))
            .Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        var escalated = await (await fixture.Client().WithClerkToken(workingGroup.BodyId)
            .EscalateAgendaItem(wgMeeting, item, new { toBodyId = kcsp })).Json(HttpStatusCode.OK);
        Assert.Equal(next, escalated["meetingId"]!.GetValue<Guid>());
        await (await _secretary.EscalateAgendaItem(wgMeeting, item, new { toBodyId = kcsp }))
            .Problem(HttpStatusCode.Conflict, "already-escalated");

        var agenda = await Get(MeetingsRoutes.Agenda(next));
        var onKcsp = agenda["items"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == "Escalated")!;
        Assert.Equal(("Shoplifting in Ashford", workingGroup.BodyId, wgMeeting, item),
            (onKcsp["title"]!.GetValue<string>(), onKcsp["origin"]!["bodyId"]!.GetValue<Guid>(), onKcsp["origin"]!["meetingId"]!.GetValue<Guid>(),
                onKcsp["origin"]!["itemId"]!.GetValue<Guid>()));
        var source = await Get(MeetingsRoutes.Agenda(wgMeeting));
        Assert.Equal(next, source["items"]![4]!["escalatedTo"]![0]!["meetingId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Interests_are_declared_and_a_decision_after_members_leave_is_refused_for_lost_quorum()
    {
        var body = await fixture.SeedBody();
        var meeting = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddHours(-1));
        var item = (await (await _secretary.AddAgendaItem(meeting, new { title = "Grant to the youth club" }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        foreach (var m in body.Members.Take(4))
            Assert.Equal(HttpStatusCode.NoContent, (await _secretary.RecordAttendance(meeting, new { membershipId = m, kind = "Present" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.DeclareInterest(meeting,
            new { membershipId = body.Members[1], itemId = item, nature = "DisclosablePecuniary", details = "Trustee of the youth club" })).StatusCode);
        await (await _secretary.DeclareInterest(meeting,
            new { membershipId = body.Members[1], itemId = item, nature = "Curious", details = "x" })).Problem(HttpStatusCode.BadRequest);
        await (await _secretary.DeclareInterest(meeting,
            new { membershipId = body.Members[1], itemId = item, details = "" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _secretary.DeclareInterest(meeting,
            new { membershipId = Guid.NewGuid(), itemId = item, nature = "OtherRegistrable", details = "x" })).Problem(HttpStatusCode.UnprocessableEntity, "not-a-member");
        await (await _secretary.DeclareInterest(meeting,
            new { membershipId = body.Members[1], itemId = Guid.NewGuid(), nature = "OtherRegistrable", details = "x" })).Problem(HttpStatusCode.UnprocessableEntity, "item-not-on-agenda");

        var decided = await (await _secretary.RecordDecision(meeting,
            new { text = "Award the grant", consensusReached = true, itemId = item })).Json(HttpStatusCode.OK);
        var date = (await Get(MeetingsRoutes.Meeting(meeting)))["startsAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal($"{date:yyyy-MM-dd}/5.1", decided["minuteReference"]!.GetValue<string>());

        await (await _secretary.RecordDeparture(meeting, new { membershipId = body.Members[4] }))
            .Problem(HttpStatusCode.UnprocessableEntity, "not-in-the-meeting");
        await (await _secretary.RecordDeparture(meeting, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.RecordDeparture(meeting, new { membershipId = body.Members[0] })).StatusCode);
        var lost = await (await _secretary.RecordDecision(meeting, new { text = "Another", consensusReached = true }))
            .Problem(HttpStatusCode.Conflict, "quorum-lost");
        Assert.Equal(3, lost["represented"]!.GetValue<int>());

        var record = await Get(MeetingsRoutes.Meeting(meeting));
        Assert.Equal([false, false, false, false, true], record["attendanceLog"]!.AsArray().Select(m => m!["left"]!.GetValue<bool>()));
        Assert.Equal(3, record["attendance"]!.AsArray().Count);
        Assert.Equal("Trustee of the youth club", record["interests"]![0]!["details"]!.GetValue<string>());
        Assert.Equal(item, record["minutedDecisions"]![0]!["itemId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Clerks_manage_their_bodies_members_see_theirs_and_the_public_sees_public_meetings_only()
    {
        var body = await fixture.SeedBody();
        var openForum = await Body("Open Forum", BodyKind.OpenForum, MeetingCadence.TwiceYearly);
        var clerk = fixture.Client().WithClerkToken(body.BodyId);
        var privateMeeting = await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(60), clerk);
        await (await clerk.ScheduleMeeting(new { bodyId = openForum, startsAt = DateTimeOffset.UtcNow.AddDays(60) }))
            .Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        await (await fixture.Client().WithClerkToken(openForum).CancelMeeting(privateMeeting, new { reason = "x" }))
            .Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        var publicMeeting = await Schedule(openForum, DateTimeOffset.UtcNow.AddDays(61));

        // a member's organisation sees the body's meeting in full; another organisation and the public do not see it at all
        var member = fixture.ClientFor(await OrganisationOf(body.Members[2]));
        Assert.NotNull((await Get(MeetingsRoutes.Meeting(privateMeeting), member))["agenda"]);
        await (await fixture.ClientFor(Guid.NewGuid()).GetMeeting(privateMeeting)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetMeeting(privateMeeting)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetQuorum(privateMeeting)).Problem(HttpStatusCode.Unauthorized);

        // the public meeting: a summary for the public, listed without signing in
        var summary = await Get(MeetingsRoutes.Meeting(publicMeeting), _anonymous);
        Assert.Equal((MeetingsRoutes.Meeting(publicMeeting), true), (summary["url"]!.GetValue<string>(), summary["public"]!.GetValue<bool>()));
        Assert.Null(summary["attendance"]);
        var listed = await Get($"/api/meetings/meetings?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(59).ToString("O"))}&limit=500", _anonymous);
        var ids = listed.AsArray().Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(publicMeeting, ids);
        Assert.DoesNotContain(privateMeeting, ids);
        Assert.All(listed.AsArray(), m => Assert.True(m!["public"]!.GetValue<bool>()));
        Assert.Contains(privateMeeting, (await Get(MeetingsRoutes.MeetingsOf(bodyId: body.BodyId), member)).AsArray().Select(m => m!["id"]!.GetValue<Guid>()));
        await (await _anonymous.GetMeetings(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_public_meeting_is_advertised_at_least_fourteen_days_ahead_when_scheduled_planned_or_moved()
    {
        // South: the other tests' "next NEM of an area" must not find this one
        var nem = await Body("Neighbourhood Engagement", BodyKind.NeighbourhoodEngagement, MeetingCadence.Quarterly);
        var refused = await (await _secretary.ScheduleMeeting(new { bodyId = nem, area = "South", startsAt = DateTimeOffset.UtcNow.AddDays(13) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "too-short-notice");
        Assert.Equal(14, refused["advertiseDays"]!.GetValue<int>());
        await (await _secretary.CreateSeries(nem, new { area = "South", firstStartsAt = DateTime.UtcNow.AddDays(2) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "too-short-notice");
        await (await _secretary.ScheduleMeeting(new { bodyId = nem, startsAt = DateTimeOffset.UtcNow.AddDays(20) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "area-required");
        var meeting = await (await _secretary.ScheduleMeeting(new { bodyId = nem, area = "South", startsAt = DateTimeOffset.UtcNow.AddDays(15) })).CreatedId();
        await (await _secretary.RescheduleMeeting(meeting, new { startsAt = DateTimeOffset.UtcNow.AddDays(7), reason = "Hall closed" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "too-short-notice");
        // a private body's meeting may be called at any notice
        var body = await fixture.SeedBody();
        await Schedule(body.BodyId, DateTimeOffset.UtcNow.AddDays(1));
    }

    private async Task<Guid> OrganisationOf(Guid membershipId)
    {
        await using var session = ((Marten.IDocumentStore)fixture.Host.Services.GetService(typeof(Marten.IDocumentStore))!).QuerySession();
        return (await session.LoadAsync<Membership.MemberRef>(membershipId))!.OrganisationId;
    }
}
