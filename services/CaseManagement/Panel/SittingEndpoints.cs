using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record ScheduleSitting(DateOnly? SittingOn);

/// <summary>
/// The panel chair schedules a sitting; its agenda is built at once from the open cases, every case's reason for
/// being on or off recorded. The agenda lists references, areas and risk levels only: no personal data. Every case it
/// considered is in the request's audit.
/// </summary>
public static class ScheduleSittingEndpoint
{
    public static ProblemDetails Validate(ScheduleSitting? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.SittingOn is not null, "sittingOn", "'sittingOn' (a date) is required.").ToProblem();

    [WolverinePost("/api/cases/panel/sittings"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<PanelSitting>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> Post(ScheduleSitting command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var scheduled = new PanelSittingScheduled(id, command.SittingOn!.Value, http.User.DisplayName(), now);
        var sitting = PanelSitting.Create(scheduled);
        var agenda = PanelSitting.DecideAgenda(sitting, await CaseQueries.OpenAsync(session, http.RequestAborted), http.User.DisplayName(), now);
        CaseAudit.Listed(http, agenda.Considered.Select(e => e.CaseId));
        return await session.Start<PanelSitting>(id, [scheduled, agenda], $"/api/cases/panel/sittings/{id}", bus, Cases.IntegrationEvents.None,
            sitting.Apply(agenda) with { Version = 2 });
    }
}

/// <summary>Rebuilds a sitting's agenda from the cases as they are now (until its first review is recorded).</summary>
public static class RebuildAgendaEndpoint
{
    [WolverinePost("/api/cases/panel/sittings/{sittingId}/agenda"), Authorize(Roles = CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid sittingId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var cases = await CaseQueries.OpenAsync(session, http.RequestAborted);
        return await session.Append<PanelSitting>(sittingId, http,
            sitting => [PanelSitting.DecideAgenda(sitting, cases, http.User.DisplayName(), clock.GetUtcNow())],
            bus, Cases.IntegrationEvents.None,
            events => events.OfType<AgendaBuilt>().Single(),
            events =>
            {
                CaseAudit.Listed(http, events.OfType<AgendaBuilt>().Single().Considered.Select(e => e.CaseId));
                return Task.CompletedTask;
            });
    }
}

public static class ReadSittingEndpoints
{
    /// <summary>A sitting with its agenda (every open case considered, with its risk and review date): for current ISA signatories.</summary>
    [WolverineGet("/api/cases/panel/sittings/{sittingId}"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<PanelSitting>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid sittingId, IQuerySession session, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var sitting = sittingId == Guid.Empty ? null : await session.LoadAsync<PanelSitting>(sittingId, http.RequestAborted);
        if (sitting is not null)
            CaseAudit.Listed(http, (sitting.Agenda?.Considered.Select(e => e.CaseId) ?? []).Concat(sitting.Reviewed.Select(r => r.CaseId)));
        return StreamWrites.Read(sitting, sittingId, http, s => s.Version);
    }

    /// <summary>Two years of monthly sittings a page unless asked, at most 100.</summary>
    public static readonly PageSize Pages = new(24, 100);

    /// <summary>Sittings, most recent first, optionally from a date; a page at a time (<c>limit</c> 1–100, default 24; <c>page</c> from 1).</summary>
    [WolverineGet("/api/cases/panel/sittings"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<SittingSummary>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(DateOnly? from, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, Pages)) return refusal;
        var query = session.Query<PanelSitting>().AsQueryable();
        if (from is { } f) query = query.Where(s => s.SittingOn >= f);
        return (await query.OrderByDescending(s => s.SittingOn).ThenBy(s => s.Id).ToPageAsync(request, http.RequestAborted))
            .Select(s => new SittingSummary(s.Id, s.SittingOn, s.Agenda?.Considered.Count(e => e.OnAgenda) ?? 0, s.Reviewed.Count)).Ok(http);
    }
}

public sealed record RecordAttendance(List<Guid>? Attendance);

/// <summary>
/// Records who attended a sitting, by agency (organisations registered with the partnership); recording it again replaces
/// the list. The chair's reviews at the sitting then carry it.
/// </summary>
public static class RecordAttendanceEndpoint
{
    public static ProblemDetails Validate(RecordAttendance? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.Attendance is { Count: >= 1 and <= RecordReviewEndpoint.MaxAttendance } && command.Attendance.All(a => a != Guid.Empty),
            "attendance", $"Between 1 and {RecordReviewEndpoint.MaxAttendance} attending organisations (non-empty ids) are required.").ToProblem();

    [WolverinePost("/api/cases/panel/sittings/{sittingId}/attendance"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<SittingAttendanceRecorded>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid sittingId, RecordAttendance command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var known = await IsaRegister.LoadAsync(session, command.Attendance!, http.RequestAborted);
        if (command.Attendance!.Where(o => !known.ContainsKey(o)).Distinct().ToList() is { Count: > 0 } unknown)
            return Results.Problem(Problems.FromRule(new DomainRuleViolation("unknown-organisation",
                "Attendance must name organisations registered with the partnership.").With("organisations", unknown)));
        return await session.Append<PanelSitting>(sittingId, http,
            sitting => [PanelSitting.DecideAttendance(sitting, command.Attendance!, http.User.DisplayName(), clock.GetUtcNow())],
            bus, Cases.IntegrationEvents.None, events => events.OfType<SittingAttendanceRecorded>().Single());
    }
}

public sealed record SittingSummary(Guid Id, DateOnly SittingOn, int CasesOnAgenda, int CasesReviewed);

public sealed record RecordReview(Guid? CaseId, List<Guid>? Attendance, string? Summary, List<string>? Decisions, List<ActionInput>? Actions);

public sealed record ReviewRecorded(Guid CaseId, DateOnly NextReviewDue, IReadOnlyList<Guid> Actions, long CaseVersion);

/// <summary>
/// Records the panel's review of a case at a sitting: attendance by agency, the discussion summary, the decisions and
/// the new actions. The case and the sitting are written in one transaction; the next review's check is scheduled in it.
/// </summary>
public static class RecordReviewEndpoint
{
    public const int MaxAttendance = 30, MaxDecisions = 30, MaxActions = 30;

    public static ProblemDetails Validate(RecordReview? command, TimeProvider clock)
    {
        if (command is null) return FieldErrors.MissingBody;
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var errors = new FieldErrors()
            .Id("caseId", command.CaseId)
            .Check(command.Attendance is { Count: >= 1 and <= MaxAttendance } && command.Attendance.All(a => a != Guid.Empty), "attendance",
                $"Between 1 and {MaxAttendance} attending organisations (non-empty ids) are required.")
            .Text("summary", command.Summary, 8000)
            .Check(command.Decisions is null or { Count: <= MaxDecisions }, "decisions", $"At most {MaxDecisions} decisions.")
            .Check(command.Actions is null or { Count: <= MaxActions }, "actions", $"At most {MaxActions} actions.");
        foreach (var (decision, i) in (command.Decisions ?? []).Select((x, i) => (x, i)))
            errors.Text($"decisions[{i}]", decision, 2000);
        foreach (var (action, i) in (command.Actions ?? []).Select((x, i) => (x, i)))
            errors.Check($"actions[{i}].", action, today);
        return errors.ToProblem();
    }

    [WolverinePost("/api/cases/panel/sittings/{sittingId}/reviews"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<ReviewRecorded>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Post(Guid sittingId, RecordReview command, IDocumentSession session, CaseKeys keys, ReviewSchedule schedule,
        IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        await CaseAccess.DemandFullAsync(session, http);
        var caseId = command.CaseId!.Value;
        CaseAudit.Listed(http, [caseId]);
        var by = http.User.DisplayName();
        var now = clock.GetUtcNow();
        var today = PartnershipCalendar.Today(now);

        var organisations = command.Attendance!.Concat((command.Actions ?? []).Select(a => a.OwnerOrganisationId!.Value)).ToList();
        var known = await IsaRegister.LoadAsync(session, organisations, ct);
        if (organisations.Where(o => !known.ContainsKey(o)).Distinct().ToList() is { Count: > 0 } unknown)
            return Results.Problem(Problems.FromRule(new DomainRuleViolation("unknown-organisation",
                "Attendance and action owners must be organisations registered with the partnership.").With("organisations", unknown)));

        var caseStream = await session.Events.FetchForWriting<CaseFile>(caseId, ct);
        if (caseStream.Aggregate is null) return Problems.NotFound("Case", caseId);
        var text = await keys.TextAsync(session, caseStream.Aggregate, ct);
        CaseReviewed? reviewed = null;
        var actions = new List<ActionAgreed>();

        var result = await session.Append<PanelSitting>(sittingId, http, sitting =>
        {
            var file = caseStream.Aggregate;
            reviewed = CaseFile.DecideReview(file, sitting.Id, sitting.SittingOn, command.Attendance!, text.Seal(command.Summary!.Trim()),
                [.. (command.Decisions ?? []).Select(d => text.Seal(d.Trim()))], schedule, by, now);
            foreach (var a in command.Actions ?? [])
                actions.Add(CaseFile.DecideAction(file, Guid.CreateVersion7(), a.OwnerOrganisationId!.Value, known[a.OwnerOrganisationId.Value].IsCurrentOn(today),
                    text.Seal(a.Description!.Trim()), a.DueOn!.Value, sitting.Id, by, now));
            caseStream.AppendMany([reviewed, .. actions]);
            return [new SittingCaseReviewed(sitting.Id, file.Id, file.Reference, now)];
        }, bus, Cases.IntegrationEvents.None);

        if (reviewed is null) return result; // refused before deciding: 404, 412, 400
        await ReviewDueCheckHandler.ScheduleAsync(bus, caseId, reviewed.NextReviewDue);
        http.Response.Headers.Remove("ETag"); // that was the sitting's version; the case's is in the body
        return Results.Ok(new ReviewRecorded(caseId, reviewed.NextReviewDue, actions.Select(a => a.ActionId).ToList(),
            caseStream.CurrentVersion ?? 0)); // (counts what was appended)
    }
}
