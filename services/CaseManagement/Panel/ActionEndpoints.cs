using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Panel;

public static class ActionValidation
{
    public const int MaxDescription = 2000;

    /// <summary>The field errors of one action (owner, description, due date not in the past).</summary>
    public static FieldErrors Check(this FieldErrors errors, string prefix, ActionInput? action, DateOnly today)
    {
        if (action is null) return errors.Add(prefix.TrimEnd('.'), "An action is required.");
        return errors.Id(prefix + "ownerOrganisationId", action.OwnerOrganisationId)
            .Text(prefix + "description", action.Description, MaxDescription)
            .Check(action.DueOn is { } due && due >= today, prefix + "dueOn", "'dueOn' is required and may not be in the past.");
    }
}

/// <summary>Gives an agency an action on a case between sittings (reviews add theirs with the review).</summary>
public static class AgreeActionEndpoint
{
    public static ProblemDetails Validate(ActionInput? command, TimeProvider clock) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check("", command, PartnershipCalendar.Today(clock.GetUtcNow())).ToProblem();

    [WolverinePost("/api/cases/{caseId}/actions"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Post(Guid caseId, ActionInput command, IDocumentSession session, CaseKeys keys, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var owner = command.OwnerOrganisationId!.Value;
        var now = clock.GetUtcNow();
        var ownerIsSignatory = await IsaRegister.IsSignatoryAsync(session, owner, PartnershipCalendar.Today(now), http.RequestAborted);
        return await session.AppendAsync(keys, caseId, http, bus,
            (file, text) => [CaseFile.DecideAction(file, Guid.CreateVersion7(), owner, ownerIsSignatory, text.Seal(command.Description!.Trim()),
                command.DueOn!.Value, null, http.User.DisplayName(), now)],
            events => new { id = events.OfType<ActionAgreed>().Single().ActionId });
    }
}

public sealed record ChangeActionStatus(ActionStatus? Status, string? Note);

/// <summary>Moves an action on: in progress, done, or cancelled (with an optional note).</summary>
public static class ChangeActionStatusEndpoint
{
    public static ProblemDetails Validate(ChangeActionStatus? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Defined("status", command.Status).Text("note", command.Note, 2000, required: false).ToProblem();

    [WolverinePost("/api/cases/{caseId}/actions/{actionId}/status"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, Guid actionId, ChangeActionStatus command, IDocumentSession session, CaseKeys keys,
        IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        return await session.AppendAsync(keys, caseId, http, bus,
            (file, text) => [CaseFile.DecideActionStatus(file, actionId, command.Status!.Value,
                text.SealOptional(string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim()), http.User.DisplayName(), clock.GetUtcNow())]);
    }
}

/// <summary>An action of the overdue list (its description sealed, as the case holds it).</summary>
public sealed record ActionListEntry(
    Guid CaseId, string CaseReference, Area Area, Guid ActionId, Guid OwnerOrganisationId, SealedText Description, DateOnly DueOn,
    ActionStatus Status, Rag Rag);

/// <summary>An action of the overdue list, as answered: its description opened with the case's text key.</summary>
public sealed record OverdueAction(
    Guid CaseId, string CaseReference, Area Area, Guid ActionId, Guid OwnerOrganisationId, string? Description, DateOnly DueOn,
    ActionStatus Status, Rag Rag);

public sealed record OverdueReview(Guid CaseId, string Reference, Area Area, Risk.RiskLevel? Risk, DateOnly ReviewDue, int DaysOverdue,
    DateOnly? FlaggedForPanelSince);

/// <summary>
/// "Never ignored": the actions past their due date and the cases past their review date, across open cases, a page at
/// a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1). Case details, so for ISA signatories only, and each case
/// listed on the page is recorded in the access audit (only the page's case texts are opened).
/// </summary>
public static class OverdueEndpoints
{
    [WolverineGet("/api/cases/actions/overdue"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<OverdueAction>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> OverdueActions(Guid? owner, int? limit, int? page, IQuerySession session, CaseKeys keys, TimeProvider clock,
        HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var open = await CaseQueries.OpenAsync(session, http.RequestAborted);
        var entries = Overdue.Actions(open, PartnershipCalendar.Today(clock.GetUtcNow()), owner).ToPage(request);
        var listed = entries.Items.Select(e => e.CaseId).ToHashSet();
        CaseAudit.Listed(http, listed);
        var texts = await keys.TextsAsync(session, open.Where(c => listed.Contains(c.Id)), http.RequestAborted);
        return entries.Select(e => new OverdueAction(e.CaseId, e.CaseReference, e.Area, e.ActionId, e.OwnerOrganisationId,
            texts[e.CaseId].Open(e.Description), e.DueOn, e.Status, e.Rag)).Ok(http);
    }

    [WolverineGet("/api/cases/reviews/overdue"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<OverdueReview>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> OverdueReviews(int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var entries = Overdue.Reviews(await CaseQueries.OpenAsync(session, http.RequestAborted), PartnershipCalendar.Today(clock.GetUtcNow()))
            .ToPage(request);
        CaseAudit.Listed(http, entries.Items.Select(e => e.CaseId));
        return entries.Ok(http);
    }
}

/// <summary>The overdue lists, as pure functions of the open cases and the day.</summary>
public static class Overdue
{
    public static IReadOnlyList<ActionListEntry> Actions(IEnumerable<CaseFile> cases, DateOnly today, Guid? owner = null) =>
        cases.Where(c => c.Status == CaseStatus.Open)
            .SelectMany(c => c.Actions
                .Where(a => a.RagOn(today) == Rag.Red && (owner is null || a.OwnerOrganisationId == owner))
                .Select(a => new ActionListEntry(c.Id, c.Reference, c.Area, a.ActionId, a.OwnerOrganisationId, a.Description, a.DueOn, a.Status, Rag.Red)))
            .OrderBy(e => e.DueOn).ThenBy(e => e.CaseReference).ThenBy(e => e.ActionId)
            .ToList();

    public static IReadOnlyList<OverdueReview> Reviews(IEnumerable<CaseFile> cases, DateOnly today) =>
        cases.Where(c => c.Status == CaseStatus.Open && c.ReviewDue is { } due && due < today)
            .Select(c => new OverdueReview(c.Id, c.Reference, c.Area, c.CurrentRisk?.Level, c.ReviewDue!.Value,
                today.DayNumber - c.ReviewDue.Value.DayNumber, c.ReviewOverdueSince))
            .OrderBy(r => r.ReviewDue).ThenBy(r => r.Reference).ThenBy(r => r.CaseId)
            .ToList();
}
