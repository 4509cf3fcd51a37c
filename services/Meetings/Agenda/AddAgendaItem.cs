using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Agenda;

public sealed record AddAgendaItem(string? Title, bool? Exempt);

/// <summary>The new item's id.</summary>
public sealed record AgendaItemAddedAnswer(Guid ItemId);

/// <summary>An item of business, numbered after the items already on the agenda; exempt items stay out of the public version.</summary>
public static class AddAgendaItemEndpoint
{
    public static ProblemDetails Validate(AddAgendaItem command) =>
        new FieldErrors().Text("title", command.Title, 300).ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<AgendaItemAddedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (AgendaItemAddedAnswer, Events) Post(AddAgendaItem command, [VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var itemId = Guid.CreateVersion7();
        return (new AgendaItemAddedAnswer(itemId), [.. Meeting.DecideAddItem(meeting, itemId, command.Title!, command.Exempt ?? false, clock.GetUtcNow())]);
    }
}
