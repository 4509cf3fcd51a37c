using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>Who to look for: a name with a date of birth, or an address (or both).</summary>
public sealed record SearchSubjects(string? Name, DateOnly? DateOfBirth, string? Address);

/// <summary>
/// Any partner agency may ask whether a case exists for a person or an address, and learn only what the signpost
/// shows: reference, area, status and the agencies involved — never the case's details. The search goes through the
/// same keyed blind index as similar-case detection (names are matched with their date of birth, never alone), is a
/// POST so that no personal data lands in URLs or access logs. The access audit records each case found, and a keyed hash
/// of what was searched for (never the criteria), also when nothing was found.
/// </summary>
public static class SearchSubjectsEndpoint
{
    public static ProblemDetails Validate(SearchSubjects command)
    {
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
    public static async Task<IResult> Post(SearchSubjects command, IQuerySession session, CaseIndex index, HttpContext http)
    {
        var probe = new PersonalDetails(command.Name?.Trim() ?? "", command.DateOfBirth, command.Address?.Trim(), null);
        CaseAudit.Searched(http, index.SearchHash(probe));
        var hits = await index.SearchAsync(session, probe, http.RequestAborted);
        CaseAudit.Listed(http, hits.Select(h => h.Case.Id));
        return Results.Ok(hits);
    }
}
