using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.Meetings;

public static class IntegrationEvents
{
    public static object? ToContract(object domainEvent) => domainEvent switch
    {
        DecisionRecorded e => new C.DecisionRecorded(e.DecisionId, e.MeetingId, e.BodyId, e.Text, e.ConsensusReached,
            e.AgendaReference, e.AuthoritiesRepresented, e.RecordedAt),
        _ => null,
    };
}

public sealed record ScheduleMeeting(Guid? BodyId, string? Title, DateTimeOffset? StartsAt, string? Location);

public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(ScheduleMeeting? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("bodyId", command.BodyId)
            .Text("title", command.Title, 200, required: false)
            .Check(command.StartsAt is not null, "startsAt", "'startsAt' is required (ISO 8601 date and time with offset).")
            .Text("location", command.Location, 300, required: false)
            .ToProblem();

    [WolverinePost("/api/meetings/meetings"), Authorize(Roles = MeetingsRoles.Secretary)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(ScheduleMeeting command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await session.LoadAsync<BodyRef>(command.BodyId!.Value, ct);
        var id = Guid.CreateVersion7();
        var scheduled = Meeting.DecideSchedule(id, body, command.BodyId.Value, command.Title, command.StartsAt!.Value,
            command.Location, clock.GetUtcNow());
        return await session.Start<Meeting>(id, [scheduled], $"/api/meetings/meetings/{id}", bus, IntegrationEvents.ToContract);
    }
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

    [WolverinePost("/api/meetings/meetings/{meetingId}/attendance"), Authorize(Roles = MeetingsRoles.Secretary)]
    public static async Task<IResult> Post(Guid meetingId, RecordAttendance command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var member = await session.LoadAsync<MemberRef>(command.MembershipId!.Value, http.RequestAborted);
        return await session.Append<Meeting>(meetingId, http,
            meeting => Meeting.DecideAttendance(meeting, member, command.MembershipId.Value, command.Kind!.Value,
                command.SubstituteId, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract);
    }
}

public sealed record RecordDecision(string? Text, bool? ConsensusReached, string? AgendaReference);

public static class RecordDecisionEndpoint
{
    public static ProblemDetails Validate(RecordDecision? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("text", command.Text, 4000)
            .Check(command.ConsensusReached is not null, "consensusReached", "'consensusReached' is required (true or false).")
            .Text("agendaReference", command.AgendaReference, 100, required: false)
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/decisions"), Authorize(Roles = MeetingsRoles.Secretary)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid meetingId, RecordDecision command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var decisionId = Guid.CreateVersion7();
        var membership = await MembershipSnapshot.ForMeeting(session, meetingId, http.RequestAborted);
        return await session.Append<Meeting>(meetingId, http,
            meeting => Meeting.DecideDecision(meeting, membership.Evaluate(meeting), decisionId, command.Text!,
                command.ConsensusReached!.Value, command.AgendaReference, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract, _ => new { decisionId });
    }
}

public static class GetMeetingsEndpoint
{
    [WolverineGet("/api/meetings/meetings")]
    public static async Task<IReadOnlyList<Meeting>> List(Guid? bodyId, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Meeting>().AsQueryable();
        if (bodyId is { } b) query = query.Where(m => m.BodyId == b);
        return await query.OrderBy(m => m.StartsAt).ToListAsync(ct);
    }

    [WolverineGet("/api/meetings/meetings/{id}")]
    [ProducesResponseType<Meeting>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<Meeting>(id, http.RequestAborted), id, http, m => m.Version);

    /// <summary>Whether the meeting is quorate now, and which responsible authorities are represented.</summary>
    [WolverineGet("/api/meetings/meetings/{id}/quorum")]
    [ProducesResponseType<QuorumResult>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Quorum(Guid id, IQuerySession session, CancellationToken ct)
    {
        var meeting = await session.LoadAsync<Meeting>(id, ct);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), id);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, ct);
        return Results.Ok(membership.Evaluate(meeting));
    }
}
