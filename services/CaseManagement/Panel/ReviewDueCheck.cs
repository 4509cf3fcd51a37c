using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.ServiceDefaults;
using Marten;
using Wolverine;

namespace CommunitySafety.CaseManagement.Panel;

/// <summary>Scheduled for the day after a case's review is due: did the review happen?</summary>
public sealed record ReviewDueCheck(Guid CaseId, DateOnly DueOn);

public static class ReviewDueCheckHandler
{
    /// <summary>When the check runs: the start of the day after the due date, in the partnership's time zone.</summary>
    public static DateTimeOffset RunAt(DateOnly dueOn) => PartnershipCalendar.StartOf(dueOn.AddDays(1));

    /// <summary>The check of a newly set review date, to schedule durably (it survives restarts) in the transaction that set it.</summary>
    public static ScheduledMessage<ReviewDueCheck> Scheduled(Guid caseId, DateOnly dueOn) => new ReviewDueCheck(caseId, dueOn).ScheduledAt(RunAt(dueOn));

    public static async Task Handle(ReviewDueCheck check, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CaseFile>(check.CaseId, ct);
        if (stream.Aggregate is null) return; // nothing to check
        stream.AppendMany(CaseFile.DecideReviewCheck(stream.Aggregate, check.DueOn, clock.GetUtcNow()).ToArray());
    }
}
