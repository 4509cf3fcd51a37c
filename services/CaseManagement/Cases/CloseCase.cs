using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record CloseCase(CaseOutcome? Outcome, string? Reason);

/// <summary>
/// Closes a case with its outcome and the reason; the panel chair or a case worker of a signatory decides. The erasure at
/// the end of the retention period is scheduled with the closure, in its transaction.
/// </summary>
public static class CloseCaseEndpoint
{
    public static ProblemDetails Validate(CloseCase command) =>
        new FieldErrors().Defined("outcome", command.Outcome)
            .Check(command.Outcome != CaseOutcome.MergedIntoAnotherCase, "outcome", "A case is closed as merged only by merging it (POST /api/cases/{caseId}/merge).")
            .Text("reason", command.Reason, 2000).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/close"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<(Events, ScheduledMessage<RetentionDue>)> Post(CloseCase command, [VersionedAggregate("caseId")] CaseFile file,
        IDocumentSession session, CaseKeys keys, RetentionPolicy retention, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var text = await keys.TextForWritingAsync(session, file, ct);
        var closed = CaseFile.DecideClose(file, command.Outcome!.Value, text.Seal(command.Reason!.Trim()), user.DisplayName(), clock.GetUtcNow());
        return ([closed], RetentionDueHandler.Scheduled(retention, closed));
    }
}
