using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>
/// An open case as a caseload lists it: its risk, when the panel must next review it, the lead (referring) agency and
/// every agency involved, and what is overdue. No personal data and no free text.
/// </summary>
public sealed record CaseListEntry(
    Guid Id, string Reference, Area Area, RiskLevel? Risk, int? RiskScore, DateOnly? NextReviewDue, Guid LeadAgency, IReadOnlyList<Guid> Agencies,
    bool ReviewOverdue, int OverdueActions, DateTimeOffset ReferredAt);

/// <summary>
/// The caseload: the open cases, highest risk first (unassessed last), then by the next review date (soonest first, none
/// last), a page at a time (<c>limit</c> 1–500, default 100; <c>page</c> from 1), optionally of one <c>area</c> and of the
/// cases one <c>agency</c> is involved in. Case data, so for users of current ISA signatories only (the same refusal as a
/// case read); every case on the page is recorded in the access audit, as the overdue lists do.
/// </summary>
public static class ListCasesEndpoint
{
    [WolverineGet("/api/cases"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<CaseListEntry>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> Get(string? area, Guid? agency, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        Area? inArea = null;
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (Enum.TryParse<Area>(area, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(area, out _)) inArea = parsed;
            else errors.Add("area", $"'area' must be one of {string.Join(", ", Enum.GetNames<Area>())}.");
        }
        if (agency == Guid.Empty) errors.Add("agency", "'agency' must be an organisation's id.");
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, errors: errors)) return refusal;
        var entries = Caseload.Of(await CaseQueries.OpenAsync(session, http.RequestAborted), PartnershipCalendar.Today(clock.GetUtcNow()), inArea, agency)
            .ToPage(request);
        CaseAudit.Listed(http, entries.Items.Select(e => e.Id));
        return entries.Ok(http);
    }
}

/// <summary>The caseload, as a pure function of the open cases and the day.</summary>
public static class Caseload
{
    public static IReadOnlyList<CaseListEntry> Of(IEnumerable<CaseFileView> cases, DateOnly today, Area? area = null, Guid? agency = null) =>
        cases.Where(c => c.Status == CaseStatus.Open && (area is null || c.Area == area) && (agency is null || c.Agencies.Contains(agency.Value)))
            .Select(c => new CaseListEntry(c.Id, c.Reference, c.Area, c.CurrentRisk?.Level, c.CurrentRisk?.Score, c.ReviewDue, c.ReferringOrganisationId,
                c.Agencies, c.ReviewDue is { } due && due < today, c.Actions.Count(a => a.RagOn(today) == Rag.Red), c.ReferredAt))
            .OrderByDescending(e => e.Risk is { } r ? (int)r + 1 : 0)
            .ThenBy(e => e.NextReviewDue ?? DateOnly.MaxValue)
            .ThenBy(e => e.Reference, StringComparer.Ordinal)
            .ThenBy(e => e.Id)
            .ToList();
}
