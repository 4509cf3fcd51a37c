using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record ChangeActionStatus(ActionStatus? Status, string? Note);

/// <summary>Moves an action on: in progress, done, or cancelled (with an optional note).</summary>
public static class ChangeActionStatusEndpoint
{
    public static ProblemDetails Validate(ChangeActionStatus command) =>
        new FieldErrors().Defined("status", command.Status).Text("note", command.Note, 2000, required: false).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/actions/{actionId}/status"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<Events> Post(Guid actionId, ChangeActionStatus command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session,
        CaseKeys keys, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var text = await keys.TextForWritingAsync(session, file, ct);
        return [CaseFile.DecideActionStatus(file, actionId, command.Status!.Value,
            text.SealOptional(string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim()), user.DisplayName(), clock.GetUtcNow())];
    }
}
