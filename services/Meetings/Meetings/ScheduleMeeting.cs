using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;

namespace CommunitySafety.Meetings.Meetings;

public sealed record ScheduleMeeting(Guid? BodyId, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, Area? Area);

/// <summary>The new meeting's id, and the warnings about its date (e.g. after the body it must meet before).</summary>
public sealed record MeetingScheduledAnswer(Guid Id, IReadOnlyList<string> Flags);

/// <summary>
/// An ad hoc meeting of a body the clerk manages (a series' meetings come from <c>/api/meetings/bodies/{bodyId}/series</c>),
/// with its standard agenda items, Governance's escalations waiting for the body's next meeting, and its agenda published
/// now if already due (else when it falls due).
/// </summary>
public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(ScheduleMeeting command) =>
        new FieldErrors()
            .Id("bodyId", command.BodyId)
            .Text("title", command.Title, 200, required: false)
            .Check(command.StartsAt is not null, "startsAt", "'startsAt' is required (ISO 8601 date and time with offset).")
            .Text("location", command.Location, 300, required: false)
            .Check(command.Area is null || Enum.IsDefined(command.Area.Value), "area", "'area' must be one of: North, East, South, West.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<MeetingScheduledAnswer>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream, OutgoingMessages)> Post(ScheduleMeeting command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, MeetingsOptions options, CancellationToken ct)
    {
        var bodyId = command.BodyId!.Value;
        MeetingAccess.EnsureManages(user, bodyId);
        var body = await session.LoadAsync<BodyRef>(bodyId, ct);
        var startsAt = command.StartsAt!.Value;
        var now = clock.GetUtcNow();
        PublicNotice.Check(body?.IsPublic ?? false, startsAt, now, options.Public.AdvertiseDays);
        var id = Guid.CreateVersion7();
        var flags = await Scheduling.FlagsFor(session, bodyId, id, startsAt, now, ct);
        IReadOnlyList<object> events = Meeting.DecideSchedule(id, body, bodyId, command.Title, startsAt, command.EndsAt, command.Location, command.Area,
            null, flags, now);
        var (published, later) = AgendaPublicationHandler.PublishNowOrWhenDue(id, startsAt, options, now);
        events = [.. events, .. await GovernanceEscalations.TakePending(session, bodyId, id, startsAt, now, ct), .. published];
        var (created, meeting) = NewStream.Start<Meeting>(id, $"/api/meetings/meetings/{id}", new MeetingScheduledAnswer(id, flags), [.. events]);
        return (created, meeting, later);
    }
}
