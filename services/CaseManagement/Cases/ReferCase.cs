using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record IncidentInput(DateOnly? Date, string? Place, string? Description);
public sealed record SubjectInput(SubjectRole? Role, string? Name, DateOnly? DateOfBirth, string? Address, string? Contact);
public sealed record ReferCase(string? ReferringOfficer, Area? Area, List<IncidentInput>? Incidents, List<SubjectInput>? Subjects, List<string>? Locations);

/// <summary>An agency refers an ASB case to the panel. Only ISA signatories may refer: referring is sharing.</summary>
public static class ReferCaseEndpoint
{
    public const int MaxIncidents = 50, MaxSubjects = 20, MaxLocations = 20;

    public static ProblemDetails Validate(ReferCase command, TimeProvider clock)
    {
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var errors = new FieldErrors()
            .Text("referringOfficer", command.ReferringOfficer, 200)
            .Defined("area", command.Area)
            .Check(command.Incidents is { Count: >= 1 and <= MaxIncidents }, "incidents", $"Between 1 and {MaxIncidents} incidents are required.")
            .Check(command.Subjects is { Count: >= 1 and <= MaxSubjects }, "subjects", $"Between 1 and {MaxSubjects} subjects are required.")
            .Check(command.Locations is null or { Count: <= MaxLocations }, "locations", $"At most {MaxLocations} locations.");
        foreach (var (incident, i) in (command.Incidents ?? []).Select((x, i) => (x, i)))
        {
            var field = $"incidents[{i}]";
            if (incident is null) { errors.Add(field, "An incident is required."); continue; }
            errors.Check(incident.Date is { } d && d <= today, field + ".date", "'date' is required and may not be in the future.")
                .Text(field + ".place", incident.Place, 300)
                .Text(field + ".description", incident.Description, 4000);
        }
        foreach (var (subject, i) in (command.Subjects ?? []).Select((x, i) => (x, i)))
        {
            var field = $"subjects[{i}]";
            if (subject is null) { errors.Add(field, "A subject is required."); continue; }
            errors.Defined(field + ".role", subject.Role)
                .Text(field + ".name", subject.Name, 200)
                .Check(subject.DateOfBirth is null || subject.DateOfBirth <= today, field + ".dateOfBirth", "'dateOfBirth' may not be in the future.")
                .Text(field + ".address", subject.Address, 500, required: false)
                .Text(field + ".contact", subject.Contact, 200, required: false);
        }
        foreach (var (location, i) in (command.Locations ?? []).Select((x, i) => (x, i)))
            errors.Text($"locations[{i}]", location, 300);
        return errors.ToProblem();
    }

    /// <summary>
    /// Refers a case: each subject's details sealed under a key of their own, every free text (officer, incidents,
    /// locations) under the case's first text key; the blind index gets the subjects' and locations' keyed hashes. Answers
    /// with the open cases that look similar (which the audit records as listed).
    /// </summary>
    [WolverinePost("/api/cases"), Authorize(Roles = CaseRoles.CaseWorker)]
    [ProducesResponseType<CaseReferredAnswer>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<(IResult, IStartStream)> Post(ReferCase command, IDocumentSession session, CaseKeys keys, CaseIndex index, TimeProvider clock,
        HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var organisation = CaseAccess.Organisation(http.User);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var text = keys.NewText(session, now);
        var subjects = new List<Subject>();
        var details = new List<PersonalDetails>();
        foreach (var s in command.Subjects!)
        {
            var subjectId = Guid.CreateVersion7();
            var subject = new PersonalDetails(s.Name!.Trim(), s.DateOfBirth, s.Address?.Trim(), s.Contact?.Trim());
            subjects.Add(new Subject(subjectId, s.Role!.Value, keys.SealDetails(session, subjectId, subject, now)));
            details.Add(subject);
            session.Store(index.Entry(id, subjectId, subject));
        }
        var locations = (command.Locations ?? []).Select(l => l.Trim()).ToList();
        var similarCases = await index.FindAsync(session, id, details, locations, http.RequestAborted);
        CaseAudit.Listed(http, [id, .. similarCases.Select(c => c.CaseId)]);
        index.Reindex(session, id, locations);

        var referred = new CaseReferred(id, CaseFile.ReferenceFor(id, now), organisation!.Value, text.Seal(command.ReferringOfficer!.Trim()),
            command.Area!.Value, [.. command.Incidents!.Select(i => new Incident(i.Date!.Value, text.Seal(i.Place!.Trim()), text.Seal(i.Description!.Trim())))],
            subjects, [.. locations.Select(text.Seal)], text.KeyId, now);
        return NewStream.Start<CaseFile>(id, $"/api/cases/{id}",
            new CaseReferredAnswer(id, referred.Reference, [.. subjects.Select(x => x.SubjectId)], similarCases), referred);
    }
}

/// <summary>The new case: its id and reference, its subjects' ids (in the order referred), and the open cases that look similar.</summary>
public sealed record CaseReferredAnswer(Guid Id, string Reference, IReadOnlyList<Guid> Subjects, IReadOnlyList<SimilarCase> SimilarCases);
