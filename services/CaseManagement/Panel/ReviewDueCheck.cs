using CommunitySafety.CaseManagement.Cases;

namespace CommunitySafety.CaseManagement.Panel;

/// <summary>Scheduled for the day after a case's review is due: did the review happen?</summary>
public sealed record ReviewDueCheck(Guid CaseId, DateOnly DueOn);

public static class ReviewDueCheckHandler
{
    /// <summary>When the check runs: the start of the day after the due date, in the partnership's time zone.</summary>
    public static DateTimeOffset RunAt(DateOnly dueOn) => PartnershipCalendar.StartOf(dueOn.AddDays(1));

    /// <summary>The check of a newly set review date, to schedule durably (it survives restarts) in the transaction that set it.</summary>
    public static ScheduledMessage<ReviewDueCheck> Scheduled(Guid caseId, DateOnly dueOn) => new ReviewDueCheck(caseId, dueOn).ScheduledAt(RunAt(dueOn));

    /// <summary>Raises the missed review, at most once (a repeated or late check changes nothing); nothing to check on an unknown case.</summary>
    public static Events? Handle(ReviewDueCheck check, [WriteAggregate(nameof(ReviewDueCheck.CaseId), Required = false)] CaseFile? file, TimeProvider clock) =>
        file is null ? null : [.. CaseFile.DecideReviewCheck(file, check.DueOn, clock.GetUtcNow())];
}
