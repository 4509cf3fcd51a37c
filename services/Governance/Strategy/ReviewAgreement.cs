namespace CommunitySafety.Governance.Strategy;

/// <summary>Whether the review made a new version of the agreement (<c>new</c>) or left it as it was (<c>unchanged</c>).</summary>
public sealed record AgreementReviewedAnswer(string Version);

/// <summary>The agreement's annual review.</summary>
public static class ReviewAgreementEndpoint
{
    public static ProblemDetails Validate(ReviewAgreement command) =>
        new FieldErrors()
            .Year("year", command.Year)
            .Defined("outcome", command.Outcome)
            .Text("notes", command.Notes, StrategyFields.MaxText)
            .Priorities(command.Priorities, required: command.Outcome == ReviewOutcome.Refreshed)
            .Check(command.Outcome != ReviewOutcome.NoChange || command.Priorities is not { Count: > 0 }, "priorities",
                "A review with outcome NoChange gives no priorities.")
            .ToProblem();

    /// <summary>The annual review: <c>Refreshed</c> with the refreshed priorities (a new version, for a decision to agree) or <c>NoChange</c>.</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/reviews"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<AgreementReviewedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(AgreementReviewedAnswer, Events)> Post(ReviewAgreement command, [VersionedAggregate] CommunitySafetyAgreement agreement,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var assessments = await StrategyUrls.LoadAssessments(session, StrategyFields.AssessmentIds(command.Priorities), ct);
        var events = CommunitySafetyAgreement.DecideReview(agreement, command.Year!.Value, command.Outcome!.Value, command.Notes!,
            command.Priorities is { Count: > 0 } p ? StrategyFields.ToInputs(p) : null, assessments, Guid.CreateVersion7, clock.GetUtcNow());
        var refreshed = events.OfType<AgreementReviewed>().Single().Outcome == ReviewOutcome.Refreshed;
        return (new AgreementReviewedAnswer(refreshed ? "new" : "unchanged"), [.. events]);
    }
}
