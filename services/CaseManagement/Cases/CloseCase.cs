using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record CloseCase(CaseOutcome? Outcome, string? Reason);

/// <summary>Closes a case with its outcome and the reason; the panel chair or a case worker of a signatory decides.</summary>
public static class CloseCaseEndpoint
{
    public static ProblemDetails Validate(CloseCase? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Defined("outcome", command.Outcome)
            .Check(command.Outcome != CaseOutcome.MergedIntoAnotherCase, "outcome", "A case is closed as merged only by merging it (POST /api/cases/{caseId}/merge).")
            .Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/cases/{caseId}/close"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, CloseCase command, IDocumentSession session, CaseKeys keys, IMessageBus bus,
        RetentionPolicy retention, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        return await session.AppendAsync(keys, caseId, http, bus,
            (file, text) => [CaseFile.DecideClose(file, command.Outcome!.Value, text.Seal(command.Reason!.Trim()), http.User.DisplayName(), clock.GetUtcNow())],
            // the erasure at the end of the retention period, committed with the closure
            then: events => RetentionDueHandler.ScheduleAsync(bus, retention, events.OfType<CaseClosed>().Single()).AsTask());
    }
}

public sealed record ReopenCase(string? Reason);

/// <summary>Reopens a closed case; the closure stays in its history.</summary>
public static class ReopenCaseEndpoint
{
    public static ProblemDetails Validate(ReopenCase? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/cases/{caseId}/reopen"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, ReopenCase command, IDocumentSession session, CaseKeys keys, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        return await session.AppendAsync(keys, caseId, http, bus,
            (file, text) => CaseFile.DecideReopen(file, text.Seal(command.Reason!.Trim()), http.User.DisplayName(), clock.GetUtcNow()));
    }
}
