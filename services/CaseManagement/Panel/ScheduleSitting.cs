using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record ScheduleSitting(DateOnly? SittingOn);

/// <summary>
/// The panel chair schedules a sitting; its agenda is built at once from the open cases, every case's reason for
/// being on or off recorded. The agenda lists references, areas and risk levels only: no personal data. Every case it
/// considered is in the request's audit.
/// </summary>
public static class ScheduleSittingEndpoint
{
    public static ProblemDetails Validate(ScheduleSitting command) =>
        new FieldErrors().Check(command.SittingOn is not null, "sittingOn", "'sittingOn' (a date) is required.").ToProblem();

    [WolverinePost("/api/cases/panel/sittings"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<PanelSittingView>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<(IResult, IStartStream)> Post(ScheduleSitting command, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var scheduled = new PanelSittingScheduled(id, command.SittingOn!.Value, http.User.DisplayName(), now);
        var sitting = PanelSitting.Create(scheduled);
        var agenda = PanelSitting.DecideAgenda(sitting, await CaseQueries.OpenAsync(session, http.RequestAborted), http.User.DisplayName(), now);
        CaseAudit.Listed(http, agenda.Considered.Select(e => e.CaseId));
        return NewStream.Start<PanelSitting>(id, $"/api/cases/panel/sittings/{id}", PanelSittingView.Create(scheduled).Apply(agenda) with { Version = 2 },
            scheduled, agenda);
    }
}
