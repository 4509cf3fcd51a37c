namespace CommunitySafety.Governance.Strategy;

/// <summary>Submits a local partnership's annual strategic assessment.</summary>
public static class SubmitAssessmentEndpoint
{
    public static ProblemDetails Validate(SubmitAssessment command) =>
        new FieldErrors()
            .Text("partnershipName", command.PartnershipName, StrategyFields.MaxTitle)
            .Year("year", command.Year)
            .Items("priorities", command.Priorities, true, (e, f, p) => e
                .Text($"{f}.title", p.Title, StrategyFields.MaxTitle)
                .Text($"{f}.evidence", p.Evidence, StrategyFields.MaxText))
            .ToProblem();

    /// <summary>A local partnership's annual strategic assessment: its priorities, each with the evidence for it. One per partnership and year.</summary>
    [WolverinePost(StrategyUrls.Assessments), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(IResult, IStartStream)> Post(SubmitAssessment command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var year = command.Year!.Value;
        var existing = await session.Query<StrategicAssessment>().Where(a => a.Year == year).ToListAsync(ct);
        var events = StrategicAssessment.DecideSubmit(id, command.PartnershipName!, year,
            [.. command.Priorities!.Select(p => (p!.Title!, p.Evidence!))], existing, Guid.CreateVersion7, clock.GetUtcNow());
        return NewStream.Start<StrategicAssessment>(id, $"{StrategyUrls.Assessments}/{id}", new { id }, [.. events]);
    }
}
