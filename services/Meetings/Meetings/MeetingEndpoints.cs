using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>Changes to a meeting: by the managers of its body (<see cref="ManagedWrites"/>).</summary>
public static class MeetingWrites
{
    public static Task<IResult> Change(IDocumentSession session, Guid meetingId, HttpContext http, IMessageBus bus,
        Func<Meeting, IReadOnlyList<object>> decide, Func<IReadOnlyList<object>, object>? respond = null,
        Func<IReadOnlyList<object>, Task>? then = null) =>
        ManagedWrites.Change(session, meetingId, http, bus, m => m.BodyId, decide, respond, then);
}

public sealed record ScheduleMeeting(Guid? BodyId, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, Area? Area);

/// <summary>An ad hoc meeting (a series' meetings come from <c>/api/meetings/bodies/{bodyId}/series</c>).</summary>
public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(ScheduleMeeting? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("bodyId", command.BodyId)
            .Text("title", command.Title, 200, required: false)
            .Check(command.StartsAt is not null, "startsAt", "'startsAt' is required (ISO 8601 date and time with offset).")
            .Text("location", command.Location, 300, required: false)
            .Check(command.Area is null || Enum.IsDefined(command.Area.Value), "area", "'area' must be one of: North, East, South, West.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(ScheduleMeeting command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        MeetingsOptions options, HttpContext http)
    {
        var bodyId = command.BodyId!.Value;
        MeetingAccess.EnsureManages(http.User, bodyId);
        var body = await session.LoadAsync<BodyRef>(bodyId, http.RequestAborted);
        PublicNotice.Check(body?.IsPublic ?? false, command.StartsAt!.Value, clock.GetUtcNow(), options.Public.AdvertiseDays);
        var id = Guid.CreateVersion7();
        var flags = await Scheduling.FlagsFor(session, bodyId, id, command.StartsAt!.Value, clock.GetUtcNow(), http.RequestAborted);
        var events = Meeting.DecideSchedule(id, body, bodyId, command.Title, command.StartsAt.Value, command.EndsAt,
            command.Location, command.Area, null, flags, clock.GetUtcNow());
        events = [.. events, .. await GovernanceEscalations.TakePending(session, bodyId, id, command.StartsAt.Value, clock.GetUtcNow(), http.RequestAborted),
            .. await AgendaPublicationHandler.PublishNowOrWhenDue(bus, id, command.StartsAt.Value, options, clock.GetUtcNow())];
        return await session.Start<Meeting>(id, events, $"/api/meetings/meetings/{id}", bus, IntegrationEvents.ToContract, new { id, flags });
    }
}

public sealed record RescheduleMeeting(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, string? Reason);

public static class RescheduleMeetingEndpoint
{
    public static ProblemDetails Validate(RescheduleMeeting? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.StartsAt is not null, "startsAt", "'startsAt' is required (ISO 8601 date and time with offset).")
            .Text("location", command.Location, 300, required: false)
            .Text("reason", command.Reason, 1000)
            .ToProblem();

    /// <summary>Moves the meeting (and optionally its place); the reason is kept, and calendars see a new SEQUENCE.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/reschedule"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid meetingId, RescheduleMeeting command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, MeetingsOptions options, HttpContext http)
    {
        var current = await session.LoadAsync<Meeting>(meetingId, http.RequestAborted);
        var flags = current is null ? [] : await Scheduling.FlagsFor(session, current.BodyId, meetingId, command.StartsAt!.Value, clock.GetUtcNow(), http.RequestAborted);
        var now = clock.GetUtcNow();
        Meeting before = null!;
        return await MeetingWrites.Change(session, meetingId, http, bus,
            meeting =>
            {
                before = meeting;
                PublicNotice.Check(meeting.Public, command.StartsAt!.Value, now, options.Public.AdvertiseDays);
                var moved = Meeting.DecideReschedule(meeting, command.StartsAt!.Value, command.EndsAt, command.Location, command.Reason!, flags, now);
                // moved into its publication window: published in the same write (see PublishNowOrWhenDue)
                return meeting.AgendaPublishedAt is null && AgendaPublicationHandler.DueNow(command.StartsAt!.Value, options, now)
                    ? [.. moved, .. Meeting.DecidePublishAgenda(meeting, now)]
                    : moved;
            },
            _ => new { flags },
            then: async events =>
            {
                var moved = events.OfType<MeetingRescheduled>().Single();
                if (!events.OfType<AgendaPublished>().Any() && before.AgendaPublishedAt is null)
                    await AgendaPublicationHandler.RequestPublication(bus, meetingId, moved.StartsAt, options);
                await ResidentDetailsRetentionHandler.RescheduleForMeetingAsync(session, bus, meetingId, before.EndsAt, moved.EndsAt, options, http.RequestAborted);
            });
    }
}

public sealed record CancelMeeting(string? Reason);

public static class CancelMeetingEndpoint
{
    public static ProblemDetails Validate(CancelMeeting? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/cancel"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid meetingId, CancelMeeting command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        MeetingWrites.Change(session, meetingId, http, bus, meeting => Meeting.DecideCancel(meeting, command.Reason!, clock.GetUtcNow()));
}

public static class RecordHeldEndpoint
{
    /// <summary>Records that the meeting took place (once it has started); published as <c>MeetingHeld</c>.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/held"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid meetingId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        MeetingWrites.Change(session, meetingId, http, bus, meeting => Meeting.DecideHeld(meeting, clock.GetUtcNow()));
}

public sealed record RecordAttendance(Guid? MembershipId, AttendanceKind? Kind, Guid? SubstituteId);

public static class RecordAttendanceEndpoint
{
    public static ProblemDetails Validate(RecordAttendance? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("membershipId", command.MembershipId)
            .Defined("kind", command.Kind)
            .Check(command.Kind != AttendanceKind.Substitute || command.SubstituteId is { } s && s != Guid.Empty,
                "substituteId", "'substituteId' is required when kind is Substitute.")
            .ToProblem();

    /// <summary>An arrival (present or by substitute) or apologies.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/attendance"), Authorize(Roles = MeetingsRoles.Managers)]
    public static async Task<IResult> Post(Guid meetingId, RecordAttendance command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var member = await session.LoadAsync<MemberRef>(command.MembershipId!.Value, http.RequestAborted);
        return await MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideAttendance(meeting, member, command.MembershipId.Value, command.Kind!.Value,
                command.SubstituteId, clock.GetUtcNow()));
    }
}

public sealed record RecordDeparture(Guid? MembershipId);

public static class RecordDepartureEndpoint
{
    public static ProblemDetails Validate(RecordDeparture? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("membershipId", command.MembershipId).ToProblem();

    /// <summary>A member (or their substitute) leaves; quorum is evaluated on who remains.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/departures"), Authorize(Roles = MeetingsRoles.Managers)]
    public static Task<IResult> Post(Guid meetingId, RecordDeparture command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http) =>
        MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideDeparture(meeting, command.MembershipId!.Value, clock.GetUtcNow()));
}

/// <param name="Adopts">Ids of documents the decision adopts (e.g. a version of a body's terms of reference in Governance).</param>
public sealed record RecordDecision(string? Text, bool? ConsensusReached, string? AgendaReference, Guid? ItemId, IReadOnlyList<Guid>? Adopts);

public static class RecordDecisionEndpoint
{
    public static ProblemDetails Validate(RecordDecision? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("text", command.Text, 4000)
            .Check(command.ConsensusReached is not null, "consensusReached", "'consensusReached' is required (true or false).")
            .Text("agendaReference", command.AgendaReference, 100, required: false)
            .Check(command.ItemId != Guid.Empty, "itemId", "'itemId' must be a non-empty id when given.")
            .Check(command.Adopts is null || command.Adopts.Count <= 20 && command.Adopts.All(a => a != Guid.Empty), "adopts",
                "'adopts' lists at most 20 non-empty document ids.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/decisions"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid meetingId, RecordDecision command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var decisionId = Guid.CreateVersion7();
        var membership = await MembershipSnapshot.ForMeeting(session, meetingId, http.RequestAborted);
        var adoptedTerms = await AdoptedTermsOf(session, command.Adopts, http.RequestAborted);
        return await MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideDecision(meeting, membership.Evaluate(meeting), membership.Body?.IsConfidential ?? false, decisionId, command.Text!,
                command.ConsensusReached!.Value, command.AgendaReference, clock.GetUtcNow(), command.ItemId, command.Adopts, adoptedTerms),
            events => new { decisionId, minuteReference = events.OfType<DecisionRecorded>().Single().MinuteReference });
    }

    /// <summary>The versions of terms of reference among the documents adopted that Meetings heard of, with their bodies' parents.</summary>
    private static async Task<IReadOnlyList<AdoptedTerms>> AdoptedTermsOf(IQuerySession session, IReadOnlyList<Guid>? adopts, CancellationToken ct)
    {
        if (adopts is not { Count: > 0 }) return [];
        var terms = await session.LoadManyAsync<TermsOfReferenceRef>(ct, adopts.Distinct().ToArray());
        if (terms.Count == 0) return [];
        var bodies = (await session.LoadManyAsync<BodyRef>(ct, terms.Select(t => t.BodyId).Distinct().ToArray())).ToDictionary(b => b.Id);
        return [.. terms.Select(t => new AdoptedTerms(t.Id, t.BodyId, bodies.TryGetValue(t.BodyId, out var b) ? b.ParentBodyId : null))];
    }
}

public static class GetMeetingsEndpoint
{
    /// <summary>200 meetings a page unless asked (a year of a busy partnership's), at most 500.</summary>
    public static readonly PageSize Pages = new(200, Paging.MaxLimit);

    /// <summary>
    /// Meetings the caller may see, soonest first: public meetings for everybody (no sign-in needed); a body's other
    /// meetings for its managers and members. Filter by body, area and a date range (<c>from</c>, <c>to</c>); a page at a
    /// time (<c>limit</c> 1–500, default 200; <c>page</c> from 1).
    /// </summary>
    [WolverineGet("/api/meetings/meetings"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<MeetingSummary>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(Guid? bodyId, Area? area, DateTimeOffset? from, DateTimeOffset? to, int? limit, int? page,
        IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, Pages)) return refusal;
        var ct = http.RequestAborted;
        var visible = await MeetingAccess.VisibleBodies(http.User, session, ct);
        var query = session.Query<Meeting>().AsQueryable();
        if (visible is not null)
        {
            var bodies = visible.ToArray();
            query = query.Where(m => m.Public || bodies.Contains(m.BodyId));
        }
        if (bodyId is { } b) query = query.Where(m => m.BodyId == b);
        if (area is { } a) query = query.Where(m => m.Area == a);
        if (from is { } f) query = query.Where(m => m.StartsAt >= f);
        if (to is { } t) query = query.Where(m => m.StartsAt < t);
        var found = await query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToPageAsync(request, ct);
        var kinds = (await session.LoadManyAsync<BodyRef>(ct, found.Items.Select(m => m.BodyId).Distinct()))
            .ToDictionary(b => b.Id, b => b.Kind);
        return found.Select(m => MeetingSummary.Of(m, kinds.GetValueOrDefault(m.BodyId))).Ok(http);
    }

    /// <summary>
    /// A meeting, if the caller may see it (otherwise 404, as if it did not exist): in full (attendance, interests,
    /// decisions, agenda) for the body's managers and members; for everybody else a public meeting's summary.
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{id}"), AllowAnonymous]
    [ProducesResponseType<Meeting>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = await session.LoadAsync<Meeting>(id, ct);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), id);
        if (MeetingAccess.Manages(http.User, meeting.BodyId) || await MeetingAccess.IsMember(http.User, meeting.BodyId, session, ct))
            return StreamWrites.Read(meeting, id, http, m => m.Version);
        if (!meeting.Public) return Problems.NotFound(nameof(Meeting), id);
        var body = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        return StreamWrites.Read(MeetingSummary.Of(meeting, body?.Kind), id, http, _ => meeting.Version);
    }

    /// <summary>Whether the meeting is quorate now, and which responsible authorities are represented.</summary>
    [WolverineGet("/api/meetings/meetings/{id}/quorum")]
    [ProducesResponseType<QuorumResult>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Quorum(Guid id, IQuerySession session, HttpContext http)
    {
        var meeting = await session.LoadAsync<Meeting>(id, http.RequestAborted);
        if (meeting is null || !await MeetingAccess.CanSee(http.User, meeting, session, http.RequestAborted)) return Problems.NotFound(nameof(Meeting), id);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, http.RequestAborted);
        return Results.Ok(membership.Evaluate(meeting));
    }
}
