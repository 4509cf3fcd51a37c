using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record EraseSubject(string? Reason);

public static class EraseSubjectEndpoint
{
    public static ProblemDetails Validate(EraseSubject? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    /// <summary>Erases a subject's personal data: deletes their key, so every event and projection shows them as erased.</summary>
    [WolverinePost("/api/cases/{caseId}/subjects/{subjectId}/erase"), Authorize(Roles = CaseRoles.PartnershipAdmin)]
    public static Task<IResult> Post(Guid caseId, Guid subjectId, EraseSubject command, IDocumentSession session, PersonalDataVault vault,
        Wolverine.IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<CaseFile>(caseId, http, file =>
        {
            var events = CaseFile.DecideErase(file, subjectId, command.Reason!.Trim(), clock.GetUtcNow());
            SubjectErasure.Forget(session, vault, subjectId);
            return events;
        }, bus, IntegrationEvents.None);
}

public static class SubjectErasure
{
    /// <summary>Deletes, in the session's transaction, everything that can reveal the subject: their key and their index entry.</summary>
    public static void Forget(IDocumentSession session, PersonalDataVault vault, Guid subjectId)
    {
        vault.Erase(session, subjectId);
        session.Delete<SubjectIndexEntry>(subjectId); // the lookup hashes are derived from the personal data too
    }
}
