using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record SittingSummary(Guid Id, DateOnly SittingOn, int CasesOnAgenda, int CasesReviewed);

public static class ReadSittingEndpoints
{
    /// <summary>A sitting with its agenda (every open case considered, with its risk and review date): for current ISA signatories.</summary>
    [WolverineGet("/api/cases/panel/sittings/{sittingId}"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<PanelSittingView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid sittingId, IQuerySession session, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var sitting = sittingId == Guid.Empty ? null : await session.LoadAsync<PanelSittingView>(sittingId, http.RequestAborted);
        if (sitting is not null)
            CaseAudit.Listed(http, (sitting.Agenda?.Considered.Select(e => e.CaseId) ?? []).Concat(sitting.Reviewed.Select(r => r.CaseId)));
        return StreamReads.Read(sitting, sittingId, http, s => s.Version, resource: nameof(PanelSitting));
    }

    /// <summary>Two years of monthly sittings a page unless asked, at most 100.</summary>
    public static readonly PageSize Pages = new(24, 100);

    /// <summary>Sittings, most recent first, optionally from a date; a page at a time (<c>limit</c> 1–100, default 24; <c>page</c> from 1).</summary>
    [WolverineGet("/api/cases/panel/sittings"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<SittingSummary>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(DateOnly? from, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, Pages)) return refusal;
        var query = session.Query<PanelSittingView>().AsQueryable();
        if (from is { } f) query = query.Where(s => s.SittingOn >= f);
        return (await query.OrderByDescending(s => s.SittingOn).ThenBy(s => s.Id).ToPageAsync(request, http.RequestAborted))
            .Select(s => new SittingSummary(s.Id, s.SittingOn, s.Agenda?.Considered.Count(e => e.OnAgenda) ?? 0, s.Reviewed.Count)).Ok(http);
    }
}
