using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record LinkCase(Guid? LinkedCaseId, string? Reason);

/// <summary>
/// Links two related cases; both stay open and separate. Recorded on both cases, in one transaction, the reason sealed
/// under each case's own text key. The other case is fetched for writing too, so that Marten checks its version at commit
/// as well: a concurrent write to either becomes a 409; 404 when it does not exist. It is in the request's audit too.
/// </summary>
public static class LinkCaseEndpoint
{
    public static ProblemDetails Validate(LinkCase command) =>
        new FieldErrors().Id("linkedCaseId", command.LinkedCaseId).Text("reason", command.Reason, 2000).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the cases are read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/links"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<Events> Post(LinkCase command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session, CaseKeys keys,
        ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var otherId = command.LinkedCaseId!.Value;
        CaseAudit.Listed(http, [otherId]);
        var text = await keys.TextForWritingAsync(session, file, ct);
        var reason = command.Reason!.Trim();

        // The same stream is never fetched twice for writing: the rule refuses a case linked to itself.
        var otherStream = otherId == file.Id ? null : await session.Events.FetchForWriting<CaseFile>(otherId, ct);
        if (otherStream is { Aggregate: null }) throw RequestRefused.NotFound(nameof(CaseFile), otherId);
        var other = otherStream?.Aggregate ?? file;
        var otherText = otherStream is null ? text : await keys.TextAsync(session, other, ct);

        var decision = CaseFile.DecideLink(file, other, text.Seal(reason), otherText.Seal(reason), user.DisplayName(), clock.GetUtcNow());
        otherStream!.AppendMany(decision.ForOther.ToArray());
        return [.. decision.ForCase];
    }
}
