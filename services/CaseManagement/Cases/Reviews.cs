using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>The panel reviewed the case at a sitting: who attended (by agency), what was discussed and decided.</summary>
public sealed record CaseReviewed(
    Guid CaseId, Guid SittingId, DateOnly SittingOn, IReadOnlyList<Guid> Attendance, SealedText Summary, IReadOnlyList<SealedText> Decisions,
    DateOnly NextReviewDue, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The case's review date passed without a review: raised so that the next sitting takes it.</summary>
public sealed record ReviewOverdue(Guid CaseId, DateOnly DueOn, DateTimeOffset RaisedAt);

public sealed partial record CaseFile
{
    /// <summary>
    /// A review at a sitting that has taken place. The next review is due by the case's risk (unassessed cases as
    /// low) from the sitting's date.
    /// </summary>
    public static CaseReviewed DecideReview(CaseFile file, Guid sittingId, DateOnly sittingOn, IReadOnlyList<Guid> attendance, SealedText summary,
        IReadOnlyList<SealedText> decisions, ReviewSchedule schedule, string by, DateTimeOffset now)
    {
        file.EnsureOpen();
        if (sittingOn > PartnershipCalendar.Today(now))
            throw new DomainRuleViolation("sitting-not-held", $"The sitting of {sittingOn:yyyy-MM-dd} has not taken place yet.");
        if (file.ReviewedAt.Contains(sittingId))
            throw new DomainRuleViolation("already-reviewed", $"Case {file.Reference} has already been reviewed at this sitting.");
        return new CaseReviewed(file.Id, sittingId, sittingOn, attendance.Distinct().ToList(), summary, decisions,
            schedule.NextReviewDue(file.Risk ?? RiskLevel.Low, sittingOn), by, now);
    }

    /// <summary>
    /// A scheduled check that the review due on <paramref name="dueOn"/> happened. Raises <see cref="ReviewOverdue"/>
    /// only if the case is open, that date is still the one due (no review or re-assessment moved it), it has passed,
    /// and it was not raised already: a repeated or late check is harmless.
    /// </summary>
    public static IReadOnlyList<object> DecideReviewCheck(CaseFile file, DateOnly dueOn, DateTimeOffset now) =>
        file.Status == CaseStatus.Open && file.ReviewDue == dueOn && dueOn < PartnershipCalendar.Today(now) && file.ReviewOverdueSince is null
            ? [new ReviewOverdue(file.Id, dueOn, now)]
            : [];
}
