using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>Who to look for: a name with a date of birth, or an address (or both).</summary>
public sealed record SearchSubjects(string? Name, DateOnly? DateOfBirth, string? Address);

/// <summary>
/// Any partner agency may ask whether a case exists for a person or an address, and learn only what the signpost
/// shows: reference, area, status and the agencies involved — never the case's details. The search goes through the
/// same keyed blind index as similar-case detection (names are matched with their date of birth, never alone), is a
/// POST so that no personal data lands in URLs or access logs, and each case found is recorded in the access audit.
/// </summary>
public static class SearchSubjectsEndpoint
{
    public static ProblemDetails Validate(SearchSubjects? command)
    {
        if (command is null) return FieldErrors.MissingBody;
        var byName = !string.IsNullOrWhiteSpace(command.Name) || command.DateOfBirth is not null;
        var errors = new FieldErrors()
            .Check(byName || !string.IsNullOrWhiteSpace(command.Address), "name", "Search by 'name' with 'dateOfBirth', or by 'address', or both.")
            .Text("address", command.Address, 500, required: false);
        if (byName)
            errors.Text("name", command.Name, 200)
                .Check(command.DateOfBirth is not null, "dateOfBirth", "'dateOfBirth' is required with 'name': names alone are not matched.");
        return errors.ToProblem();
    }

    [WolverinePost("/api/cases/search"), Authorize(Roles = CaseRoles.AnyCaseRole)]
    [ProducesResponseType<IReadOnlyList<SubjectSearchHit>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(SearchSubjects command, IDocumentSession session, SimilarCases similar, TimeProvider clock, HttpContext http)
    {
        var probe = new PersonalDetails(command.Name?.Trim() ?? "", command.DateOfBirth, command.Address?.Trim(), null);
        var hits = await similar.SearchAsync(session, probe, http.RequestAborted);
        var now = clock.GetUtcNow();
        foreach (var hit in hits) AccessAuditLog.Record(session, http, hit.Case.Id, "subject-search", AccessOutcome.Granted, now);
        return Results.Ok(hits);
    }
}
