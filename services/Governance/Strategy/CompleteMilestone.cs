namespace CommunitySafety.Governance.Strategy;

/// <summary>Records that a milestone of a plan line was completed.</summary>
public static class CompleteMilestoneEndpoint
{
    public static ProblemDetails Validate(CompleteMilestone command) =>
        new FieldErrors().Check(command.On is not null, "on", "'on' is required (the date it was completed, e.g. 2027-06-30).").ToProblem();

    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines/{lineId}/milestones/{milestoneId}/complete"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<LineOutcome>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (LineOutcome, Events) Post(Guid lineId, Guid milestoneId, CompleteMilestone command,
        [VersionedAggregate] CommunitySafetyAgreement agreement, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return LineOutcome.Of(CommunitySafetyAgreement.DecideCompleteMilestone(agreement, lineId, milestoneId, command.On!.Value,
            PartnershipCalendar.Today(now), Guid.CreateVersion7, now));
    }
}
