using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;

namespace CommunitySafety.CaseManagement.Panel;

/// <summary>
/// Rebuilds a sitting's agenda from the cases as they are now (until its first review is recorded). Every case the new
/// agenda considered is in the request's audit.
/// </summary>
public static class RebuildAgendaEndpoint
{
    /// <summary>Case details are for current ISA signatories only (403), refused before the cases are read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/panel/sittings/{sittingId}/agenda"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<AgendaBuilt>(StatusCodes.Status200OK)]
    public static async Task<(AgendaBuilt, Events)> Post([VersionedAggregate("sittingId")] PanelSitting sitting, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var cases = await CaseQueries.OpenAsync(session, http.RequestAborted);
        var agenda = PanelSitting.DecideAgenda(sitting, cases, user.DisplayName(), clock.GetUtcNow());
        CaseAudit.Listed(http, agenda.Considered.Select(e => e.CaseId));
        return (agenda, [agenda]);
    }
}
