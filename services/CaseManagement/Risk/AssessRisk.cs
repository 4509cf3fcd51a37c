using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Risk;

public sealed record RiskAssessed(
    Guid CaseId, IReadOnlyDictionary<string, bool> Answers, int Score, RiskLevel Level, Guid AssessedByOrganisation, string AssessedBy,
    DateTimeOffset AssessedAt, DateOnly NextReviewDue);

public sealed record AssessRisk(Dictionary<string, bool>? Answers);

/// <summary>(Re-)assesses a case's risk with the configured matrix; the level sets when the panel must next review it.</summary>
public static class AssessRiskEndpoint
{
    public static ProblemDetails Validate(AssessRisk? command, RiskMatrix matrix)
    {
        if (command is null) return FieldErrors.MissingBody;
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

    [WolverinePost("/api/cases/{caseId}/risk-assessments"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, AssessRisk command, IDocumentSession session, RiskMatrix matrix, ReviewSchedule schedule,
        IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var organisation = CaseAccess.Organisation(http.User)!.Value;
        var assessor = http.User.DisplayName();
        RiskAssessed? assessed = null;
        var result = await session.Append<CaseFile>(caseId, http,
            file => [assessed = Decide(file, command.Answers!, matrix, schedule, organisation, assessor, clock.GetUtcNow())],
            bus, IntegrationEvents.None,
            events => events.OfType<RiskAssessed>().Select(e => new { e.Score, e.Level, e.NextReviewDue }).Single());
        // the panel must hear of it if the review date passes unreviewed
        if (assessed is not null) await Panel.ReviewDueCheckHandler.ScheduleAsync(bus, caseId, assessed.NextReviewDue);
        return result;
    }
}

public static class GetRiskMatrixEndpoint
{
    /// <summary>The questions of the configured risk matrix, with their weights and the thresholds.</summary>
    // (a view, not the RiskMatrix itself: Wolverine's generated code cannot return a service it was given)
    [WolverineGet("/api/cases/risk-matrix")]
    public static RiskMatrixView Get(RiskMatrix matrix) => new(matrix.Questions, matrix.MediumThreshold, matrix.HighThreshold);
}

public sealed record RiskMatrixView(IReadOnlyList<RiskQuestion> Questions, int MediumThreshold, int HighThreshold);
