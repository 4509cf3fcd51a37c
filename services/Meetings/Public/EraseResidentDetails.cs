using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.Meetings.Public;

public sealed record EraseResidentDetails(string? Reason);

/// <summary>
/// A clerk erases a resident's name, contact and location from a question (e.g. at the resident's request): shreds the
/// question's data key, in the transaction that records who erased the details and why. From then on no event or
/// snapshot can be opened to them, and the question reads as <c>erased: true</c>.
/// </summary>
public static class EraseResidentDetailsEndpoint
{
    public static ProblemDetails Validate(EraseResidentDetails command) =>
        new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    [WolverinePost("/api/meetings/questions/{questionId}/erase-details"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(EraseResidentDetails command, [VersionedAggregate("questionId")] PublicQuestion question, IDocumentSession session,
        DataKeys keys, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, question.BodyId);
        var events = PublicQuestion.DecideEraseDetails(question, command.Reason!, user.DisplayName(), clock.GetUtcNow());
        keys.Shred(session, question.Id); // committed with the event, or not at all
        return [.. events];
    }
}
