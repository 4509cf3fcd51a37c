namespace CommunitySafety.Meetings.Public;

public sealed record RecordOutcome(string? YouSaid, string? WeDid, OutcomeProgress? Progress);

/// <summary>Records (or revises, until published) the "you said, we did" of an answered submission; progress defaults to Done.</summary>
public static class RecordOutcomeEndpoint
{
    public static ProblemDetails Validate(RecordOutcome command) =>
        new FieldErrors()
            .Text("youSaid", command.YouSaid, 2000)
            .Text("weDid", command.WeDid, 4000)
            .Check(command.Progress is null || Enum.IsDefined(command.Progress.Value), "progress",
                $"'progress' must be one of: {string.Join(", ", Enum.GetNames<OutcomeProgress>())}.")
            .ToProblem();

    [WolverinePost("/api/meetings/questions/{questionId}/outcome"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(RecordOutcome command, [VersionedAggregate("questionId")] PublicQuestion question, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, question.BodyId);
        return [.. PublicQuestion.DecideRecordOutcome(question, command.YouSaid!, command.WeDid!, command.Progress ?? OutcomeProgress.Done,
            user.DisplayName(), clock.GetUtcNow())];
    }
}
