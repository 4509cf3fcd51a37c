using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Actions;

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>Who owns an action: a member of the body or an organisation (then <see cref="MembershipId"/> is null).</summary>
public sealed record ActionOwner(Guid? MembershipId, Guid? OrganisationId, string Name);

public sealed record ActionNote(string Note, DateTimeOffset At);

// ---- events of an action's stream ----

public sealed record ActionRaised(
    Guid ActionId, Guid BodyId, Guid MeetingId, DateTimeOffset MeetingStartsAt, Guid? ItemId, string Text, ActionOwner Owner, DateOnly DueOn,
    DateTimeOffset At);
public sealed record ActionProgressed(Guid ActionId, string Note, DateTimeOffset At);
public sealed record ActionCompleted(Guid ActionId, string? Note, Guid? MeetingId, DateTimeOffset At);
public sealed record ActionDropped(Guid ActionId, string Reason, DateTimeOffset At);

/// <summary>
/// An action as its rules need it: whose body it belongs to and where it stands. Open → InProgress (progress notes) →
/// Done, or Dropped with a reason; once closed it no longer changes. How an action reads (its owner, due date, notes,
/// outcome) is <see cref="ActionView"/>.
/// </summary>
public sealed record ActionItem(Guid Id, Guid BodyId, ActionStatus Status)
{
    public long Version { get; init; }

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;

    public static ActionItem Create(ActionRaised e) => new(e.ActionId, e.BodyId, ActionStatus.Open);

    public ActionItem Apply(ActionProgressed e) => this with { Status = ActionStatus.InProgress };
    public ActionItem Apply(ActionCompleted e) => this with { Status = ActionStatus.Done };
    public ActionItem Apply(ActionDropped e) => this with { Status = ActionStatus.Dropped };

    /// <summary>
    /// The action after an event (null before its first): the one fold of an action's events, for every fold written by
    /// hand. Marten folds with it too (the instance <c>Evolve</c> below).
    /// </summary>
    public static ActionItem Evolve(ActionItem? state, object @event) => @event switch
    {
        ActionRaised e => Create(e),
        ActionProgressed e => Existing(state).Apply(e),
        ActionCompleted e => Existing(state).Apply(e),
        ActionDropped e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(ActionItem?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public ActionItem Evolve(object @event) => Evolve(this, @event);

    private static ActionItem Existing(ActionItem? state) => state ?? throw new InvalidOperationException("An action's stream starts with ActionRaised.");
}

/// <summary>
/// An action as the API shows it (GET /api/meetings/actions/{id}, a body's action log, the actions a meeting reviews):
/// projected inline from the action's stream, so a read sees the write before it. <see cref="Overdue"/> depends on the
/// day of the read: the stored document does not know it (false); every read answers <see cref="AsOf"/> the day.
/// </summary>
public sealed record ActionView(
    Guid Id, Guid BodyId, Guid RaisedAtMeetingId, DateTimeOffset RaisedAtMeetingStartsAt, Guid? ItemId, string Text, ActionOwner Owner,
    DateOnly DueOn, ActionStatus Status, bool Overdue, IReadOnlyList<ActionNote> Notes, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt,
    Guid? CompletedAtMeetingId, string? DropReason, long Version)
{
    /// <summary>Open or in progress: reviewed at the body's later meetings.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;

    /// <summary>The view as read on <paramref name="today"/>: overdue when open past its due date.</summary>
    /// <param name="today">The day of the read (<see cref="Today"/>).</param>
    public ActionView AsOf(DateOnly today) => this with { Overdue = IsOpen && DueOn < today };

    /// <summary>Today in the UK, where the partnership works: what "overdue" is measured against.</summary>
    public static DateOnly Today(TimeProvider clock) => PartnershipCalendar.Today(clock.GetUtcNow());

    public static ActionView Create(ActionRaised e) => new(e.ActionId, e.BodyId, e.MeetingId, e.MeetingStartsAt, e.ItemId, e.Text, e.Owner, e.DueOn,
        ActionStatus.Open, false, [], e.At, null, null, null, 0);

    public ActionView Apply(ActionProgressed e) => this with { Status = ActionStatus.InProgress, Notes = [.. Notes, new ActionNote(e.Note, e.At)] };

    public ActionView Apply(ActionCompleted e) => this with
    {
        Status = ActionStatus.Done, ClosedAt = e.At, CompletedAtMeetingId = e.MeetingId,
        Notes = e.Note is null ? Notes : [.. Notes, new ActionNote(e.Note, e.At)],
    };

    public ActionView Apply(ActionDropped e) => this with { Status = ActionStatus.Dropped, ClosedAt = e.At, DropReason = e.Reason };

    /// <summary>The view after an event (null before the action's first), as the projection folds it.</summary>
    public static ActionView Evolve(ActionView? state, object @event) => @event switch
    {
        ActionRaised e => Create(e),
        ActionProgressed e => Existing(state).Apply(e),
        ActionCompleted e => Existing(state).Apply(e),
        ActionDropped e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>The fold Marten runs for the inline document (its source generator takes a method named <c>Evolve</c> for the evolver): the same <see cref="Evolve(ActionView?, object)"/>.</summary>
    /// <param name="event">The next event of the stream.</param>
    public ActionView Evolve(object @event) => Evolve(this, @event);

    private static ActionView Existing(ActionView? state) => state ?? throw new InvalidOperationException("An action's stream starts with ActionRaised.");
}

/// <summary>The rules of actions, as pure functions.</summary>
public static class ActionRules
{
    /// <summary>
    /// Raises an action at a meeting: the owner is a current member of the meeting's body or a known organisation
    /// (exactly one is named; the endpoint has checked that), the item is on the meeting's agenda, and it is due no
    /// earlier than the meeting's day.
    /// </summary>
    public static IReadOnlyList<object> DecideRaise(Guid actionId, Meeting meeting, string text, Guid? ownerMembershipId, MemberRef? member,
        Guid? ownerOrganisationId, OrganisationRef? organisation, DateOnly dueOn, Guid? itemId, DateTimeOffset now)
    {
        Meeting.EnsureNotCancelled(meeting);
        if (itemId is { } id && meeting.Item(id) is null)
            throw new DomainRuleViolation("item-not-on-agenda", $"Item '{id}' is not on this meeting's agenda.", Refusal.Inconsistent).With("itemId", id);
        ActionOwner owner;
        if (ownerMembershipId is { } membershipId)
        {
            if (member is null || !member.Appointed || member.BodyId != meeting.BodyId)
                throw new DomainRuleViolation("owner-not-a-member", $"Membership '{membershipId}' is not a membership of this meeting's body.", Refusal.Inconsistent)
                    .With("ownerMembershipId", membershipId);
            if (!member.IsCurrent)
                throw new DomainRuleViolation("membership-ended", $"The membership of {member.PersonName} has ended.", Refusal.Inconsistent)
                    .With("ownerMembershipId", membershipId);
            owner = new ActionOwner(membershipId, member.OrganisationId, member.PersonName);
        }
        else
        {
            var organisationId = ownerOrganisationId ?? throw new ArgumentException("An owner is required.", nameof(ownerOrganisationId));
            if (organisation is null)
                throw new DomainRuleViolation("organisation-not-known",
                    $"Organisation '{organisationId}' is not known to Meetings (not registered in Governance, or not yet received).", Refusal.Inconsistent)
                    .With("ownerOrganisationId", organisationId);
            owner = new ActionOwner(null, organisationId, organisation.Name);
        }
        var meetingDay = DateOnly.FromDateTime(meeting.StartsAt.Date);
        if (dueOn < meetingDay)
            throw new DomainRuleViolation("due-before-meeting", $"An action raised at the meeting of {meetingDay:yyyy-MM-dd} cannot be due before it.", Refusal.Inconsistent)
                .With("dueOn", dueOn);
        return [new ActionRaised(actionId, meeting.BodyId, meeting.Id, meeting.StartsAt, itemId, text.Trim(), owner, dueOn, now)];
    }

    public static IReadOnlyList<object> DecideProgress(ActionItem action, string note, DateTimeOffset now)
    {
        EnsureOpen(action);
        return [new ActionProgressed(action.Id, note.Trim(), now)];
    }

    /// <summary>Done, optionally reported at a meeting, which must be one of the action's body.</summary>
    public static IReadOnlyList<object> DecideComplete(ActionItem action, string? note, Guid? meetingId, Meeting? meeting, DateTimeOffset now)
    {
        EnsureOpen(action);
        if (meetingId is { } id && (meeting is null || meeting.BodyId != action.BodyId))
            throw new DomainRuleViolation("meeting-not-of-body", $"Meeting '{id}' is not a meeting of the action's body.", Refusal.Inconsistent).With("meetingId", id);
        return [new ActionCompleted(action.Id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), meetingId, now)];
    }

    public static IReadOnlyList<object> DecideDrop(ActionItem action, string reason, DateTimeOffset now)
    {
        EnsureOpen(action);
        return [new ActionDropped(action.Id, reason.Trim(), now)];
    }

    /// <summary>
    /// The actions a meeting reviews: its body's actions that are still open or in progress and were raised at an
    /// earlier meeting of the body, oldest due first. An action keeps coming back until it is done or dropped; it is
    /// not reviewed at the meeting that raised it.
    /// </summary>
    public static IReadOnlyList<ActionView> DueForReview(IEnumerable<ActionView> actions, Meeting meeting) =>
    [
        .. actions
            .Where(a => a.BodyId == meeting.BodyId && a.IsOpen && a.RaisedAtMeetingId != meeting.Id && a.RaisedAtMeetingStartsAt < meeting.StartsAt)
            .OrderBy(a => a.DueOn).ThenBy(a => a.RaisedAt),
    ];

    private static void EnsureOpen(ActionItem action)
    {
        if (!action.IsOpen)
            throw new DomainRuleViolation("action-closed", $"The action is already {action.Status}: it can no longer change.")
                .With("actionStatus", action.Status.ToString());
    }
}
