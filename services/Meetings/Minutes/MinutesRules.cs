using System.Globalization;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Minutes;

/// <summary>
/// The minutes' life: drafted (and redrafted) after the meeting, approved as a correct record at the body's next
/// meeting under its "Minutes of the previous meeting" item (a decision, so quorum applies), then published.
/// </summary>
public static class MinutesRules
{
    public const string ApprovalTextPrefix = "The minutes of the meeting on ";

    /// <summary>A new draft replaces the old, until the minutes are approved.</summary>
    public static IReadOnlyList<object> DecideDraft(Meeting meeting, IReadOnlyList<MinuteSection> sections, DateTimeOffset now)
    {
        Meeting.EnsureNotCancelled(meeting);
        if (meeting.Minutes.Status is MinutesStatus.Approved or MinutesStatus.Published)
            throw new DomainRuleViolation("minutes-approved",
                    "The minutes were approved as a correct record and can no longer be redrafted.")
                .With("minutesStatus", meeting.Minutes.Status.ToString());
        foreach (var itemId in sections.Select(s => s.ItemId).OfType<Guid>().Distinct())
            if (meeting.Item(itemId) is null)
                throw new DomainRuleViolation("item-not-on-agenda", $"Item '{itemId}' is not on this meeting's agenda.", Refusal.Inconsistent).With("itemId", itemId);
        return [new MinutesDrafted(meeting.Id, [.. sections.Select(s => s with { Text = s.Text.Trim() })], now)];
    }

    /// <summary>The body's previous meeting: the latest meeting of the same body, not cancelled, starting before this one.</summary>
    public static Meeting? PreviousMeeting(IEnumerable<Meeting> meetings, Meeting meeting) =>
        meetings
            .Where(m => m.BodyId == meeting.BodyId && m.Id != meeting.Id && m.Status != MeetingStatus.Cancelled && m.StartsAt < meeting.StartsAt)
            .OrderByDescending(m => m.StartsAt)
            .FirstOrDefault();

    /// <summary>
    /// Approves <paramref name="previous"/>'s draft minutes at <paramref name="meeting"/>, the body's next meeting: the
    /// previous meeting gets <see cref="MinutesApproved"/>, this one a decision under its "Minutes of the previous
    /// meeting" item (quorum applies; the decision has a minute reference).
    /// </summary>
    public static (IReadOnlyList<object> Previous, IReadOnlyList<object> This) DecideApprovePrevious(Meeting meeting, Meeting? previous,
        QuorumResult quorum, bool confidentialBody, Guid decisionId, DateTimeOffset now)
    {
        Meeting.EnsureNotCancelled(meeting);
        if (previous is null)
            throw new DomainRuleViolation("no-previous-meeting", "The body has no earlier meeting whose minutes this meeting could approve.");
        if (previous.BodyId != meeting.BodyId || previous.StartsAt >= meeting.StartsAt)
            throw new DomainRuleViolation("not-the-next-meeting", "Minutes are approved at the body's next meeting.").With("previousMeetingId", previous.Id);
        switch (previous.Minutes.Status)
        {
            case MinutesStatus.None:
                throw new DomainRuleViolation("no-draft-minutes",
                        $"The previous meeting ({previous.StartsAt:yyyy-MM-dd}) has no draft minutes to approve.")
                    .With("previousMeetingId", previous.Id);
            case MinutesStatus.Approved or MinutesStatus.Published:
                throw new DomainRuleViolation("minutes-approved",
                        $"The minutes of the previous meeting ({previous.StartsAt:yyyy-MM-dd}) are already approved.")
                    .With("previousMeetingId", previous.Id);
        }
        var item = meeting.Agenda.FirstOrDefault(i => i.Kind == AgendaItemKind.PreviousMinutes)?.Id
                   ?? Meeting.StandardItemId(meeting.Id, AgendaItemKind.PreviousMinutes);
        var decision = Meeting.DecideDecision(meeting, quorum, confidentialBody, decisionId, ApprovalText(previous), true, null, now, item);
        return ([new MinutesApproved(previous.Id, meeting.Id, now)], decision);
    }

    public static string ApprovalText(Meeting previous) =>
        $"{ApprovalTextPrefix}{previous.StartsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} were approved as a correct record";

    public static IReadOnlyList<object> DecidePublish(Meeting meeting, DateTimeOffset now) => meeting.Minutes.Status switch
    {
        MinutesStatus.Approved => [new MinutesPublished(meeting.Id, now)],
        MinutesStatus.Published => throw new DomainRuleViolation("minutes-already-published", "The minutes are already published."),
        _ => throw new DomainRuleViolation("minutes-not-approved",
                "Only minutes approved as a correct record at the body's next meeting are published.")
            .With("minutesStatus", meeting.Minutes.Status.ToString()),
    };
}
