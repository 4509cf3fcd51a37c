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
        var otherId = command.LinkedCaseId!.Value;
        // The same stream is never fetched twice for writing: linking a case to itself is refused by the rule.
        var other = otherId == caseId ? null : await session.Events.FetchForWriting<CaseFile>(otherId, http.RequestAborted);
        if (other is { Aggregate: null }) return Problems.NotFound(nameof(CaseFile), otherId);
        return await session.Append<CaseFile>(caseId, http, file =>
        {
            var decision = CaseFile.DecideLink(file, other?.Aggregate ?? file, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow());
            // Marten checks the other stream's version at commit too: a concurrent write to it becomes a 409.
            other!.AppendMany(decision.ForOther.ToArray());
            return decision.ForCase;
        }, bus, IntegrationEvents.None);
    }
}
