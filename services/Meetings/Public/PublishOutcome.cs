namespace CommunitySafety.Meetings.Public;

/// <summary>Publishes the recorded outcome: it then appears in <c>/api/meetings/outcomes</c> and with the question.</summary>
public static class PublishOutcomeEndpoint
{
    [WolverinePost("/api/meetings/questions/{questionId}/outcome/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Events Post([VersionedAggregate("questionId")] PublicQuestion question, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, question.BodyId);
        return [.. PublicQuestion.DecidePublishOutcome(question, clock.GetUtcNow())];
    }
}
