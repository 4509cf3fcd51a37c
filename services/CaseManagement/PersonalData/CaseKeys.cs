using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>
/// CaseManagement's data keys, kept by the shared <see cref="DataKeys"/> (wrapped under the key-encryption key ring
/// <c>CaseManagement:KeyEncryptionKey</c>, outside the database): one per subject, for their personal details, and one
/// per generation of each case's text key, for everything else written in words on the case. Shredding a key erases
/// every copy of what was sealed under it, in every event, snapshot and backup of them.
/// </summary>
public sealed class CaseKeys(DataKeys keys)
{
    /// <summary>A new generation of a case's text key (stored wrapped, in the session's transaction).</summary>
    public CaseText NewText(IDocumentSession session, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new CaseText(id, keys.Create(session, id, now));
    }

    /// <summary>The case's current text key (none once erased).</summary>
    public Task<CaseText> TextAsync(IQuerySession session, CaseFile file, CancellationToken ct) => TextAsync(session, file.TextKey, ct);

    /// <summary>The current text key of the case a read shows (none once erased).</summary>
    public Task<CaseText> TextAsync(IQuerySession session, CaseFileView view, CancellationToken ct) => TextAsync(session, view.TextKey, ct);

    private async Task<CaseText> TextAsync(IQuerySession session, Guid? textKey, CancellationToken ct) =>
        textKey is { } id ? new CaseText(id, await keys.LoadAsync(session, id, ct)) : new CaseText(Guid.Empty, null);

    /// <summary>
    /// The text key of a case just fetched for writing, so that the decision can seal its free text. The key is read after
    /// the case: if it is gone although the case still names it, an erasure committed in between shredded it (and changed
    /// the case, so this write could not commit anyway): a lost race (decided again, or 409), not an erased case.
    /// </summary>
    public async Task<CaseText> TextForWritingAsync(IQuerySession session, CaseFile file, CancellationToken ct)
    {
        var text = await TextAsync(session, file, ct);
        return file.TextKey is not null && text.IsErased ? throw ChangedMeanwhile() : text;
    }

    /// <summary>
    /// A lost race noticed before the commit: the same exception Marten throws at the commit, so a write without If-Match
    /// is decided again on the fresh state (<see cref="ConcurrentWrites"/>) and one with If-Match is 409 <c>concurrent-write</c>.
    /// </summary>
    public static JasperFx.ConcurrencyException ChangedMeanwhile() =>
        new("The case was changed by another request at the same time. Read it again and retry.", null);

    /// <summary>The current text keys of several cases, by case id, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseText>> TextsAsync(IQuerySession session, IEnumerable<CaseFileView> files, CancellationToken ct)
    {
        var list = files.DistinctBy(f => f.Id).ToList();
        var loaded = await keys.LoadManyAsync(session, list.Select(f => f.TextKey).OfType<Guid>(), ct);
        return list.ToDictionary(f => f.Id, f => f.TextKey is { } id ? new CaseText(id, loaded.GetValueOrDefault(id)) : new CaseText(Guid.Empty, null));
    }

    /// <summary>Creates the subject's own key (stored wrapped, in the session's transaction) and seals their details with it.</summary>
    public SealedDetails SealDetails(IDocumentSession session, Guid subjectId, PersonalDetails details, DateTimeOffset now) =>
        details.Seal(keys.Create(session, subjectId, now));

    /// <summary>The keys of those subjects that still have one (not erased).</summary>
    public Task<IReadOnlyDictionary<Guid, byte[]>> SubjectKeysAsync(IQuerySession session, IEnumerable<Guid> subjectIds, CancellationToken ct) =>
        keys.LoadManyAsync(session, subjectIds, ct);

    /// <summary>Deletes a key (a subject's or a text generation's), in the session's transaction.</summary>
    public void Shred(IDocumentSession session, Guid keyId) => keys.Shred(session, keyId);
}
