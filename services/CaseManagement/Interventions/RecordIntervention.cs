using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Interventions;

public sealed record RecordIntervention(InterventionKind? Kind, Guid? SubjectId, DateOnly? IssuedOn, Guid? IssuedBy, string? Notes);

/// <summary>Adds an intervention (warning, CPW, CPN, ABA, injunction) on one of the case's subjects to the case's register.</summary>
public static class RecordInterventionEndpoint
{
    public const int MaxNotes = 2000;

    public static ProblemDetails Validate(RecordIntervention command, TimeProvider clock)
    {
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var errors = new FieldErrors()
            .Defined("kind", command.Kind)
            .Id("subjectId", command.SubjectId)
            .Check(command.IssuedOn is { } d && d <= today, "issuedOn", "'issuedOn' is required and may not be in the future.")
            .Text("notes", command.Notes, MaxNotes, required: false);
        if (command.IssuedBy is not null) errors.Id("issuedBy", command.IssuedBy);
        return errors.ToProblem();
    }

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    /// <summary>
    /// Answers 201 Created at the intervention, with <c>{ id }</c> and the case's new version as ETag. The issuing
    /// organisation (by default the user's) becomes one of the case's agencies.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/interventions"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType<InterventionCreated>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(IResult, Events)> Post(RecordIntervention command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session,
        CaseKeys keys, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var text = await keys.TextForWritingAsync(session, file, ct);
        var issuedBy = command.IssuedBy ?? CaseAccess.Organisation(http.User)!.Value;
        var id = Guid.CreateVersion7();
        var recorded = CaseFile.DecideRecordIntervention(file, id, command.SubjectId!.Value, command.Kind!.Value, command.IssuedOn!.Value, issuedBy,
            text.SealOptional(string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim()), http.User.DisplayName(), clock.GetUtcNow());
        return (Results.Created(http.Request.Local($"/api/cases/{file.Id}/interventions/{id}"), new InterventionCreated(id)), [.. recorded]);
    }
}

/// <summary>The new intervention's id.</summary>
public sealed record InterventionCreated(Guid Id);
