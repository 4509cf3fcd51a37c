using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Similarity;

namespace CommunitySafety.CaseManagement.Retention;

/// <summary>How long a closed case keeps its personal data and text (<c>CaseManagement:Retention</c>; default 6 years).</summary>
public sealed class RetentionPolicy : ISettings<RetentionPolicy>
{
    /// <inheritdoc />
    public static string Section => "CaseManagement:Retention";


    public int Years { get; set; } = 6;

    public DateTimeOffset ErasableFrom(DateTimeOffset closedAt) => closedAt.AddYears(Years);

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (Years < 1) yield return "The retention period must be at least one year.";
    }

    /// <summary>
    /// The erasure due when the retention period of the closure at <paramref name="closedAt"/> has run out: the case's text
    /// and every subject not yet erased. None if the case was reopened since (a later closure schedules its own), if the
    /// time has not come, if it is erased already, or if it was merged into another case (whose own closure starts the
    /// period of everything it holds).
    /// </summary>
    public CaseRetentionErased? Decide(CaseFile file, DateTimeOffset closedAt, DateTimeOffset now)
    {
        if (file.MergedInto is not null || file.TextKey is null) return null;
        if (file.Status != CaseStatus.Closed || file.ClosedAt != closedAt || now < ErasableFrom(closedAt)) return null;
        return new CaseRetentionErased(file.Id, [.. file.Subjects.Select(s => s.SubjectId).Where(s => !file.ErasedSubjects.Contains(s))],
            $"Retention period ({Years} years after closure) expired.", now);
    }

    /// <summary>The same erasure for a duplicate merged into the erased case: its text key goes too.</summary>
    public static CaseRetentionErased ForDuplicate(CaseFile duplicate, CaseRetentionErased survivor) =>
        new(duplicate.Id, [.. duplicate.Subjects.Select(s => s.SubjectId).Where(s => !duplicate.ErasedSubjects.Contains(s))],
            $"{survivor.Reason} (merged into the case erased)", survivor.ErasedAt);
}

/// <summary>Scheduled at a case's closure for the end of its retention period.</summary>
public sealed record RetentionDue(Guid CaseId, DateTimeOffset ClosedAt);

public static class RetentionDueHandler
{
    /// <summary>The erasure of a closure, to schedule (durably, in the closure's transaction) for the end of the retention period.</summary>
    public static ScheduledMessage<RetentionDue> Scheduled(RetentionPolicy policy, CaseClosed closed) =>
        new RetentionDue(closed.CaseId, closed.ClosedAt).ScheduledAt(policy.ErasableFrom(closed.ClosedAt));

    /// <summary>
    /// Shreds, in one transaction, the case's text key, its subjects' keys and those of the duplicates merged into it, and
    /// deletes their blind-index entries: nothing of the case but its reference, dates, status, agencies and risk levels
    /// can be read afterwards, in any event, snapshot or backup.
    /// </summary>
    public static async Task Handle(RetentionDue due, IDocumentSession session, CaseKeys keys, RetentionPolicy policy, TimeProvider clock,
        CancellationToken ct)
    {
        var duplicates = await MergedDuplicates.FetchForWritingAsync(session, keys, due.CaseId, ct);
        var stream = await session.Events.FetchForWriting<CaseFile>(due.CaseId, ct);
        if (stream.Aggregate is not { } file || policy.Decide(file, due.ClosedAt, clock.GetUtcNow()) is not { } erased) return;
        stream.AppendOne(erased);
        keys.Shred(session, file.TextKey!.Value);
        foreach (var subjectId in erased.SubjectIds)
        {
            keys.Shred(session, subjectId);
            session.Delete<SubjectIndexEntry>(subjectId);
        }
        session.DeleteWhere<SubjectIndexEntry>(e => e.CaseId == file.Id);
        session.DeleteWhere<LocationIndexEntry>(e => e.CaseId == file.Id);
        foreach (var (duplicate, text) in duplicates)
        {
            var duplicateErased = RetentionPolicy.ForDuplicate(duplicate.Aggregate!, erased);
            duplicate.AppendOne(duplicateErased);
            keys.Shred(session, text.KeyId);
            foreach (var subjectId in duplicateErased.SubjectIds) keys.Shred(session, subjectId);
        }
    }
}
