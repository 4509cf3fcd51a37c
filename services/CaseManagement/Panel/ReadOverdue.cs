using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Panel;

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
    public static IReadOnlyList<ActionListEntry> Actions(IEnumerable<CaseFileView> cases, DateOnly today, Guid? owner = null) =>
        cases.Where(c => c.Status == CaseStatus.Open)
            .SelectMany(c => c.Actions
                .Where(a => a.RagOn(today) == Rag.Red && (owner is null || a.OwnerOrganisationId == owner))
                .Select(a => new ActionListEntry(c.Id, c.Reference, c.Area, a.ActionId, a.OwnerOrganisationId, a.Description, a.DueOn, a.Status, Rag.Red)))
            .OrderBy(e => e.DueOn).ThenBy(e => e.CaseReference).ThenBy(e => e.ActionId)
            .ToList();

    public static IReadOnlyList<OverdueReview> Reviews(IEnumerable<CaseFileView> cases, DateOnly today) =>
        cases.Where(c => c.Status == CaseStatus.Open && c.ReviewDue is { } due && due < today)
            .Select(c => new OverdueReview(c.Id, c.Reference, c.Area, c.CurrentRisk?.Level, c.ReviewDue!.Value,
                today.DayNumber - c.ReviewDue.Value.DayNumber, c.ReviewOverdueSince))
            .OrderBy(r => r.ReviewDue).ThenBy(r => r.Reference).ThenBy(r => r.CaseId)
            .ToList();
}
