using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record MergeCase(Guid? DuplicateCaseId, string? Reason);

/// <summary>
/// Merges a duplicate case into the surviving one (the case of the path): the duplicate's incidents, subjects, locations
/// and agencies join the survivor (its text re-sealed under the survivor's key) and the duplicate closes as merged, in
/// one transaction. The similar-case index then names the survivor for the duplicate's subjects and locations.
/// </summary>
public static class MergeCaseEndpoint
{
    public static ProblemDetails Validate(MergeCase? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Id("duplicateCaseId", command.DuplicateCaseId).Text("reason", command.Reason, 2000).ToProblem();

    [WolverinePost("/api/cases/{caseId}/merge"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    public static async Task<IResult> Post(Guid caseId, MergeCase command, IDocumentSession session, CaseKeys keys, CaseIndex index, IMessageBus bus,
        TimeProvider clock, HttpContext http)
    {
        await CaseAccess.DemandFullAsync(session, http);
        var duplicateId = command.DuplicateCaseId!.Value;
        var entries = await session.Query<SubjectIndexEntry>().Where(e => e.CaseId == duplicateId).ToListAsync(http.RequestAborted);
        return await TwoCaseWrites.AppendAsync(session, keys, http, bus, caseId, duplicateId,
            (survivor, text, duplicate, duplicateText) =>
                CaseFile.DecideMerge(survivor, text, duplicate, duplicateText, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow()),
            (survivor, survivorText, duplicate, decision) =>
            {
                // the similar-case index names the survivor for the duplicate's subjects and locations from now on
                foreach (var entry in entries) entry.CaseId = survivor.Id;
                if (entries.Count > 0) session.Store(entries.ToArray());
                var mergedIn = decision.ForCase.OfType<CaseMergedIn>().Single();
                session.DeleteWhere<LocationIndexEntry>(e => e.CaseId == duplicate.Id);
                index.Reindex(session, survivor.Id, survivor.Locations.Concat(mergedIn.Locations).Select(survivorText.Open));
            },
            events => events.OfType<CaseMergedIn>().Select(e => new
            {
                survivorCaseId = e.CaseId, duplicateCaseId = e.DuplicateCaseId, duplicateReference = e.DuplicateReference,
                subjects = e.Subjects.Select(s => s.SubjectId), incidents = e.Incidents.Count,
            }).Single());
    }
}
