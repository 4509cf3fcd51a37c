using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Agenda;

/// <summary>Asks for a meeting's agenda to be published once it is due (<see cref="MeetingsOptions.AgendaPublishDaysBefore"/>).</summary>
public sealed record PublishAgendaWhenDue(Guid MeetingId);

public static class AgendaPublicationHandler
{
    public static DateTimeOffset DueAt(Meeting meeting, MeetingsOptions options) => meeting.StartsAt.AddDays(-options.AgendaPublishDaysBefore);

    /// <summary>Schedules the publication of a meeting's agenda for when it falls due (a reschedule asks again; the
    /// handler looks at the meeting as it is then, so extra requests do nothing).</summary>
    public static ValueTask RequestPublication(IMessageBus bus, Guid meetingId, DateTimeOffset startsAt, MeetingsOptions options) =>
        bus.ScheduleAsync(new PublishAgendaWhenDue(meetingId), startsAt.AddDays(-options.AgendaPublishDaysBefore));

    /// <summary>Whether a meeting starting at <paramref name="startsAt"/> is already inside its publication window.</summary>
    public static bool DueNow(DateTimeOffset startsAt, MeetingsOptions options, DateTimeOffset now) =>
        startsAt.AddDays(-options.AgendaPublishDaysBefore) <= now;

    /// <summary>
    /// For a meeting being scheduled: its publication, in the same write when it is already due (a message run at once
    /// would race the clerk's next change to the meeting and turn it into a 409), else scheduled for when it falls due.
    /// </summary>
    public static async ValueTask<IReadOnlyList<object>> PublishNowOrWhenDue(IMessageBus bus, Guid meetingId, DateTimeOffset startsAt,
        MeetingsOptions options, DateTimeOffset now)
    {
        if (DueNow(startsAt, options, now)) return [new AgendaPublished(meetingId, now)];
        await RequestPublication(bus, meetingId, startsAt, options);
        return [];
    }

    public static async Task Handle(PublishAgendaWhenDue message, IDocumentSession session, IMessageBus bus, MeetingsOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Meeting>(message.MeetingId, ct);
        if (stream.Aggregate is not { Status: MeetingStatus.Scheduled, AgendaPublishedAt: null } meeting) return;
        var due = DueAt(meeting, options);
        var now = clock.GetUtcNow();
        if (due > now.AddSeconds(1))
        {
            await bus.ScheduleAsync(message, due); // rescheduled later since this was asked
            return;
        }
        stream.AppendMany(Meeting.DecidePublishAgenda(meeting, now).ToArray());
    }
}

public sealed record AddAgendaItem(string? Title, bool? Exempt);

public static class AddAgendaItemEndpoint
{
    public static ProblemDetails Validate(AddAgendaItem? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("title", command.Title, 300).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid meetingId, AddAgendaItem command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var itemId = Guid.CreateVersion7();
        return MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideAddItem(meeting, itemId, command.Title!, command.Exempt ?? false, clock.GetUtcNow()),
            _ => new { itemId });
    }
}

public sealed record AttachPaper(string? Title, string? Url, bool? Exempt);

public static class AttachPaperEndpoint
{
    public static ProblemDetails Validate(AttachPaper? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("title", command.Title, 300)
            .Text("url", command.Url, 2000)
            .Check(command.Url is null || Uri.TryCreate(command.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "url", "'url' must be an absolute http(s) link to the paper.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items/{itemId}/papers"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Task<IResult> Post(Guid meetingId, Guid itemId, AttachPaper command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var paperId = Guid.CreateVersion7();
        return MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideAttachPaper(meeting, itemId, paperId, command.Title!, command.Url!, command.Exempt ?? false, clock.GetUtcNow()),
            _ => new { paperId });
    }
}

public sealed record EscalateItem(Guid? ToBodyId);

public static class EscalateItemEndpoint
{
    public static ProblemDetails Validate(EscalateItem? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("toBodyId", command.ToBodyId).ToProblem();

    /// <summary>
    /// Puts an item of this meeting on the next scheduled meeting of another body (e.g. the Working Group raises it with
    /// the county partnership), keeping where it came from. The next meeting is the first after this one and after now.
    /// </summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items/{itemId}/escalate"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid meetingId, Guid itemId, EscalateItem command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var toBodyId = command.ToBodyId!.Value;
        var source = await session.LoadAsync<Meeting>(meetingId, ct);
        var now = clock.GetUtcNow();
        var after = source is null || source.StartsAt < now ? now : source.StartsAt;
        var target = await Scheduling.NextMeeting(session, toBodyId, after, ct);
        var sourceBody = source is null ? null : await session.LoadAsync<BodyRef>(source.BodyId, ct);
        var newItemId = Guid.CreateVersion7();
        return await MeetingWrites.Change(session, meetingId, http, bus, meeting =>
            {
                var (sourceEvents, targetEvents) = Meeting.DecideEscalation(meeting, sourceBody, itemId, toBodyId, target, newItemId, now);
                session.Events.Append(target!.Id, targetEvents.ToArray());
                return sourceEvents;
            },
            _ => new { meetingId = target!.Id, itemId = newItemId, startsAt = target.StartsAt });
    }
}

public static class PublishAgendaEndpoint
{
    /// <summary>Publishes the agenda now, ahead of its due date.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid meetingId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        MeetingWrites.Change(session, meetingId, http, bus, meeting => Meeting.DecidePublishAgenda(meeting, clock.GetUtcNow()));
}

public sealed record DeclareInterest(Guid? MembershipId, Guid? ItemId, InterestNature? Nature, string? Details);

public static class DeclareInterestEndpoint
{
    public static ProblemDetails Validate(DeclareInterest? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("membershipId", command.MembershipId)
            .Id("itemId", command.ItemId)
            .Defined("nature", command.Nature)
            .Text("details", command.Details, 2000)
            .ToProblem();

    /// <summary>A member's declaration of interest in an item; the minutes record it.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/interests"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid meetingId, DeclareInterest command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var member = await session.LoadAsync<MemberRef>(command.MembershipId!.Value, http.RequestAborted);
        return await MeetingWrites.Change(session, meetingId, http, bus,
            meeting => Meeting.DecideInterest(meeting, member, command.MembershipId.Value, command.ItemId!.Value, command.Nature!.Value,
                command.Details!, clock.GetUtcNow()));
    }
}
