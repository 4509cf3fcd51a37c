using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Interventions;

public sealed record RecordBreach(DateOnly? OccurredOn, string? Description);

/// <summary>Records a breach of an intervention of the case's register.</summary>
public static class RecordBreachEndpoint
{
    public const int MaxDescription = 2000;

    public static ProblemDetails Validate(RecordBreach command, TimeProvider clock)
    {
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        return new FieldErrors()
            .Check(command.OccurredOn is { } d && d <= today, "occurredOn", "'occurredOn' is required and may not be in the future.")
            .Text("description", command.Description, MaxDescription)
            .ToProblem();
    }

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    /// <summary>Answers 204 with the case's new version as ETag.</summary>
    [WolverinePost("/api/cases/{caseId}/interventions/{interventionId}/breaches"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<Events> Post(Guid interventionId, RecordBreach command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session,
        CaseKeys keys, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var text = await keys.TextForWritingAsync(session, file, ct);
        return [.. CaseFile.DecideRecordBreach(file, interventionId, command.OccurredOn!.Value, text.Seal(command.Description!.Trim()), user.DisplayName(),
            clock.GetUtcNow())];
    }
}
