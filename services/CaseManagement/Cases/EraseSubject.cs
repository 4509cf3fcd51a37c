using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;
using JasperFx.Events;

namespace CommunitySafety.CaseManagement.Cases;

public sealed record EraseSubject(string? Reason);

/// <summary>
/// Erases a subject from a case (a right-to-erasure request, or a decision of the partnership): an accountable act, for a
/// partnership-admin of a current ISA signatory only; the erasure records who (user and organisation) and why, and the
/// request is in the access audit like every other. In one transaction: the subject's key is shredded (their details no
/// longer open anywhere), their blind-index entry deleted, and the case's whole text — with that of every duplicate merged
/// into it — redacted of every mention of them and re-sealed under a new text key, the old keys shredded (so the older
/// events' text no longer opens either); the location index is rebuilt from the redacted locations.
/// </summary>
public static class EraseSubjectEndpoint
{
    public static ProblemDetails Validate(EraseSubject command) =>
        new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    /// <summary>Only a partnership-admin of a current ISA signatory (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandAdministrationAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/subjects/{subjectId}/erase"), Authorize(Roles = CaseRoles.PartnershipAdmin)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<Events> Post(Guid subjectId, EraseSubject command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session,
        CaseKeys keys, CaseIndex index, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var by = new Eraser(user.FindFirstValue(CspClaims.Subject) ?? "unknown", user.DisplayName(), CaseAccess.Organisation(user)!.Value);
        // the subject's details, to find their mentions, read before their key is shredded
        var subjectKey = (await keys.SubjectKeysAsync(session, [subjectId], ct)).GetValueOrDefault(subjectId);
        var duplicates = await MergedDuplicates.FetchForWritingAsync(session, keys, file.Id, ct);
        var text = await keys.TextForWritingAsync(session, file, ct);

        CaseFile.EnsureErasable(file, subjectId);
        var texts = await MergedDuplicates.TextsAsync(session, file, ct);
        var details = PersonalDetails.Open(subjectKey, file.Subjects.Single(s => s.SubjectId == subjectId).Details);
        var next = keys.NewText(session, now);
        var erased = CaseFile.DecideErase(file, texts, subjectId, details, text, next, command.Reason!.Trim(), by, now);
        foreach (var (duplicate, duplicateText) in duplicates)
        {
            var resealed = keys.NewText(session, now);
            duplicate.AppendOne(CaseFile.DecideReseal(duplicate.Aggregate!, await MergedDuplicates.TextsAsync(session, duplicate.Aggregate!, ct), subjectId,
                details, duplicateText, resealed, file.Id, now));
            keys.Shred(session, duplicateText.KeyId);
        }
        keys.Shred(session, text.KeyId);
        keys.Shred(session, subjectId);
        session.Delete<SubjectIndexEntry>(subjectId); // the lookup hashes are derived from the personal data too
        index.Reindex(session, file.Id, erased.Texts.Locations.Select(next.Open));
        return [erased];
    }
}

public static class MergedDuplicates
{
    /// <summary>
    /// The duplicates merged into the case (and those merged into them, and so on), fetched for writing (a concurrent
    /// change to one of them fails the commit) with their current text keys; those whose text is erased are left out.
    /// </summary>
    public static async Task<IReadOnlyList<(IEventStream<CaseFile> Stream, CaseText Text)>> FetchForWritingAsync(IDocumentSession session, CaseKeys keys,
        Guid caseId, CancellationToken ct)
    {
        var found = new List<(IEventStream<CaseFile>, CaseText)>();
        var seen = new HashSet<Guid> { caseId };
        var next = caseId == Guid.Empty ? [] : (await session.LoadAsync<CaseFile>(caseId, ct))?.MergedFrom.ToList() ?? [];
        while (next.Count > 0)
        {
            var more = new List<Guid>();
            foreach (var id in next.Where(seen.Add))
            {
                var stream = await session.Events.FetchForWriting<CaseFile>(id, ct);
                if (stream.Aggregate is not { } duplicate) continue;
                more.AddRange(duplicate.MergedFrom);
                if (duplicate.TextKey is not null) found.Add((stream, await keys.TextAsync(session, duplicate, ct)));
            }
            next = more;
        }
        return found;
    }

    /// <summary>
    /// Every free text of a case fetched for writing, as its view holds it (the view is written with each of the case's
    /// events, in their transaction). A view behind the case means a write committed in between: refused as a concurrent
    /// write (409), as the commit would be.
    /// </summary>
    public static async Task<CaseTexts> TextsAsync(IQuerySession session, CaseFile file, CancellationToken ct) =>
        await session.LoadAsync<CaseFileView>(file.Id, ct) is { } view && view.Version == file.Version
            ? view.Texts
            : throw CaseKeys.ChangedMeanwhile();
}
