using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults.DataProtection;
using JasperFx.CommandLine;

namespace CommunitySafety.CaseManagement.Similarity;

/// <param name="CurrentKeyId">The key the index entries are now under.</param>
/// <param name="CasesReindexed">Cases whose index entries were written again under it.</param>
/// <param name="Remaining">Index entries still under another key than the current one.</param>
public sealed record ReindexResult(string CurrentKeyId, int CasesReindexed, int Remaining);

/// <summary>
/// After a rotation of the index key (a new key added to <c>CaseManagement:IndexKey</c> and made current), computes every
/// blind-index entry still under an older key again, under the current one, from the data itself (opened with the case's
/// keys: the old index key is not needed). Runs next to the service: each case is re-indexed in a transaction that holds the
/// case's stream, so an erasure or a merge of that case waits for it (or goes first) and an erased subject's hashes never
/// come back. Lookups go on working throughout (they hash under every key); once none remain, the old key can be removed.
/// </summary>
public static class CaseReindexing
{
    public static async Task<ReindexResult> RunAsync(IDocumentStore store, CaseKeys keys, CaseIndex index, int batchSize, Action<ReindexResult>? progress,
        CancellationToken ct)
    {
        var current = index.Ring.CurrentId;
        var reindexed = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            List<Guid> cases;
            await using (var query = store.QuerySession())
                cases = [.. (await query.Query<SubjectIndexEntry>().Where(e => e.KeyId != current).Select(e => e.CaseId).ToListAsync(ct))
                    .Concat(await query.Query<LocationIndexEntry>().Where(e => e.KeyId != current).Select(e => e.CaseId).ToListAsync(ct))
                    .Distinct().Where(c => !skipped.Contains(c)).Take(batchSize)];
            if (cases.Count == 0) break;
            foreach (var caseId in cases)
            {
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForExclusiveWriting<CaseFile>(caseId, ct);
                if (stream.Aggregate is not { } file)
                {
                    // entries of no case: nothing to compute them from
                    session.DeleteWhere<SubjectIndexEntry>(e => e.CaseId == caseId);
                    session.DeleteWhere<LocationIndexEntry>(e => e.CaseId == caseId);
                }
                else
                {
                    var subjectKeys = await keys.SubjectKeysAsync(session, file.Subjects.Select(s => s.SubjectId), ct);
                    foreach (var entry in await session.Query<SubjectIndexEntry>().Where(e => e.CaseId == caseId && e.KeyId != current).ToListAsync(ct))
                    {
                        var subject = file.Subjects.FirstOrDefault(s => s.SubjectId == entry.Id);
                        if (subject is not null && PersonalDetails.Open(subjectKeys.GetValueOrDefault(subject.SubjectId), subject.Details) is { } details)
                            session.Store(index.Entry(caseId, subject.SubjectId, details));
                        else session.Delete(entry); // erased: nothing may be derived from them
                    }
                    if (await session.Query<LocationIndexEntry>().AnyAsync(e => e.CaseId == caseId && e.KeyId != current, ct))
                    {
                        var text = await keys.TextAsync(session, file, ct);
                        index.Reindex(session, caseId, text.IsErased ? [] : file.Locations.Select(text.Open));
                    }
                }
                await session.SaveChangesAsync(ct);
                reindexed++;
                skipped.Add(caseId); // once per run, whatever a concurrent write does to it
            }
            progress?.Invoke(new ReindexResult(current, reindexed, await RemainingAsync(store, current, ct)));
        }
        return new ReindexResult(current, reindexed, await RemainingAsync(store, current, ct));
    }

    private static async Task<int> RemainingAsync(IDocumentStore store, string current, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return await query.Query<SubjectIndexEntry>().CountAsync(e => e.KeyId != current, ct)
               + await query.Query<LocationIndexEntry>().CountAsync(e => e.KeyId != current, ct);
    }
}

/// <summary><c>dotnet CommunitySafety.CaseManagement.dll reindex-cases</c>: see <see cref="CaseReindexing"/>.</summary>
[Description("Re-compute the similar-case index under the current index key (after a rotation of CaseManagement:IndexKey)", Name = "reindex-cases")]
public sealed class ReindexCasesCommand : JasperFxAsyncCommand<BatchedInput>
{
    public override async Task<bool> Execute(BatchedInput input)
    {
        if (!input.BatchIsValid()) return false;
        using var host = input.BuildHost();
        var index = host.Services.GetRequiredService<CaseIndex>();
        var result = await CaseReindexing.RunAsync(host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<CaseKeys>(), index,
            input.BatchFlag, p => Console.WriteLine($"re-indexed {p.CasesReindexed} cases ({p.Remaining} entries remaining under older keys)"), default);
        Console.WriteLine($"done: {result.CasesReindexed} cases re-indexed under '{result.CurrentKeyId}', {result.Remaining} entries remaining under older keys");
        return result.Remaining == 0;
    }
}
