using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Agenda;

/// <summary>Asks for a meeting's agenda to be published once it is due (<see cref="MeetingsOptions.AgendaPublishDaysBefore"/>).</summary>
public sealed record PublishAgendaWhenDue(Guid MeetingId);

public static class AgendaPublicationHandler
{
    public static DateTimeOffset DueAt(Meeting meeting, MeetingsOptions options) => meeting.StartsAt.AddDays(-options.AgendaPublishDaysBefore);

    /// <summary>The publication of a meeting's agenda, scheduled for when it falls due (a reschedule asks again; the
    /// handler looks at the meeting as it is then, so extra requests do nothing). Returned by the write, it leaves through
    /// the outbox with the write's commit.</summary>
    public static object RequestPublication(Guid meetingId, DateTimeOffset startsAt, MeetingsOptions options) =>
        new PublishAgendaWhenDue(meetingId).ScheduledAt(startsAt.AddDays(-options.AgendaPublishDaysBefore));

    /// <summary>Whether a meeting starting at <paramref name="startsAt"/> is already inside its publication window.</summary>
    public static bool DueNow(DateTimeOffset startsAt, MeetingsOptions options, DateTimeOffset now) =>
        startsAt.AddDays(-options.AgendaPublishDaysBefore) <= now;

    /// <summary>
    /// For a meeting being scheduled: its publication, in the same write when it is already due (a message run at once
    /// would race the clerk's next change to the meeting and turn it into a 409), else scheduled for when it falls due.
    /// </summary>
    public static (IReadOnlyList<object> Events, OutgoingMessages Later) PublishNowOrWhenDue(Guid meetingId, DateTimeOffset startsAt,
        MeetingsOptions options, DateTimeOffset now) =>
        DueNow(startsAt, options, now) ? ([new AgendaPublished(meetingId, now)], []) : ([], [RequestPublication(meetingId, startsAt, options)]);

    /// <summary>
    /// Publishes the agenda when it is due. Nothing for a meeting that is gone, cancelled or already published (a
    /// redelivery, or a request made before a reschedule); asked again for later when the meeting was moved later since.
    /// </summary>
    public static (Events, OutgoingMessages) Handle(PublishAgendaWhenDue message, [WriteAggregate(Required = false)] Meeting? meeting,
        MeetingsOptions options, TimeProvider clock)
    {
        if (meeting is not { Status: MeetingStatus.Scheduled, AgendaPublishedAt: null }) return ([], []);
        var due = DueAt(meeting, options);
        var now = clock.GetUtcNow();
        // rescheduled later since this was asked
        if (due > now.AddSeconds(1)) return ([], [message.ScheduledAt(due)]);
        return ([.. Meeting.DecidePublishAgenda(meeting, now)], []);
    }
}
