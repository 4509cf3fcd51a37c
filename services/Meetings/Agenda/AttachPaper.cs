using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Agenda;

public sealed record AttachPaper(string? Title, string? Url, bool? Exempt);

/// <summary>The new paper's id.</summary>
public sealed record PaperAttachedAnswer(Guid PaperId);

/// <summary>A paper (a link) for an item of the agenda; a paper of an exempt item is exempt whatever it says.</summary>
public static class AttachPaperEndpoint
{
    public static ProblemDetails Validate(AttachPaper command) =>
        new FieldErrors()
            .Text("title", command.Title, 300)
            .Text("url", command.Url, 2000)
            .Check(command.Url is null || Uri.TryCreate(command.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "url", "'url' must be an absolute http(s) link to the paper.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/agenda/items/{itemId}/papers"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<PaperAttachedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static (PaperAttachedAnswer, Events) Post(Guid itemId, AttachPaper command, [VersionedAggregate] Meeting meeting, ClaimsPrincipal user,
        TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var paperId = Guid.CreateVersion7();
        return (new PaperAttachedAnswer(paperId),
            [.. Meeting.DecideAttachPaper(meeting, itemId, paperId, command.Title!, command.Url!, command.Exempt ?? false, clock.GetUtcNow())]);
    }
}
