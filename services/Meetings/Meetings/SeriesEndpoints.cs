using CommunitySafety.Contracts.Governance;
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

public sealed record PlanSeries(
    DateTime? FirstStartsAt, string? TimeZone, MeetingCadence? Cadence, SeriesPattern? Pattern, int? Count, int? DurationMinutes,
    string? Location, Area? Area);

/// <summary>A body's meetings for the months ahead, at its cadence.</summary>
public static class PlanSeriesEndpoint
{
    public const int MaxCount = 24;

    public static ProblemDetails Validate(PlanSeries? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.FirstStartsAt is not null, "firstStartsAt",
                "'firstStartsAt' is required: the first meeting's local date and time, e.g. 2027-01-12T18:30 (no offset; see 'timeZone').")
            .Check(command.TimeZone is null || FindZone(command.TimeZone) is not null, "timeZone", "'timeZone' must be an IANA time zone, e.g. Europe/London.")
            .Check(command.Cadence is null || Enum.IsDefined(command.Cadence.Value), "cadence", $"'cadence' must be one of: {string.Join(", ", Enum.GetNames<MeetingCadence>())}.")
            .Check(command.Pattern is null || Enum.IsDefined(command.Pattern.Value), "pattern", $"'pattern' must be one of: {string.Join(", ", Enum.GetNames<SeriesPattern>())}.")
            .Range("count", command.Count, 1, MaxCount)
            .Range("durationMinutes", command.DurationMinutes, 15, 24 * 60)
            .Text("location", command.Location, 300, required: false)
            .Check(command.Area is null || Enum.IsDefined(command.Area.Value), "area", "'area' must be one of: North, East, South, West.")
            .ToProblem();

    private static TimeZoneInfo? FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>
    /// Schedules <c>count</c> meetings (default: a year's worth) from <c>firstStartsAt</c>, local time in <c>timeZone</c>
    /// (default Europe/London), at the body's cadence unless <c>cadence</c> is given.
    /// </summary>
    [WolverinePost("/api/meetings/bodies/{bodyId}/series"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid bodyId, PlanSeries command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        MeetingsOptions options, HttpContext http)
    {
        MeetingAccess.EnsureManages(http.User, bodyId);
        var ct = http.RequestAborted;
        var body = await session.LoadAsync<BodyRef>(bodyId, ct);
        var zone = command.TimeZone is { } z ? FindZone(z)! : Cadences.UkTime;
        var cadence = command.Cadence ?? body?.Cadence;
        var count = command.Count ?? (cadence is { } c && Cadences.MonthsBetween(c) is { } months ? Math.Max(1, 12 / months) : 1);

        // the body's meet-before rule, checked for each meeting against the one before it in the series
        var rule = await session.LoadAsync<MeetBeforeRule>(bodyId, ct);
        var others = rule is null
            ? []
            : await session.Query<Meeting>().Where(m => m.BodyId == rule.BeforeBodyId && m.Status == MeetingStatus.Scheduled).Select(m => m.StartsAt).ToListAsync(ct);
        var previousInStore = rule is null
            ? []
            : await session.Query<Meeting>().Where(m => m.BodyId == bodyId && m.Status == MeetingStatus.Scheduled).Select(m => m.StartsAt).ToListAsync(ct);

        var seriesId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (series, meetings) = MeetingSeries.DecidePlan(seriesId, body, bodyId, cadence, command.Pattern ?? SeriesPattern.DayOfMonth,
            DateTime.SpecifyKind(command.FirstStartsAt!.Value, DateTimeKind.Unspecified), zone, count, command.DurationMinutes ?? 120,
            command.Location, command.Area, Guid.CreateVersion7,
            (startsAt, previous) =>
            {
                if (rule is null) return [];
                var before = previous ?? previousInStore.Where(p => p < startsAt).Cast<DateTimeOffset?>().Max();
                var since = before ?? now;
                return Scheduling.FlagsFor(rule, others.Where(o => o > since && o < startsAt).ToList(), before is not null);
            },
            now);
        // the first is the soonest: if it is advertised long enough ahead, so are the others
        PublicNotice.Check(body!.IsPublic, meetings[0].Events.OfType<MeetingScheduled>().Single().StartsAt, now, options.Public.AdvertiseDays);
        // Governance's escalations waiting for this body's next meeting go on the first of the series still ahead
        var first = meetings.FirstOrDefault(m => m.Events.OfType<MeetingScheduled>().Single().StartsAt > now);
        foreach (var (meetingId, scheduled) in meetings)
        {
            var startsAt = scheduled.OfType<MeetingScheduled>().Single().StartsAt;
            IReadOnlyList<object> events = meetingId == first.MeetingId && first.MeetingId != Guid.Empty
                ? [.. scheduled, .. await GovernanceEscalations.TakePending(session, bodyId, meetingId, startsAt, now, ct)]
                : scheduled;
            events = [.. events, .. await AgendaPublicationHandler.PublishNowOrWhenDue(bus, meetingId, startsAt, options, now)];
            session.Events.StartStream<Meeting>(meetingId, events.ToArray());
        }
        return await session.Start<MeetingSeries>(seriesId, [series], $"/api/meetings/series/{seriesId}", bus, IntegrationEvents.ToContract,
            new
            {
                id = seriesId,
                cadence = series.Cadence,
                meetings = meetings.Select(m => m.Events.OfType<MeetingScheduled>().Single())
                    .Select(m => new { id = m.MeetingId, m.StartsAt, m.EndsAt, m.Flags }),
            });
    }

}

public static class GetSeriesEndpoint
{
    [WolverineGet("/api/meetings/series/{id}")]
    [ProducesResponseType<MeetingSeries>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<MeetingSeries>(id, http.RequestAborted), id, http, s => s.Version);
}

public sealed record SetMeetBefore(Guid? BodyId);

public static class MeetBeforeEndpoint
{
    public static ProblemDetails Validate(SetMeetBefore? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("bodyId", command.BodyId).ToProblem();

    /// <summary>Requires the body to meet before another (e.g. the Working Group before the county partnership):
    /// meetings scheduled against the rule are flagged.</summary>
    [WolverinePut("/api/meetings/bodies/{bodyId}/meet-before"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Put(Guid bodyId, SetMeetBefore command, IDocumentSession session, HttpContext http)
    {
        MeetingAccess.EnsureManages(http.User, bodyId);
        var ct = http.RequestAborted;
        var body = await session.LoadAsync<BodyRef>(bodyId, ct) ?? throw new DomainRuleViolation("body-not-known", $"Body '{bodyId}' is not known to Meetings.", 422);
        var before = await session.LoadAsync<BodyRef>(command.BodyId!.Value, ct)
                     ?? throw new DomainRuleViolation("body-not-known", $"Body '{command.BodyId}' is not known to Meetings.", 422);
        if (before.Id == body.Id) throw new DomainRuleViolation("same-body", "A body cannot be required to meet before itself.", 422);
        var rule = new MeetBeforeRule { Id = body.Id, BeforeBodyId = before.Id, BeforeBodyName = before.Name };
        session.Store(rule);
        await session.SaveChangesAsync(ct);
        return Results.Ok(rule);
    }
}
