using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Web.Api;

// What the clerks' pages send to Meetings and read back of its answers to them (JSON, enums by name).

/// <summary>How a series places its meetings in the month.</summary>
public enum SeriesPattern { DayOfMonth, WeekdayOfMonth }

/// <summary><c>POST /api/meetings/bodies/{bodyId}/series</c>: <see cref="FirstStartsAt"/> is a local time (no offset) in <see cref="TimeZone"/>.</summary>
public sealed record PlanSeriesRequest(DateTime FirstStartsAt, string TimeZone, SeriesPattern Pattern, int Count, int DurationMinutes, string? Location,
    Area? Area);

public sealed record PlannedMeeting(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> Flags);

/// <summary>The answer to a series planned: its meetings with their flags.</summary>
public sealed record PlannedSeries(Guid Id, MeetingCadence Cadence, IReadOnlyList<PlannedMeeting> Meetings);

/// <summary><c>GET /api/meetings/series/{id}</c>.</summary>
public sealed record SeriesView(Guid Id, Guid BodyId, MeetingCadence Cadence, SeriesPattern Pattern, DateTime FirstLocal, string TimeZone, int DurationMinutes,
    string? Location, Area? Area, IReadOnlyList<Guid> MeetingIds);

/// <summary><c>POST /api/meetings/meetings</c>: one (ad hoc) meeting.</summary>
public sealed record ScheduleMeetingRequest(Guid BodyId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Title, string? Location, Area? Area);

/// <summary>The answer to a meeting scheduled or moved: its id (when scheduled) and its flags (e.g. <c>meets-after:…</c>).</summary>
public sealed record ScheduledMeeting(Guid Id, IReadOnlyList<string>? Flags);

/// <summary><c>POST …/reschedule</c>: the length is kept when <see cref="EndsAt"/> is not given, the place when <see cref="Location"/> is not.</summary>
public sealed record RescheduleRequest(DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location, string Reason);

public sealed record ReasonRequest(string Reason);

public sealed record NoteRequest(string Note);

public sealed record CompleteActionRequest(string? Note, Guid? MeetingId);

public sealed record DraftMinutesRequest(IReadOnlyList<MinuteSection> Sections);

public sealed record ApprovedPreviousMinutes(Guid DecisionId, Guid? PreviousMeetingId, string? MinuteReference);

public sealed record ModerationRequest(bool Accept, string? Reason);

public sealed record AnswerRequest(string Answer);

public sealed record OutcomeRequest(string YouSaid, string WeDid, OutcomeProgress Progress);
