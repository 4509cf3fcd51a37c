using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Agenda;

public sealed record EscalateItem(Guid? ToBodyId);

/// <summary>Where the item went: the other body's meeting, the new item's id there, and when that meeting starts.</summary>
public sealed record ItemEscalatedAnswer(Guid MeetingId, Guid ItemId, DateTimeOffset StartsAt);

/// <summary>
/// Puts an item of this meeting on the next scheduled meeting of another body (e.g. the Working Group raises it with the
/// county partnership), keeping where it came from. The next meeting is the first after this one and after now. Both
/// meetings are written in one transaction (the other fetched for writing too, so a concurrent change to either is a 409).
/// </summary>
public static class EscalateItemEndpoint
{
    public static ProblemDetails Validate(EscalateItem command) =>
        new FieldErrors().Id("toBodyId", command.ToBodyId).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items/{itemId}/escalate"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<ItemEscalatedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(ItemEscalatedAnswer, Events)> Post(Guid itemId, EscalateItem command, [VersionedAggregate] Meeting meeting,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var toBodyId = command.ToBodyId!.Value;
        var now = clock.GetUtcNow();
        var next = await Scheduling.NextMeeting(session, toBodyId, meeting.StartsAt < now ? now : meeting.StartsAt, ct);
        // (the body's own next meeting is refused by the rule: no second fetch of this stream)
        var other = next is null || next.Id == meeting.Id ? null : await session.Events.FetchForWriting<Meeting>(next.Id, ct);
        var target = other is null ? next : other.Aggregate;
        var sourceBody = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        var newItemId = Guid.CreateVersion7();
        var (toThis, toTarget) = Meeting.DecideEscalation(meeting, sourceBody, itemId, toBodyId, target, newItemId, now);
        other!.AppendMany(toTarget.ToArray());
        return (new ItemEscalatedAnswer(target!.Id, newItemId, target.StartsAt), [.. toThis]);
    }
}
