using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Actions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class ActionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid BodyId = Guid.NewGuid();

    private static Meeting MeetingOn(DateTimeOffset startsAt, Guid? bodyId = null)
    {
        var id = Guid.NewGuid();
        return Meeting.DecideSchedule(id, new BodyRef { Id = bodyId ?? BodyId, Name = "Working Group" }, bodyId ?? BodyId, null, startsAt,
                null, null, null, null, [], Now)
            .Aggregate((Meeting?)null, (m, e) => e switch
            {
                MeetingScheduled s => Meeting.Create(s),
                AgendaItemAdded a => m!.Apply(a),
                _ => m,
            })!;
    }

    private static readonly Meeting First = MeetingOn(Now);
    private static readonly Meeting Second = MeetingOn(Now.AddMonths(3));
    private static readonly Meeting Third = MeetingOn(Now.AddMonths(6));

    private static MemberRef Member(bool ended = false, Guid? bodyId = null) => new()
    {
        Id = Guid.NewGuid(), BodyId = bodyId ?? BodyId, OrganisationId = Guid.NewGuid(), PersonName = "Chief Inspector Patel", Appointed = true,
        EndedAt = ended ? Now : null,
    };

    /// <summary>An action (for the rules) and its view (how it reads), folded from the same events.</summary>
    private sealed record Tracked(ActionItem Action, ActionView View)
    {
        public Guid Id => Action.Id;
        public ActionStatus Status => Action.Status;

        public Tracked Then(IReadOnlyList<object> events) =>
            new(events.Aggregate(Action, (a, e) => ActionItem.Evolve(a, e)), events.Aggregate(View, (v, e) => ActionView.Evolve(v, e)));
    }

    private static Tracked Raise(Meeting at, DateOnly? dueOn = null)
    {
        var member = Member(bodyId: at.BodyId);
        var raised = Assert.IsType<ActionRaised>(Assert.Single(ActionRules.DecideRaise(Guid.NewGuid(), at, " Map hotspots ", member.Id, member,
            null, null, dueOn ?? DateOnly.FromDateTime(at.StartsAt.Date).AddDays(30), null, at.StartsAt)));
        return new Tracked(ActionItem.Evolve(null, raised), ActionView.Evolve(null, raised));
    }

    private static Tracked Then(Tracked action, IReadOnlyList<object> events) => action.Then(events);

    [Fact]
    public void An_action_is_raised_for_a_current_member_or_a_known_organisation()
    {
        var member = Member();
        var raised = Assert.IsType<ActionRaised>(Assert.Single(ActionRules.DecideRaise(Guid.NewGuid(), First, " Map hotspots ", member.Id, member,
            null, null, new DateOnly(2027, 1, 31), Meeting.StandardItemId(First.Id, AgendaItemKind.ActionsReview), Now)));
        Assert.Equal(("Map hotspots", member.Id, "Chief Inspector Patel", BodyId, First.Id),
            (raised.Text, raised.Owner.MembershipId, raised.Owner.Name, raised.BodyId, raised.MeetingId));

        var organisation = new OrganisationRef { Id = Guid.NewGuid(), Name = "Kent Police" };
        var byOrganisation = Assert.IsType<ActionRaised>(Assert.Single(ActionRules.DecideRaise(Guid.NewGuid(), First, "Patrols", null, null,
            organisation.Id, organisation, new DateOnly(2027, 1, 31), null, Now)));
        Assert.Equal(new ActionOwner(null, organisation.Id, "Kent Police"), byOrganisation.Owner);
    }

    [Fact]
    public void Raising_refuses_an_owner_who_is_not_a_current_member_an_unknown_organisation_an_item_not_on_the_agenda_and_a_due_date_in_the_past()
    {
        var due = new DateOnly(2027, 1, 31);
        var stranger = Member(bodyId: Guid.NewGuid());
        Assert.Equal("owner-not-a-member", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", stranger.Id, stranger, null, null, due, null, Now)).Rule);
        Assert.Equal("owner-not-a-member", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", Guid.NewGuid(), null, null, null, due, null, Now)).Rule);
        var ended = Member(ended: true);
        Assert.Equal("membership-ended", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", ended.Id, ended, null, null, due, null, Now)).Rule);
        Assert.Equal("organisation-not-known", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", null, null, Guid.NewGuid(), null, due, null, Now)).Rule);
        var member = Member();
        Assert.Equal("item-not-on-agenda", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", member.Id, member, null, null, due, Guid.NewGuid(), Now)).Rule);
        var late = Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideRaise(Guid.NewGuid(), First, "x", member.Id, member, null, null, new DateOnly(2026, 11, 22), null, Now));
        Assert.Equal(("due-before-meeting", Refusal.Inconsistent), (late.Rule, late.Kind));
    }

    [Fact]
    public void An_action_goes_from_open_through_progress_to_done_and_then_refuses_change()
    {
        var action = Raise(First);
        Assert.Equal(ActionStatus.Open, action.Status);
        action = Then(action, ActionRules.DecideProgress(action.Action, " Data requested from the council ", Now.AddDays(1)));
        action = Then(action, ActionRules.DecideProgress(action.Action, "Map drafted", Now.AddDays(8)));
        Assert.Equal((ActionStatus.InProgress, ActionStatus.InProgress), (action.Status, action.View.Status));
        Assert.Equal(["Data requested from the council", "Map drafted"], action.View.Notes.Select(n => n.Note));

        action = Then(action, ActionRules.DecideComplete(action.Action, "Presented", Second.Id, Second, Now.AddDays(90)));
        Assert.Equal((ActionStatus.Done, ActionStatus.Done, Second.Id, 3), (action.Status, action.View.Status, action.View.CompletedAtMeetingId, action.View.Notes.Count));
        Assert.Equal(Now.AddDays(90), action.View.ClosedAt);

        var closed = action.Action;
        var refused = Assert.Throws<DomainRuleViolation>(() => ActionRules.DecideProgress(closed, "more", Now));
        Assert.Equal(("action-closed", Refusal.Conflict, "Done"), (refused.Rule, refused.Kind, refused.Facts["actionStatus"]));
        Assert.Equal("action-closed", Assert.Throws<DomainRuleViolation>(() => ActionRules.DecideDrop(closed, "why", Now)).Rule);
        Assert.Equal("action-closed", Assert.Throws<DomainRuleViolation>(() => ActionRules.DecideComplete(closed, null, null, null, Now)).Rule);
    }

    [Fact]
    public void A_dropped_action_keeps_its_reason_and_cannot_be_completed()
    {
        var action = Raise(First);
        action = Then(action, ActionRules.DecideDrop(action.Action, " Superseded by the county strategy ", Now));
        Assert.Equal((ActionStatus.Dropped, ActionStatus.Dropped, "Superseded by the county strategy"), (action.Status, action.View.Status, action.View.DropReason));
        Assert.Equal("action-closed", Assert.Throws<DomainRuleViolation>(() => ActionRules.DecideComplete(action.Action, null, null, null, Now)).Rule);
    }

    [Fact]
    public void Completion_at_a_meeting_names_a_meeting_of_the_actions_body()
    {
        var action = Raise(First).Action;
        var elsewhere = MeetingOn(Now.AddMonths(1), Guid.NewGuid());
        Assert.Equal("meeting-not-of-body", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideComplete(action, null, elsewhere.Id, elsewhere, Now)).Rule);
        Assert.Equal("meeting-not-of-body", Assert.Throws<DomainRuleViolation>(() =>
            ActionRules.DecideComplete(action, null, Guid.NewGuid(), null, Now)).Rule);
    }

    [Fact]
    public void Open_actions_are_carried_forward_to_every_later_meeting_until_done_or_dropped()
    {
        var toBeDone = Raise(First);
        var toBeDropped = Raise(First);
        var inProgress = Then(Raise(First), [new ActionProgressed(Guid.NewGuid(), "started", Now)]);
        var raisedAtSecond = Raise(Second);
        var otherBody = Raise(MeetingOn(Now, Guid.NewGuid()));

        // raised at the first meeting: not reviewed there
        Assert.Empty(ActionRules.DueForReview([toBeDone.View, toBeDropped.View, inProgress.View, raisedAtSecond.View, otherBody.View], First));

        var atSecond = ActionRules.DueForReview([toBeDone.View, toBeDropped.View, inProgress.View, raisedAtSecond.View, otherBody.View], Second);
        Assert.Equal(new[] { toBeDone.Id, toBeDropped.Id, inProgress.Id }.Order(), atSecond.Select(a => a.Id).Order());

        // the second meeting completes one and drops another; the rest carry forward to the third
        var done = Then(toBeDone, ActionRules.DecideComplete(toBeDone.Action, null, Second.Id, Second, Second.StartsAt));
        var dropped = Then(toBeDropped, ActionRules.DecideDrop(toBeDropped.Action, "No longer needed", Second.StartsAt));
        var atThird = ActionRules.DueForReview([done.View, dropped.View, inProgress.View, raisedAtSecond.View, otherBody.View], Third);
        Assert.Equal(new[] { inProgress.Id, raisedAtSecond.Id }.Order(), atThird.Select(a => a.Id).Order());
    }

    [Fact]
    public void An_open_action_past_its_due_date_is_overdue_and_a_closed_one_is_not()
    {
        var action = Raise(First, new DateOnly(2026, 12, 31));
        Assert.False(action.View.AsOf(new DateOnly(2026, 12, 31)).Overdue);
        Assert.True(action.View.AsOf(new DateOnly(2027, 1, 1)).Overdue);
        var done = Then(action, ActionRules.DecideComplete(action.Action, null, null, null, Now));
        Assert.False(done.View.AsOf(new DateOnly(2027, 1, 1)).Overdue);
    }
}
