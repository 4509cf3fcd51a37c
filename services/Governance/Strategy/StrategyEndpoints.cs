using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Strategy;

public static class StrategyUrls
{
    public const string Base = "/api/governance/strategy";
    public const string Assessments = Base + "/assessments";
    public const string Agreements = Base + "/agreements";

    public static string Agreement(Guid id) => $"{Agreements}/{id}";
    public static string Plan(Guid id) => $"{Agreement(id)}/plan";

    internal static async Task<IReadOnlyDictionary<Guid, StrategicAssessment>> LoadAssessments(IQuerySession session, IEnumerable<Guid> ids,
        CancellationToken ct) =>
        (await session.LoadManyAsync<StrategicAssessment>(ct, ids.ToArray())).ToDictionary(a => a.Id);
}

public static class SubmitAssessmentEndpoint
{
    public static ProblemDetails Validate(SubmitAssessment? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("partnershipName", command.PartnershipName, StrategyFields.MaxTitle)
            .Year("year", command.Year)
            .Items("priorities", command.Priorities, true, (e, f, p) => e
                .Text($"{f}.title", p.Title, StrategyFields.MaxTitle)
                .Text($"{f}.evidence", p.Evidence, StrategyFields.MaxText))
            .ToProblem();

    /// <summary>A local partnership's annual strategic assessment: its priorities, each with the evidence for it. One per partnership and year.</summary>
    [WolverinePost(StrategyUrls.Assessments), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(SubmitAssessment command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var year = command.Year!.Value;
        var existing = await session.Query<StrategicAssessment>().Where(a => a.Year == year).ToListAsync(ct);
        var events = StrategicAssessment.DecideSubmit(id, command.PartnershipName!, year,
            [.. command.Priorities!.Select(p => (p!.Title!, p.Evidence!))], existing, Guid.CreateVersion7, clock.GetUtcNow());
        return await session.Start<StrategicAssessment>(id, events, $"{StrategyUrls.Assessments}/{id}", bus, IntegrationEvents.ToContract);
    }
}

public static class GetAssessmentsEndpoint
{
    /// <param name="year">When given, only that year's assessments.</param>
    /// <param name="limit">Assessments a page (1–500, default 100).</param>
    /// <param name="page">Which page (from 1).</param>
    /// <param name="session">Governance's read session.</param>
    /// <param name="http">The request (for the paging headers of the answer).</param>
    [WolverineGet(StrategyUrls.Assessments)]
    [ProducesResponseType<IReadOnlyList<StrategicAssessment>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? year, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var query = session.Query<StrategicAssessment>().AsQueryable();
        if (year is { } y) query = query.Where(a => a.Year == y);
        return (await query.OrderByDescending(a => a.Year).ThenBy(a => a.PartnershipName).ThenBy(a => a.Id)
            .ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet(StrategyUrls.Assessments + "/{id}")]
    [ProducesResponseType<StrategicAssessment>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<StrategicAssessment>(id, http.RequestAborted), id, http, a => a.Version);
}

public static class DraftAgreementEndpoint
{
    public static ProblemDetails Validate(DraftAgreement? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
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
    public static async Task<IResult> Post(DraftAgreement command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var body = await session.LoadAsync<Body>(command.CountyBodyId!.Value, ct);
        var assessments = await StrategyUrls.LoadAssessments(session, StrategyFields.AssessmentIds(command.Priorities), ct);
        var events = CommunitySafetyAgreement.DecideDraft(id, command.Year!.Value, command.Title!, body, command.CountyBodyId.Value,
            StrategyFields.ToInputs(command.Priorities!), assessments, Guid.CreateVersion7, clock.GetUtcNow());
        return await session.Start<CommunitySafetyAgreement>(id, events, StrategyUrls.Agreement(id), bus, IntegrationEvents.ToContract);
    }
}

public static class GetAgreementsEndpoint
{
    /// <summary>The agreements, latest year first, a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1).</summary>
    [WolverineGet(StrategyUrls.Agreements)]
    [ProducesResponseType<IReadOnlyList<CommunitySafetyAgreement>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return (await session.Query<CommunitySafetyAgreement>().OrderByDescending(a => a.Year).ThenByDescending(a => a.DraftedAt).ThenBy(a => a.Id)
            .ToPageAsync(request, http.RequestAborted)).Ok(http);
    }

    [WolverineGet(StrategyUrls.Agreements + "/{id}")]
    [ProducesResponseType<CommunitySafetyAgreement>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        StreamWrites.Read(await session.LoadAsync<CommunitySafetyAgreement>(id, http.RequestAborted), id, http, a => a.Version);

    /// <summary>The action plan with each line's RAG status and % progress, derived as of today (see <see cref="PlanRag"/>).</summary>
    [WolverineGet(StrategyUrls.Agreements + "/{id}/plan")]
    [ProducesResponseType<ActionPlanView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Plan(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var agreement = await session.LoadAsync<CommunitySafetyAgreement>(id, http.RequestAborted);
        if (agreement is null) return Problems.NotFound(nameof(CommunitySafetyAgreement), id);
        http.Response.Headers.ETag = StreamWrites.ETag(agreement.Version);
        return Results.Ok(ActionPlanView.Of(agreement, agreement.Lines, PartnershipCalendar.Today(clock.GetUtcNow())));
    }
}

public static class ReviewAgreementEndpoint
{
    public static ProblemDetails Validate(ReviewAgreement? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Year("year", command.Year)
            .Defined("outcome", command.Outcome)
            .Text("notes", command.Notes, StrategyFields.MaxText)
            .Priorities(command.Priorities, required: command.Outcome == ReviewOutcome.Refreshed)
            .Check(command.Outcome != ReviewOutcome.NoChange || command.Priorities is not { Count: > 0 }, "priorities",
                "A review with outcome NoChange gives no priorities.")
            .ToProblem();

    /// <summary>The annual review: <c>Refreshed</c> with the refreshed priorities (a new version, for a decision to agree) or <c>NoChange</c>.</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/reviews"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid id, ReviewAgreement command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var assessments = await StrategyUrls.LoadAssessments(session, StrategyFields.AssessmentIds(command.Priorities), http.RequestAborted);
        return await session.Append<CommunitySafetyAgreement>(id, http,
            agreement => CommunitySafetyAgreement.DecideReview(agreement, command.Year!.Value, command.Outcome!.Value, command.Notes!,
                command.Priorities is { Count: > 0 } p ? StrategyFields.ToInputs(p) : null, assessments, Guid.CreateVersion7, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract,
            events => new { version = events.OfType<AgreementReviewed>().Single().Outcome == ReviewOutcome.Refreshed ? "new" : "unchanged" });
    }
}

public static class AddPlanLineEndpoint
{
    public static ProblemDetails Validate(AddPlanLine? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("priorityId", command.PriorityId)
            .Text("title", command.Title, StrategyFields.MaxTitle)
            .Id("ownerOrganisationId", command.OwnerOrganisationId)
            .Items("milestones", command.Milestones, false, (e, f, m) => e
                .Text($"{f}.title", m.Title, StrategyFields.MaxTitle)
                .Check(m.DueOn is not null, $"{f}.dueOn", $"'{f}.dueOn' is required (a date, e.g. 2027-06-30)."))
            .Items("measures", command.Measures, false, (e, f, m) => e
                .Text($"{f}.name", m.Name, StrategyFields.MaxTitle)
                .Text($"{f}.unit", m.Unit, 50, required: false)
                .Check(m.Baseline is not null, $"{f}.baseline", $"'{f}.baseline' is required.")
                .Check(m.Target is not null, $"{f}.target", $"'{f}.target' is required.")
                .Check(m.Baseline is null || m.Target is null || m.Baseline != m.Target, $"{f}.target",
                    $"'{f}.target' must differ from the baseline: progress is measured from one toward the other."))
            .Check(command.Milestones is { Count: > 0 } || command.Measures is { Count: > 0 }, "milestones",
                "A line has at least one milestone or measure to judge its progress by.")
            .ToProblem();

    /// <summary>A line of the action plan under a county priority, owned by a registered organisation, with milestones and measures.</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid id, AddPlanLine command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var owner = await session.LoadAsync<Organisation>(command.OwnerOrganisationId!.Value, http.RequestAborted);
        var lineId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        return await session.Append<CommunitySafetyAgreement>(id, http,
            agreement => CommunitySafetyAgreement.DecideAddLine(agreement, lineId, command.PriorityId!.Value, command.Title!, owner,
                command.OwnerOrganisationId.Value, [.. (command.Milestones ?? []).Select(m => (m!.Title!, m.DueOn!.Value))],
                [.. (command.Measures ?? []).Select(m => (m!.Name!, m.Unit, m.Baseline!.Value, m.Target!.Value))],
                PartnershipCalendar.Today(now), Guid.CreateVersion7, now),
            bus, IntegrationEvents.ToContract,
            events => events.OfType<PlanLineAdded>().Select(l => new
            {
                lineId,
                milestones = l.Milestones.Select(m => new { m.Id, m.Title }),
                measures = l.Measures.Select(m => new { m.Id, m.Name }),
            }).Single(),
            then: events => PlanLineCheckHandler.ScheduleChecks(bus, id, lineId, events.OfType<PlanLineAdded>().Single().Milestones, now));
    }
}

public static class RecordActualEndpoint
{
    public static ProblemDetails Validate(RecordActual? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Id("measureId", command.MeasureId)
            .Check(PlanQuarter.TryParse(command.Quarter, out _), "quarter", "'quarter' is required: a quarter of a plan year, e.g. 2027-Q1 (April–June 2027).")
            .Check(command.Actual is not null, "actual", "'actual' is required.")
            .ToProblem();

    /// <summary>A quarter's actual for one of the line's measures; the line's RAG is derived again (a turn to Red raises an exception).</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines/{lineId}/actuals"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Task<IResult> Post(Guid id, Guid lineId, RecordActual command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        _ = PlanQuarter.TryParse(command.Quarter, out var quarter);
        return session.Append<CommunitySafetyAgreement>(id, http,
            agreement => CommunitySafetyAgreement.DecideRecordActual(agreement, lineId, command.MeasureId!.Value, quarter, command.Actual!.Value,
                PartnershipCalendar.Today(now), Guid.CreateVersion7, now),
            bus, IntegrationEvents.ToContract, LineOutcome.Of);
    }
}

public static class CompleteMilestoneEndpoint
{
    public static ProblemDetails Validate(CompleteMilestone? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.On is not null, "on", "'on' is required (the date it was completed, e.g. 2027-06-30).").ToProblem();

    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines/{lineId}/milestones/{milestoneId}/complete"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid id, Guid lineId, Guid milestoneId, CompleteMilestone command, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        return session.Append<CommunitySafetyAgreement>(id, http,
            agreement => CommunitySafetyAgreement.DecideCompleteMilestone(agreement, lineId, milestoneId, command.On!.Value,
                PartnershipCalendar.Today(now), Guid.CreateVersion7, now),
            bus, IntegrationEvents.ToContract, LineOutcome.Of);
    }
}

/// <summary>What a change to a line answers: the RAG it turned to, and the exception it raised, if any.</summary>
internal static class LineOutcome
{
    public static object Of(IReadOnlyList<object> events) => new
    {
        ragChangedTo = events.OfType<PlanLineRagChanged>().Select(e => (Rag?)e.To).LastOrDefault(),
        exceptionRaised = events.OfType<PlanExceptionRaised>().Select(e => (Guid?)e.EscalationId).LastOrDefault(),
    };
}

public static class StrategyStreams
{
    /// <summary>Assessments and agreements are streams; their inline snapshots are the read models.</summary>
    public static void AddStrategyStreams(this Marten.StoreOptions opts)
    {
        opts.Projections.Snapshot<StrategicAssessment>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CommunitySafetyAgreement>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<StrategicAssessment>().Index(a => a.Year);
        PublicDecision.Configure(opts);
    }
}
