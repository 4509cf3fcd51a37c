using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Bodies;

namespace CommunitySafety.Governance.Strategy;

// Open data for residents and the Open Forum: anonymous, JSON, nothing of a confidential body (the ASB case panel) or an exempt item.

public sealed record OpenPriority(Guid Id, string Title, string Rationale, IReadOnlyList<string> DrawsOn);

public sealed record OpenReview(int Year, ReviewOutcome Outcome, string Notes, int Version);

/// <summary>The Community Safety Agreement in force: the version its county partnership last agreed.</summary>
public sealed record OpenAgreement(
    Guid Id, string Title, int Year, int PlanYear, int Version, Guid AgreedByDecisionId, DateTimeOffset? AgreedAt, string CountyPartnership,
    bool RefreshAwaitingAdoption, IReadOnlyList<OpenPriority> Priorities, IReadOnlyList<OpenReview> Reviews);

/// <summary>A public decision: a partnership decision (not of a confidential body, not under an exempt item) or a grant award.</summary>
public sealed record OpenDecision(
    Guid Id, string Kind, DateTimeOffset At, Guid? BodyId, string? Body, string Summary, string? AgendaReference, bool? ConsensusReached,
    decimal? Amount, string? Currency);

public static class OpenDataEndpoints
{
    public const string Base = "/api/governance/open";

    /// <summary>The agreement in force: of those agreed by a decision, the one most recently agreed.</summary>
    public static async Task<CommunitySafetyAgreement?> InForce(IQuerySession session, CancellationToken ct) =>
        await session.Query<CommunitySafetyAgreement>().Where(a => a.LastAgreedAt != null).OrderByDescending(a => a.LastAgreedAt).FirstOrDefaultAsync(ct);

    private static DomainRuleViolation NoneInForce() =>
        new("no-agreement-in-force", "No Community Safety Agreement has been agreed by the county partnership yet.", Refusal.NotFound);

    /// <summary>The Community Safety Agreement in force, with its priorities, what they draw on and its annual reviews.</summary>
    [WolverineGet(Base + "/agreement"), AllowAnonymous]
    [ProducesResponseType<OpenAgreement>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<OpenAgreement> Agreement(IQuerySession session, CancellationToken ct)
    {
        var agreement = await InForce(session, ct) ?? throw NoneInForce();
        var version = agreement.InForce!;
        var assessments = (await session.LoadManyAsync<StrategicAssessmentView>(ct, version.Priorities.SelectMany(p => p.DrawsOn).Select(d => d.AssessmentId).Distinct()))
            .ToDictionary(a => a.Id);
        var county = await session.LoadAsync<BodyView>(agreement.CountyBodyId, ct);
        return new OpenAgreement(agreement.Id, agreement.Title, agreement.Year, agreement.PlanYear, version.Number, version.AgreedByDecisionId!.Value,
            version.AgreedAt, county?.Name ?? "", agreement.Status == AgreementStatus.RefreshAwaitingAdoption,
            [.. version.Priorities.Select(p => new OpenPriority(p.Id, p.Title, p.Rationale, [.. p.DrawsOn.Select(d => Describe(d, assessments))]))],
            [.. agreement.Reviews.Select(r => new OpenReview(r.Year, r.Outcome, r.Notes, r.Version))]);
    }

    private static string Describe(PriorityEvidence evidence, IReadOnlyDictionary<Guid, StrategicAssessmentView> assessments)
    {
        if (!assessments.TryGetValue(evidence.AssessmentId, out var a)) return "";
        var priority = evidence.PriorityId is { } pid ? a.Priority(pid) : null;
        return priority is null ? $"{a.PartnershipName} strategic assessment {a.Year}" : $"{a.PartnershipName} strategic assessment {a.Year}: {priority.Title}";
    }

    /// <summary>The action plan of the agreement in force (the lines under its priorities), each line with its owner, RAG status and % progress.</summary>
    [WolverineGet(Base + "/action-plan"), AllowAnonymous]
    [ProducesResponseType<ActionPlanView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<ActionPlanView> ActionPlan(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var agreement = await InForce(session, ct) ?? throw NoneInForce();
        var priorities = agreement.InForce!.Priorities.Select(p => p.Id).ToHashSet();
        return ActionPlanView.Of(agreement, agreement.Lines.Where(l => priorities.Contains(l.PriorityId)), PartnershipCalendar.Today(clock.GetUtcNow()));
    }

    /// <summary>
    /// The partnership's public decisions, newest first (by the time recorded), a page at a time: decisions of its bodies
    /// (never those of a confidential body — the ASB case panel, or one marked so, also since the decision entered the
    /// feed — nor under an exempt item, nor of a body Governance does not know) and grant awards. Read from open data's
    /// own documents (<see cref="PublicDecision"/>), never the event history.
    /// </summary>
    [WolverineGet(Base + "/decisions"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<OpenDecision>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Decisions(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var ct = http.RequestAborted;
        // the bodies whose decisions may be shown: known here, and not confidential now
        var bodies = (await session.Query<BodyView>().Select(b => new { b.Id, b.Name, b.Kind, b.MarkedConfidential }).ToListAsync(ct))
            .Where(b => !BodyConfidentiality.IsConfidential(b.Kind, b.MarkedConfidential))
            .ToDictionary(b => b.Id, b => b.Name);
        var shown = bodies.Keys.Select(id => (Guid?)id).ToArray();
        var decisions = await session.Query<PublicDecision>()
            .Where(d => d.Kind == PublicDecision.GrantAwardKind || shown.Contains(d.BodyId))
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id)
            .ToPageAsync(request, ct);
        return decisions.Select(d => d.View(d.BodyId is { } id ? bodies[id] : null)).Ok(http);
    }
}
