using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record ReopenCase(string? Reason);

/// <summary>Reopens a closed case; the closure stays in its history.</summary>
public static class ReopenCaseEndpoint
{
    public static ProblemDetails Validate(ReopenCase command) =>
        new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/reopen"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<Events> Post(ReopenCase command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session, CaseKeys keys,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var text = await keys.TextForWritingAsync(session, file, ct);
        return [.. CaseFile.DecideReopen(file, text.Seal(command.Reason!.Trim()), user.DisplayName(), clock.GetUtcNow())];
    }
}
