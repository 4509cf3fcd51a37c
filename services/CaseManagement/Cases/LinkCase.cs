using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record LinkCase(Guid? LinkedCaseId, string? Reason);

/// <summary>Links two related cases; both stay open and separate. Recorded on both cases, in one transaction.</summary>
public static class LinkCaseEndpoint
{
    public static ProblemDetails Validate(LinkCase? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("linkedCaseId", command.LinkedCaseId).Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/cases/{caseId}/links"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, LinkCase command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        return await TwoCaseWrites.AppendAsync(session, http, bus, caseId, command.LinkedCaseId!.Value,
            (file, other) => CaseFile.DecideLink(file, other, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow()));
    }
}

public static class TwoCaseWrites
{
    /// <summary>
    /// Appends one decision's events to two cases in one transaction: the path's case through
    /// <see cref="StreamWrites.Append{T}"/> (404, If-Match, ETag), the other fetched for writing too, so that Marten checks
    /// its version at commit as well: a concurrent write to either becomes a 409. 404 when the other case does not exist.
    /// </summary>
    public static async Task<IResult> AppendAsync(IDocumentSession session, HttpContext http, IMessageBus bus, Guid caseId, Guid otherId,
        Func<CaseFile, CaseFile, TwoCaseDecision> decide, Action<CaseFile>? alongside = null, Func<IReadOnlyList<object>, object>? respond = null)
    {
        // The same stream is never fetched twice for writing: the rules refuse a case paired with itself.
        var other = otherId == caseId ? null : await session.Events.FetchForWriting<CaseFile>(otherId, http.RequestAborted);
        if (other is { Aggregate: null }) return Problems.NotFound(nameof(CaseFile), otherId);
        return await session.Append<CaseFile>(caseId, http, file =>
        {
            var decision = decide(file, other?.Aggregate ?? file);
            other!.AppendMany(decision.ForOther.ToArray());
            alongside?.Invoke(file);
            return decision.ForCase;
        }, bus, IntegrationEvents.None, respond);
    }
}
