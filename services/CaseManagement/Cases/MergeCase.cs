using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record MergeCase(Guid? DuplicateCaseId, string? Reason);

/// <summary>What the survivor took in from the duplicate.</summary>
public sealed record CaseMergedAnswer(Guid SurvivorCaseId, Guid DuplicateCaseId, string DuplicateReference, IReadOnlyList<Guid> Subjects, int Incidents);

/// <summary>
/// Merges a duplicate case into the surviving one (the case of the path): the duplicate's incidents, subjects, locations
/// and agencies join the survivor (its text re-sealed under the survivor's key) and the duplicate closes as merged, in
/// one transaction (the duplicate is fetched for writing too: a concurrent write to either becomes a 409; 404 when it does
/// not exist; it is in the request's audit too). The similar-case index then names the survivor for the duplicate's
/// subjects and locations.
/// </summary>
public static class MergeCaseEndpoint
{
    public static ProblemDetails Validate(MergeCase command) =>
        new FieldErrors().Id("duplicateCaseId", command.DuplicateCaseId).Text("reason", command.Reason, 2000).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the cases are read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/merge"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType<CaseMergedAnswer>(StatusCodes.Status200OK)]
    public static async Task<(CaseMergedAnswer, Events)> Post(MergeCase command, [VersionedAggregate("caseId")] CaseFile survivor, IDocumentSession session,
        CaseKeys keys, CaseIndex index, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var duplicateId = command.DuplicateCaseId!.Value;
        var entries = await session.Query<SubjectIndexEntry>().Where(e => e.CaseId == duplicateId).ToListAsync(ct);
        CaseAudit.Listed(http, [duplicateId]);
        var survivorText = await keys.TextForWritingAsync(session, survivor, ct);
        var reason = command.Reason!.Trim();

        // The same stream is never fetched twice for writing: the rule refuses a case merged into itself.
        var duplicateStream = duplicateId == survivor.Id ? null : await session.Events.FetchForWriting<CaseFile>(duplicateId, ct);
        if (duplicateStream is { Aggregate: null }) throw RequestRefused.NotFound(nameof(CaseFile), duplicateId);
        var duplicate = duplicateStream?.Aggregate ?? survivor;
        var duplicateText = duplicateStream is null ? survivorText : await keys.TextAsync(session, duplicate, ct);

        var decision = CaseFile.DecideMerge(survivor, survivorText, duplicate, duplicateText, reason, user.DisplayName(), clock.GetUtcNow());
        duplicateStream!.AppendMany(decision.ForOther.ToArray());
        var mergedIn = decision.ForCase.OfType<CaseMergedIn>().Single();

        // the similar-case index names the survivor for the duplicate's subjects and locations from now on
        foreach (var entry in entries) entry.CaseId = survivor.Id;
        if (entries.Count > 0) session.Store(entries.ToArray());
        session.DeleteWhere<LocationIndexEntry>(e => e.CaseId == duplicate.Id);
        index.Reindex(session, survivor.Id, survivor.Locations.Concat(mergedIn.Locations).Select(survivorText.Open));

        return (new CaseMergedAnswer(mergedIn.CaseId, mergedIn.DuplicateCaseId, mergedIn.DuplicateReference, [.. mergedIn.Subjects.Select(s => s.SubjectId)],
            mergedIn.Incidents.Count), [.. decision.ForCase]);
    }
}
