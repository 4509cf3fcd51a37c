using CommunitySafety.Governance.Bodies;

namespace CommunitySafety.Governance.Strategy;

/// <summary>Drafts the county Community Safety Agreement for a year.</summary>
public static class DraftAgreementEndpoint
{
    public static ProblemDetails Validate(DraftAgreement command) =>
        new FieldErrors()
            .Year("year", command.Year)
            .Text("title", command.Title, StrategyFields.MaxTitle)
            .Id("countyBodyId", command.CountyBodyId)
            .Priorities(command.Priorities, required: true)
            .ToProblem();

    /// <summary>
    /// Drafts the county Community Safety Agreement from the local strategic assessments: county priorities, each with its
    /// rationale and the assessments (and their priorities) it draws on, reporting to the county partnership body. The id
    /// answered is the document a decision adopts (<c>adopts: [id]</c> on a Meetings decision).
    /// </summary>
    [WolverinePost(StrategyUrls.Agreements), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream)> Post(DraftAgreement command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var body = await session.LoadAsync<Body>(command.CountyBodyId!.Value, ct);
        var assessments = await StrategyUrls.LoadAssessments(session, StrategyFields.AssessmentIds(command.Priorities), ct);
        var events = CommunitySafetyAgreement.DecideDraft(id, command.Year!.Value, command.Title!, body, command.CountyBodyId.Value,
            StrategyFields.ToInputs(command.Priorities!), assessments, Guid.CreateVersion7, clock.GetUtcNow());
        return NewStream.Start<CommunitySafetyAgreement>(id, StrategyUrls.Agreement(id), new { id }, [.. events]);
    }
}
