using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record LinkCase(Guid? LinkedCaseId, string? Reason);

/// <summary>
/// Links two related cases; both stay open and separate. Recorded on both cases, in one transaction, the reason sealed
/// under each case's own text key.
/// </summary>
public static class LinkCaseEndpoint
{
    public static ProblemDetails Validate(LinkCase? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("linkedCaseId", command.LinkedCaseId).Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/cases/{caseId}/links"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, LinkCase command, IDocumentSession session, CaseKeys keys, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var reason = command.Reason!.Trim();
        return await TwoCaseWrites.AppendAsync(session, keys, http, bus, caseId, command.LinkedCaseId!.Value,
            (file, text, other, otherText) => CaseFile.DecideLink(file, other, text.Seal(reason), otherText.Seal(reason), http.User.DisplayName(),
                clock.GetUtcNow()));
    }
}

public static class TwoCaseWrites
{
    /// <summary>
    /// Appends one decision's events to two cases in one transaction: the path's case through
    /// <see cref="CaseWrites.AppendAsync"/> (404, If-Match, ETag), the other fetched for writing too, so that Marten checks
    /// its version at commit as well: a concurrent write to either becomes a 409. 404 when the other case does not exist.
    /// The decision gets both cases' text keys. The other case is in the request's audit too.
    /// </summary>
    public static async Task<IResult> AppendAsync(IDocumentSession session, CaseKeys keys, HttpContext http, IMessageBus bus, Guid caseId, Guid otherId,
        Func<CaseFile, CaseText, CaseFile, CaseText, TwoCaseDecision> decide, Action<CaseFile, CaseText, CaseFile, TwoCaseDecision>? alongside = null,
        Func<IReadOnlyList<object>, object>? respond = null)
    {
        CaseAudit.Listed(http, [otherId]);
        // The same stream is never fetched twice for writing: the rules refuse a case paired with itself.
        var other = otherId == caseId ? null : await session.Events.FetchForWriting<CaseFile>(otherId, http.RequestAborted);
        if (other is { Aggregate: null }) return Problems.NotFound(nameof(CaseFile), otherId);
        var otherText = other is null ? null : await keys.TextAsync(session, other.Aggregate!, http.RequestAborted);
        return await session.AppendAsync(keys, caseId, http, bus, (file, text) =>
        {
            var decision = decide(file, text, other?.Aggregate ?? file, otherText ?? text);
            other!.AppendMany(decision.ForOther.ToArray());
            alongside?.Invoke(file, text, other.Aggregate!, decision);
            return decision.ForCase;
        }, respond);
    }
}
