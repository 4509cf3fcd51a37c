using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>How a series places its meetings in the month.</summary>
public enum SeriesPattern
{
    /// <summary>The same day of the month as the first meeting (the 31st falls on the last day of shorter months).</summary>
    DayOfMonth,
    /// <summary>The same weekday and week of the month as the first meeting (e.g. the second Tuesday); a fifth one falls on the last.</summary>
    WeekdayOfMonth,
}

/// <summary>Pure calendar arithmetic for meeting series.</summary>
public static class Cadences
{
    /// <summary>Months between meetings; null for ad hoc bodies, which have no series.</summary>
    public static int? MonthsBetween(MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Monthly => 1,
        MeetingCadence.BiMonthly => 2,
        MeetingCadence.Quarterly => 3,
        MeetingCadence.TwiceYearly => 6,
        MeetingCadence.Annually => 12,
        _ => null,
    };

    /// <summary>
    /// The first <paramref name="count"/> meetings of a series that starts on <paramref name="first"/> (local date and
    /// time in <paramref name="zone"/>), as instants: the local time of day is kept across clock changes. Each date is
    /// counted from the first, not from the one before, so a series on the 31st comes back to the 31st.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Occurrences(MeetingCadence cadence, DateTime first, SeriesPattern pattern, TimeZoneInfo zone, int count)
    {
        var step = MonthsBetween(cadence) ?? throw new ArgumentException("An ad hoc body has no series.", nameof(cadence));
        var time = first.TimeOfDay;
        var week = (first.Day - 1) / 7; // 0 = first weekday of its kind in the month … 4 = fifth
        var result = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            var month = new DateTime(first.Year, first.Month, 1).AddMonths(i * step);
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            DateTime date;
            if (pattern == SeriesPattern.DayOfMonth)
                date = month.AddDays(Math.Min(first.Day, days) - 1);
            else
            {
                var firstOfKind = month.AddDays(((int)first.DayOfWeek - (int)month.DayOfWeek + 7) % 7);
                date = firstOfKind.AddDays(7 * week);
                if (date.Month != month.Month) date = date.AddDays(-7);
            }
            result.Add(ToInstant(date.Date + time, zone));
        }
        return result;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by the spring change moves an hour later, an
    /// ambiguous autumn one takes the earlier (summer-time) offset.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static TimeZoneInfo UkTime => PartnershipCalendar.Kent;
}

/// <summary>A body that must meet before another (the Working Group before the county partnership, to inform its agenda).</summary>
public sealed class MeetBeforeRule
{
    /// <summary>The body that meets first.</summary>
    public Guid Id { get; set; }
    public Guid BeforeBodyId { get; set; }
    public string BeforeBodyName { get; set; } = "";
}

public static class Scheduling
{
    /// <summary>The body's next scheduled (not cancelled) meeting starting after <paramref name="after"/>, if any.</summary>
    public static Task<Meeting?> NextMeeting(IQuerySession session, Guid bodyId, DateTimeOffset after, CancellationToken ct) =>
        session.Query<Meeting>()
            .Where(m => m.BodyId == bodyId && m.Status == MeetingStatus.Scheduled && m.StartsAt > after)
            .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Warnings about a meeting of <paramref name="bodyId"/> at <paramref name="startsAt"/>. When the body must meet
    /// before another, each of the other body's meetings should have one of this body's since the other's previous one:
    /// the meeting is flagged if, between this body's previous meeting (or now, for a first one) and this one, the other
    /// body meets and would have no meeting of this body before it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FlagsFor(IQuerySession session, Guid bodyId, Guid meetingId, DateTimeOffset startsAt,
        DateTimeOffset now, CancellationToken ct)
    {
        var rule = await session.LoadAsync<MeetBeforeRule>(bodyId, ct);
        if (rule is null) return [];
        var previous = (await session.Query<Meeting>()
            .Where(m => m.BodyId == bodyId && m.Id != meetingId && m.Status == MeetingStatus.Scheduled && m.StartsAt < startsAt)
            .OrderByDescending(m => m.StartsAt).FirstOrDefaultAsync(ct))?.StartsAt;
        var since = previous ?? now;
        var others = await session.Query<Meeting>()
            .Where(m => m.BodyId == rule.BeforeBodyId && m.Status == MeetingStatus.Scheduled && m.StartsAt > since && m.StartsAt < startsAt)
            .Select(m => m.StartsAt).ToListAsync(ct);
        return FlagsFor(rule, others, previous is not null);
    }

    /// <summary>
    /// The pure part. <paramref name="otherMeetingsBetween"/>: the other body's meetings after this body's previous
    /// meeting (or now) and before this one. With a previous meeting, the first of them was informed by it; any further
    /// one was not. Without one, none was.
    /// </summary>
    public static IReadOnlyList<string> FlagsFor(MeetBeforeRule rule, IReadOnlyList<DateTimeOffset> otherMeetingsBetween, bool hasPrevious)
    {
        var uninformed = otherMeetingsBetween.Order().Skip(hasPrevious ? 1 : 0).ToList();
        return uninformed.Count == 0
            ? []
            : [$"meets-after:{rule.BeforeBodyId}: this body should meet before {rule.BeforeBodyName}, which meets on " +
               $"{uninformed[0]:yyyy-MM-dd} with no meeting of this body since its own previous meeting."];
    }
}

// ---- a series: one stream per plan, its meetings each a stream of their own ----

public sealed record SeriesPlanned(
    Guid SeriesId, Guid BodyId, MeetingCadence Cadence, SeriesPattern Pattern, DateTime FirstLocal, string TimeZone, int DurationMinutes,
    string? Location, Area? Area, IReadOnlyList<Guid> MeetingIds, DateTimeOffset At);

/// <summary>
/// A series of meetings planned at once (each meeting a stream of its own). No rule reads a planned series: the
/// aggregate is its identity, and how it reads (cadence, pattern, its meetings) is <see cref="MeetingSeriesView"/>.
/// </summary>
public sealed record MeetingSeries(Guid Id)
{
    public long Version { get; init; }

    public static MeetingSeries Create(SeriesPlanned e) => new(e.SeriesId);

    /// <summary>
    /// The series after an event (null before its first): the one fold of a series' events, for every fold written by
    /// hand. Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static MeetingSeries Evolve(MeetingSeries? state, object @event) => @event switch
    {
        SeriesPlanned e => Create(e),
        _ => state ?? throw new InvalidOperationException("A series' stream starts with SeriesPlanned."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(MeetingSeries?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public MeetingSeries Evolve(object @event) => Evolve(this, @event);

    /// <summary>
    /// Plans <paramref name="count"/> meetings of a body at its cadence (or <paramref name="cadence"/> if given). Returns
    /// the series' event and, per meeting, the events of its own stream.
    /// </summary>
    public static (SeriesPlanned Series, IReadOnlyList<(Guid MeetingId, IReadOnlyList<object> Events)> Meetings) DecidePlan(
        Guid seriesId, BodyRef? body, Guid bodyId, MeetingCadence? cadence, SeriesPattern pattern, DateTime firstLocal, TimeZoneInfo zone,
        int count, int durationMinutes, string? location, Area? area, Func<Guid> newId, Func<DateTimeOffset, DateTimeOffset?, IReadOnlyList<string>> flags,
        DateTimeOffset now)
    {
        if (body is null)
            throw new DomainRuleViolation("body-not-known",
                $"Body '{bodyId}' is not known to Meetings (not created in Governance, or not yet received).", Refusal.Inconsistent);
        var effective = cadence ?? body.Cadence ?? MeetingCadence.AdHoc;
        if (Cadences.MonthsBetween(effective) is null)
            throw new DomainRuleViolation("ad-hoc-body", $"{body.Name} meets ad hoc: schedule its meetings one by one, or give a 'cadence'.", Refusal.Inconsistent);
        var instants = Cadences.Occurrences(effective, firstLocal, pattern, zone, count);
        var meetings = instants.Select((startsAt, i) =>
        {
            var id = newId();
            return (id, Meeting.DecideSchedule(id, body, bodyId, null, startsAt, startsAt.AddMinutes(durationMinutes), location, area, seriesId,
                flags(startsAt, i == 0 ? null : instants[i - 1]), now));
        }).ToList();
        return (new SeriesPlanned(seriesId, bodyId, effective, pattern, firstLocal, zone.Id, durationMinutes, location?.Trim(), area,
            meetings.Select(m => m.id).ToList(), now), meetings);
    }
}

/// <summary>A planned series as GET /api/meetings/series/{id} shows it. Projected inline from the series' stream.</summary>
public sealed record MeetingSeriesView(
    Guid Id, Guid BodyId, MeetingCadence Cadence, SeriesPattern Pattern, DateTime FirstLocal, string TimeZone, int DurationMinutes,
    string? Location, Area? Area, IReadOnlyList<Guid> MeetingIds)
{
    public long Version { get; init; }

    public static MeetingSeriesView Create(SeriesPlanned e) =>
        new(e.SeriesId, e.BodyId, e.Cadence, e.Pattern, e.FirstLocal, e.TimeZone, e.DurationMinutes, e.Location, e.Area, e.MeetingIds);

    /// <summary>The view after an event (null before the series' first), as the projection folds it.</summary>
    public static MeetingSeriesView Evolve(MeetingSeriesView? state, object @event) => @event switch
    {
        SeriesPlanned e => Create(e),
        _ => state ?? throw new InvalidOperationException("A series' stream starts with SeriesPlanned."),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(MeetingSeriesView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public MeetingSeriesView Evolve(object @event) => Evolve(this, @event);
}
