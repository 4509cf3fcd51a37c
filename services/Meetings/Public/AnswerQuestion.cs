using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Public;

public sealed record AnswerQuestion(string? Answer);

/// <summary>Answers an accepted question, at or after the start of its meeting.</summary>
public static class AnswerQuestionEndpoint
{
    public static ProblemDetails Validate(AnswerQuestion command) =>
        new FieldErrors().Text("answer", command.Answer, 4000).ToProblem();

    [WolverinePost("/api/meetings/questions/{questionId}/answer"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<Events> Post(AnswerQuestion command, [VersionedAggregate("questionId")] PublicQuestion question, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, question.BodyId);
        var meeting = await session.LoadAsync<Meeting>(question.MeetingId, ct);
        return [.. PublicQuestion.DecideAnswer(question, meeting?.StartsAt ?? DateTimeOffset.MinValue, command.Answer!, user.DisplayName(), clock.GetUtcNow())];
    }
}
