namespace CommunitySafety.Meetings.Public;

public sealed record ModerateQuestion(bool? Accept, string? Reason);

/// <summary>Accepts a submission for the meeting, or rejects it with a reason (kept from the public).</summary>
public static class ModerateQuestionEndpoint
{
    public static ProblemDetails Validate(ModerateQuestion command) =>
        new FieldErrors()
            .Check(command.Accept is not null, "accept", "'accept' is required (true or false).")
            .Text("reason", command.Reason, 1000, required: command.Accept == false)
            .ToProblem();

    [WolverinePost("/api/meetings/questions/{questionId}/moderation"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post(ModerateQuestion command, [VersionedAggregate("questionId")] PublicQuestion question, ClaimsPrincipal user,
        TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, question.BodyId);
        return [.. PublicQuestion.DecideModerate(question, command.Accept!.Value, command.Reason, user.DisplayName(), clock.GetUtcNow())];
    }
}
