using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;

namespace CommunitySafety.Meetings.Meetings;

public sealed record PlanSeries(
    DateTime? FirstStartsAt, string? TimeZone, MeetingCadence? Cadence, SeriesPattern? Pattern, int? Count, int? DurationMinutes,
    string? Location, Area? Area);

/// <summary>One meeting of a series as planned.</summary>
public sealed record PlannedMeeting(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> Flags);

/// <summary>The series' id, its cadence, and its meetings.</summary>
public sealed record SeriesPlannedAnswer(Guid Id, MeetingCadence Cadence, IReadOnlyList<PlannedMeeting> Meetings);

/// <summary>A body's meetings for the months ahead, at its cadence: the series is one stream, each meeting one of its own.</summary>
public static class PlanSeriesEndpoint
{
    public const int MaxCount = 24;

    public static ProblemDetails Validate(PlanSeries command) =>
        new FieldErrors()
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
    [ProducesResponseType<SeriesPlannedAnswer>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream, OutgoingMessages)> Post(Guid bodyId, PlanSeries command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, MeetingsOptions options, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, bodyId);
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
        var publications = new OutgoingMessages();
        foreach (var (meetingId, scheduled) in meetings)
        {
            var startsAt = scheduled.OfType<MeetingScheduled>().Single().StartsAt;
            IReadOnlyList<object> events = meetingId == first.MeetingId && first.MeetingId != Guid.Empty
                ? [.. scheduled, .. await GovernanceEscalations.TakePending(session, bodyId, meetingId, startsAt, now, ct)]
                : scheduled;
            var (published, later) = AgendaPublicationHandler.PublishNowOrWhenDue(meetingId, startsAt, options, now);
            events = [.. events, .. published];
            publications.AddRange(later);
            // each meeting a stream of its own, started in the series' transaction
            session.Events.StartStream<Meeting>(meetingId, events.ToArray());
        }

        var planned = meetings.Select(m => m.Events.OfType<MeetingScheduled>().Single())
            .Select(m => new PlannedMeeting(m.MeetingId, m.StartsAt, m.EndsAt, m.Flags)).ToList();
        var (created, start) = NewStream.Start<MeetingSeries>(seriesId, $"/api/meetings/series/{seriesId}",
            new SeriesPlannedAnswer(seriesId, series.Cadence, planned), series);
        return (created, start, publications);
    }
}
