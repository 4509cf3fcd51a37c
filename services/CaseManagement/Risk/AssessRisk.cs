using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Panel;

namespace CommunitySafety.CaseManagement.Risk;

public sealed record RiskAssessed(
    Guid CaseId, IReadOnlyDictionary<string, bool> Answers, int Score, RiskLevel Level, Guid AssessedByOrganisation, string AssessedBy,
    DateTimeOffset AssessedAt, DateOnly NextReviewDue);

public sealed record AssessRisk(Dictionary<string, bool>? Answers);

/// <summary>(Re-)assesses a case's risk with the configured matrix; the level sets when the panel must next review it.</summary>
public static class AssessRiskEndpoint
{
    public static ProblemDetails Validate(AssessRisk command, RiskMatrix matrix)
    {
        var errors = new FieldErrors();
        foreach (var (field, message) in matrix.Check(command.Answers)) errors.Add(field, message);
        return errors.ToProblem();
    }

    public static RiskAssessed Decide(CaseFile file, IReadOnlyDictionary<string, bool> answers, RiskMatrix matrix, ReviewSchedule schedule,
        Guid organisation, string assessor, DateTimeOffset now)
    {
        var (score, level) = matrix.Assess(answers);
        return new RiskAssessed(file.EnsureOpen().Id, answers, score, level, organisation, assessor, now,
            schedule.NextReviewDue(level, PartnershipCalendar.Today(now)));
    }

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    /// <summary>The panel must hear of it if the review date passes unreviewed: the check is scheduled with the assessment.</summary>
    [WolverinePost("/api/cases/{caseId}/risk-assessments"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType<RiskAssessedAnswer>(StatusCodes.Status200OK)]
    public static (RiskAssessedAnswer, Events, ScheduledMessage<ReviewDueCheck>) Post(AssessRisk command, [VersionedAggregate("caseId")] CaseFile file,
        RiskMatrix matrix, ReviewSchedule schedule, ClaimsPrincipal user, TimeProvider clock)
    {
        var assessed = Decide(file, command.Answers!, matrix, schedule, CaseAccess.Organisation(user)!.Value, user.DisplayName(), clock.GetUtcNow());
        return (new RiskAssessedAnswer(assessed.Score, assessed.Level, assessed.NextReviewDue), [assessed],
            ReviewDueCheckHandler.Scheduled(file.Id, assessed.NextReviewDue));
    }
}

/// <summary>The assessment's score and level, and when the panel must next review the case.</summary>
public sealed record RiskAssessedAnswer(int Score, RiskLevel Level, DateOnly NextReviewDue);

public static class GetRiskMatrixEndpoint
{
    /// <summary>The questions of the configured risk matrix, with their weights and the thresholds.</summary>
    // (a view, not the RiskMatrix itself: Wolverine's generated code cannot return a service it was given)
    [WolverineGet("/api/cases/risk-matrix")]
    public static RiskMatrixView Get(RiskMatrix matrix) => new(matrix.Questions, matrix.MediumThreshold, matrix.HighThreshold);
}

public sealed record RiskMatrixView(IReadOnlyList<RiskQuestion> Questions, int MediumThreshold, int HighThreshold);
