namespace CommunitySafety.Governance.Strategy;

/// <summary>Records a quarter's actual for a measure of a plan line.</summary>
public static class RecordActualEndpoint
{
    public static ProblemDetails Validate(RecordActual command) =>
        new FieldErrors()
            .Id("measureId", command.MeasureId)
            .Check(PlanQuarter.TryParse(command.Quarter, out _), "quarter", "'quarter' is required: a quarter of a plan year, e.g. 2027-Q1 (April–June 2027).")
            .Check(command.Actual is not null, "actual", "'actual' is required.")
            .ToProblem();

    /// <summary>A quarter's actual for one of the line's measures; the line's RAG is derived again (a turn to Red raises an exception).</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines/{lineId}/actuals"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<LineOutcome>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static (LineOutcome, Events) Post(Guid lineId, RecordActual command, [VersionedAggregate] CommunitySafetyAgreement agreement, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        _ = PlanQuarter.TryParse(command.Quarter, out var quarter); // Validate has refused any other
        return LineOutcome.Of(CommunitySafetyAgreement.DecideRecordActual(agreement, lineId, command.MeasureId!.Value, quarter, command.Actual!.Value,
            PartnershipCalendar.Today(now), Guid.CreateVersion7, now));
    }
}
