using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Public;

namespace CommunitySafety.Meetings.Meetings;

public sealed record RescheduleMeeting(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, string? Reason);

/// <summary>The warnings about the new date.</summary>
public sealed record MeetingRescheduledAnswer(IReadOnlyList<string> Flags);

/// <summary>
/// Moves the meeting (and optionally its place); the reason is kept, and calendars see a new SEQUENCE. A meeting moved
/// into its agenda's publication window has its agenda published in the same write; otherwise the publication is asked
/// for again at the new time, as is the erasure of its residents' details when it now ends earlier.
/// </summary>
public static class RescheduleMeetingEndpoint
{
    public static ProblemDetails Validate(RescheduleMeeting command) =>
        new FieldErrors()
            .Check(command.StartsAt is not null, "startsAt", "'startsAt' is required (ISO 8601 date and time with offset).")
            .Text("location", command.Location, 300, required: false)
            .Text("reason", command.Reason, 1000)
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/reschedule"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<MeetingRescheduledAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(MeetingRescheduledAnswer, Events, OutgoingMessages)> Post(RescheduleMeeting command, [VersionedAggregate] Meeting meeting,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, MeetingsOptions options, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var startsAt = command.StartsAt!.Value;
        var now = clock.GetUtcNow();
        var flags = await Scheduling.FlagsFor(session, meeting.BodyId, meeting.Id, startsAt, now, ct);
        PublicNotice.Check(meeting.Public, startsAt, now, options.Public.AdvertiseDays);
        var moved = Meeting.DecideReschedule(meeting, startsAt, command.EndsAt, command.Location, command.Reason!, flags, now);
        var rescheduled = moved.OfType<MeetingRescheduled>().Single();

        Events events = [.. moved];
        // the details' erasure asked for again if the meeting now ends earlier
        var later = await ResidentDetailsRetentionHandler.RescheduleForMeetingAsync(session, meeting.Id, meeting.EndsAt, rescheduled.EndsAt, options, ct);
        if (meeting.AgendaPublishedAt is null)
        {
            // moved into its publication window: published in the same write (see PublishNowOrWhenDue)
            if (AgendaPublicationHandler.DueNow(startsAt, options, now)) events.AddRange(Meeting.DecidePublishAgenda(meeting, now));
            else later.Add(AgendaPublicationHandler.RequestPublication(meeting.Id, rescheduled.StartsAt, options));
        }
        return (new MeetingRescheduledAnswer(flags), events, later);
    }
}
