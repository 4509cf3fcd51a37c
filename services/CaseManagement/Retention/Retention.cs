using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using Marten;
using Wolverine;

namespace CommunitySafety.CaseManagement.Retention;

/// <summary>How long a closed case keeps its subjects' personal data (<c>CaseManagement:Retention</c>; default 6 years).</summary>
public sealed class RetentionPolicy
{
    public int Years { get; set; } = 6;

    public DateTimeOffset ErasableFrom(DateTimeOffset closedAt) => closedAt.AddYears(Years);

    public RetentionPolicy Validated() => Years >= 1 ? this : throw new InvalidOperationException("The retention period must be at least one year.");

    /// <summary>
    /// The erasures due when the retention period of the closure at <paramref name="closedAt"/> has run out: every subject
    /// not yet erased. None if the case was reopened since (a later closure schedules its own), or if the time has not come.
    /// </summary>
    public IReadOnlyList<SubjectErased> Decide(CaseFile file, DateTimeOffset closedAt, DateTimeOffset now)
    {
        var lastClosure = file.StatusHistory.LastOrDefault();
        // a merged duplicate's subjects live on in the surviving case, whose own closure starts their period
        if (file.MergedInto is not null) return [];
        if (file.Status != CaseStatus.Closed || lastClosure is null || lastClosure.At != closedAt || now < ErasableFrom(closedAt)) return [];
        var reason = $"Retention period ({Years} years after closure) expired.";
        return file.Subjects.Where(s => !file.ErasedSubjects.Contains(s.SubjectId))
            .Select(s => new SubjectErased(file.Id, s.SubjectId, reason, now))
            .ToList();
    }
}

/// <summary>Scheduled at a case's closure for the end of its retention period.</summary>
public sealed record RetentionDue(Guid CaseId, DateTimeOffset ClosedAt);

public static class RetentionDueHandler
{
    /// <summary>Schedules the erasure of a closure, durably, in the caller's transaction.</summary>
    public static ValueTask ScheduleAsync(IMessageBus bus, RetentionPolicy policy, CaseClosed closed) =>
        bus.ScheduleAsync(new RetentionDue(closed.CaseId, closed.ClosedAt), policy.ErasableFrom(closed.ClosedAt));

    public static async Task Handle(RetentionDue due, IDocumentSession session, PersonalDataVault vault, RetentionPolicy policy, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CaseFile>(due.CaseId, ct);
        if (stream.Aggregate is null) return;
        foreach (var erased in policy.Decide(stream.Aggregate, due.ClosedAt, clock.GetUtcNow()))
        {
            SubjectErasure.Forget(session, vault, erased.SubjectId);
            stream.AppendOne(erased);
        }
    }
}
