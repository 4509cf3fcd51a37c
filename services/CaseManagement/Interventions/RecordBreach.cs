using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Interventions;

public sealed record RecordBreach(DateOnly? OccurredOn, string? Description);

/// <summary>Records a breach of an intervention of the case's register.</summary>
public static class RecordBreachEndpoint
{
    public const int MaxDescription = 2000;

    public static ProblemDetails Validate(RecordBreach? command, TimeProvider clock)
    {
        if (command is null) return FieldErrors.MissingBody;
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        return new FieldErrors()
            .Check(command.OccurredOn is { } d && d <= today, "occurredOn", "'occurredOn' is required and may not be in the future.")
            .Text("description", command.Description, MaxDescription)
            .ToProblem();
    }

    /// <summary>Answers 204 with the case's new version as ETag.</summary>
    [WolverinePost("/api/cases/{caseId}/interventions/{interventionId}/breaches"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid caseId, Guid interventionId, RecordBreach command, IDocumentSession session, CaseKeys keys,
        IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        return await session.AppendAsync(keys, caseId, http, bus,
            (file, text) => CaseFile.DecideRecordBreach(file, interventionId, command.OccurredOn!.Value, text.Seal(command.Description!.Trim()),
                http.User.DisplayName(), clock.GetUtcNow()));
    }
}
