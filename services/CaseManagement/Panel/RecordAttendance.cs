using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Signatories;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record RecordAttendance(List<Guid>? Attendance);

/// <summary>
/// Records who attended a sitting, by agency (organisations registered with the partnership); recording it again replaces
/// the list. The chair's reviews at the sitting then carry it.
/// </summary>
public static class RecordAttendanceEndpoint
{
    public static ProblemDetails Validate(RecordAttendance command) =>
        new FieldErrors().Check(command.Attendance is { Count: >= 1 and <= RecordReviewEndpoint.MaxAttendance } && command.Attendance.All(a => a != Guid.Empty),
            "attendance", $"Between 1 and {RecordReviewEndpoint.MaxAttendance} attending organisations (non-empty ids) are required.").ToProblem();

    /// <summary>Case details are for current ISA signatories only (403).</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/panel/sittings/{sittingId}/attendance"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<SittingAttendanceRecorded>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(SittingAttendanceRecorded, Events)> Post(RecordAttendance command, [VersionedAggregate("sittingId")] PanelSitting sitting,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var known = await IsaRegister.LoadAsync(session, command.Attendance!, ct);
        if (command.Attendance!.Where(o => !known.ContainsKey(o)).Distinct().ToList() is { Count: > 0 } unknown)
            throw new DomainRuleViolation("unknown-organisation", "Attendance must name organisations registered with the partnership.")
                .With("organisations", unknown);
        var recorded = PanelSitting.DecideAttendance(sitting, command.Attendance!, user.DisplayName(), clock.GetUtcNow());
        return (recorded, [recorded]);
    }
}
