using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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
    public const int DefaultLimit = 100, MaxLimit = 500;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The agreement in force: of those agreed by a decision, the one most recently agreed.</summary>
    public static async Task<CommunitySafetyAgreement?> InForce(IQuerySession session, CancellationToken ct) =>
        await session.Query<CommunitySafetyAgreement>().Where(a => a.LastAgreedAt != null).OrderByDescending(a => a.LastAgreedAt).FirstOrDefaultAsync(ct);

    private static DomainRuleViolation NoneInForce() =>
        new("no-agreement-in-force", "No Community Safety Agreement has been agreed by the county partnership yet.", 404);

    /// <summary>The Community Safety Agreement in force, with its priorities, what they draw on and its annual reviews.</summary>
    [WolverineGet(Base + "/agreement"), AllowAnonymous]
    [ProducesResponseType<OpenAgreement>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<OpenAgreement> Agreement(IQuerySession session, CancellationToken ct)
    {
        var agreement = await InForce(session, ct) ?? throw NoneInForce();
        var version = agreement.InForce!;
        var assessments = await StrategyUrls.LoadAssessments(session, version.Priorities.SelectMany(p => p.DrawsOn).Select(d => d.AssessmentId).Distinct(), ct);
        var county = await session.LoadAsync<Body>(agreement.CountyBodyId, ct);
        return new OpenAgreement(agreement.Id, agreement.Title, agreement.Year, agreement.PlanYear, version.Number, version.AgreedByDecisionId!.Value,
            version.AgreedAt, county?.Name ?? "", agreement.Status == AgreementStatus.RefreshAwaitingAdoption,
            [.. version.Priorities.Select(p => new OpenPriority(p.Id, p.Title, p.Rationale, [.. p.DrawsOn.Select(d => Describe(d, assessments))]))],
            [.. agreement.Reviews.Select(r => new OpenReview(r.Year, r.Outcome, r.Notes, r.Version))]);
    }

    private static string Describe(PriorityEvidence evidence, IReadOnlyDictionary<Guid, StrategicAssessment> assessments)
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
    /// The partnership's public decisions, newest first, from Governance's decision feed: decisions of its bodies (never
    /// those of a confidential body — the ASB case panel, or one marked so — nor under an exempt item, nor of a body
    /// Governance does not know) and grant awards.
    /// </summary>
    [WolverineGet(Base + "/decisions"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<OpenDecision>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Decisions(int? limit, IQuerySession session, CancellationToken ct)
    {
        var problem = new FieldErrors().Range("limit", limit, 1, MaxLimit).ToProblem();
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems)) return Results.Problem(problem);
        var take = limit ?? DefaultLimit;

        var bodies = (await session.Query<Body>().Select(b => new { b.Id, b.Name, b.Kind, b.MarkedConfidential }).ToListAsync(ct)).ToDictionary(b => b.Id);
        var decisions = new List<OpenDecision>();
        long before = long.MaxValue;
        while (decisions.Count < take)
        {
            var page = await session.Events.QueryAllRawEvents()
                .Where(e => e.EventTypesAre(typeof(DecisionEventPublished)))
                .Where(e => e.Sequence < before)
                .OrderByDescending(e => e.Sequence)
                .Take(200)
                .ToListAsync(ct);
            if (page.Count == 0) break;
            before = page[^1].Sequence;
            foreach (var e in page)
            {
                var cloudEvent = ((DecisionEventPublished)e.Data).Event;
                if (cloudEvent.Type == DecisionEvents.DecisionRecordedType && cloudEvent.Data.Deserialize<DecisionRecorded>(Web) is { } d)
                {
                    // the feed holds no confidential or exempt decision; a body marked confidential since is left out too
                    if (!bodies.TryGetValue(d.BodyId, out var body) || BodyConfidentiality.IsConfidential(body.Kind, body.MarkedConfidential)
                        || !DecisionEvents.Publishable(d, false)) continue;
                    decisions.Add(new OpenDecision(d.DecisionId, "decision", d.RecordedAt, d.BodyId, body.Name, d.Text!, d.AgendaReference,
                        d.ConsensusReached, null, null));
                }
                else if (cloudEvent.Type == DecisionEvents.GrantAwardedType && cloudEvent.Data.Deserialize<GrantAwarded>(Web) is { } g)
                    decisions.Add(new OpenDecision(g.AwardId, "grant-award", g.RecordedAt, null, null, g.Title, null, null, g.Amount, g.Currency));
                if (decisions.Count == take) break;
            }
        }
        return Results.Ok(decisions);
    }
}
