using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Minutes;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class MinutesRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid BodyId = Guid.NewGuid();
    private static readonly QuorumResult Quorate = new(true, 4, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);

    private static Meeting Apply(Meeting? meeting, IEnumerable<object> events) => Meeting.Replay(meeting, events);

    private static Meeting MeetingOn(DateTimeOffset startsAt, Guid? bodyId = null) =>
        Apply(null, Meeting.DecideSchedule(Guid.NewGuid(), new BodyRef { Id = bodyId ?? BodyId, Name = "Working Group" }, bodyId ?? BodyId, null,
            startsAt, null, null, null, null, [], Now));

    private static Meeting Drafted(Meeting meeting, params MinuteSection[] sections) =>
        Apply(meeting, MinutesRules.DecideDraft(meeting, sections.Length == 0 ? [new MinuteSection(null, "Welcome", false)] : sections, Now));

    [Fact]
    public void A_new_draft_replaces_the_old_until_the_minutes_are_approved()
    {
        var meeting = MeetingOn(Now);
        var item = Meeting.StandardItemId(meeting.Id, AgendaItemKind.Apologies);
        meeting = Drafted(meeting, new MinuteSection(item, " Apologies from Kent Fire ", false));
        meeting = Drafted(meeting, new MinuteSection(item, "Apologies from Kent Fire and Rescue", false), new MinuteSection(null, "Closed", true));
        Assert.Equal(MinutesStatus.Draft, meeting.Minutes.Status);
        Assert.Equal(["Apologies from Kent Fire and Rescue", "Closed"], meeting.Minutes.Sections.Select(s => s.Text));

        var unknown = Guid.NewGuid();
        var refused = Assert.Throws<DomainRuleViolation>(() => MinutesRules.DecideDraft(meeting, [new MinuteSection(unknown, "x", false)], Now));
        Assert.Equal(("item-not-on-agenda", Refusal.Inconsistent, unknown), (refused.Rule, refused.Kind, refused.Facts["itemId"]));

        var approved = Apply(meeting, [new MinutesApproved(meeting.Id, Guid.NewGuid(), Now)]);
        var late = Assert.Throws<DomainRuleViolation>(() => MinutesRules.DecideDraft(approved, [new MinuteSection(null, "x", false)], Now));
        Assert.Equal(("minutes-approved", Refusal.Conflict), (late.Rule, late.Kind));
    }

    [Fact]
    public void The_previous_meeting_is_the_latest_earlier_one_of_the_same_body_that_was_not_cancelled()
    {
        var first = MeetingOn(Now);
        var second = MeetingOn(Now.AddMonths(3));
        var cancelled = Apply(MeetingOn(Now.AddMonths(4)), [new MeetingCancelled(Guid.Empty, "No business", Now)]);
        var otherBody = MeetingOn(Now.AddMonths(5), Guid.NewGuid());
        var third = MeetingOn(Now.AddMonths(6));
        Meeting[] all = [first, second, cancelled, otherBody, third];

        Assert.Equal(second.Id, MinutesRules.PreviousMeeting(all, third)?.Id);
        Assert.Equal(first.Id, MinutesRules.PreviousMeeting(all, second)?.Id);
        Assert.Null(MinutesRules.PreviousMeeting(all, first));
    }

    [Fact]
    public void Approval_at_the_next_meeting_approves_the_previous_minutes_and_records_a_minuted_decision()
    {
        var previous = Drafted(MeetingOn(Now));
        var next = MeetingOn(Now.AddMonths(3));
        var decisionId = Guid.NewGuid();
        var (toPrevious, toNext) = MinutesRules.DecideApprovePrevious(next, previous, Quorate, false, decisionId, Now.AddMonths(3));

        Assert.Equal(new MinutesApproved(previous.Id, next.Id, Now.AddMonths(3)), Assert.Single(toPrevious));
        var decision = Assert.IsType<DecisionRecorded>(Assert.Single(toNext));
        Assert.Equal("The minutes of the meeting on 1 December 2026 were approved as a correct record", decision.Text);
        Assert.Equal(Meeting.StandardItemId(next.Id, AgendaItemKind.PreviousMinutes), decision.ItemId);
        Assert.Equal("2027-03-01/3.1", decision.MinuteReference);

        previous = Apply(previous, toPrevious);
        next = Apply(next, toNext);
        Assert.Equal((MinutesStatus.Approved, next.Id), (previous.Minutes.Status, previous.Minutes.ApprovedAtMeetingId));
        Assert.Equal(new MinutesApproval(next.Id, next.StartsAt, Now.AddMonths(3), "2027-03-01/3.1"), MinutesDocument.ApprovalOf(previous, next));

        // approving twice is refused
        Assert.Equal("minutes-approved", Assert.Throws<DomainRuleViolation>(() =>
            MinutesRules.DecideApprovePrevious(next, previous, Quorate, false, Guid.NewGuid(), Now)).Rule);
    }

    [Fact]
    public void Approval_needs_a_previous_meeting_with_draft_minutes_a_quorum_and_happens_only_at_the_next_meeting()
    {
        var first = Drafted(MeetingOn(Now));
        var second = MeetingOn(Now.AddMonths(3));
        var third = MeetingOn(Now.AddMonths(6));

        Assert.Equal("no-previous-meeting", Assert.Throws<DomainRuleViolation>(() =>
            MinutesRules.DecideApprovePrevious(first, MinutesRules.PreviousMeeting([first, second, third], first), Quorate, false, Guid.NewGuid(), Now)).Rule);
        // the third meeting's previous meeting is the second, which has no draft: the first's minutes are not approved there
        var skipped = Assert.Throws<DomainRuleViolation>(() =>
            MinutesRules.DecideApprovePrevious(third, MinutesRules.PreviousMeeting([first, second, third], third), Quorate, false, Guid.NewGuid(), Now));
        Assert.Equal(("no-draft-minutes", second.Id), (skipped.Rule, skipped.Facts["previousMeetingId"]));
        Assert.Equal("not-the-next-meeting", Assert.Throws<DomainRuleViolation>(() =>
            MinutesRules.DecideApprovePrevious(first, third, Quorate, false, Guid.NewGuid(), Now)).Rule);
        Assert.Equal("quorum-not-met", Assert.Throws<DomainRuleViolation>(() =>
            MinutesRules.DecideApprovePrevious(second, first, new QuorumResult(false, 4, []), false, Guid.NewGuid(), Now)).Rule);
    }

    [Fact]
    public void Only_approved_minutes_are_published_once()
    {
        var meeting = MeetingOn(Now);
        Assert.Equal("minutes-not-approved", Assert.Throws<DomainRuleViolation>(() => MinutesRules.DecidePublish(meeting, Now)).Rule);
        meeting = Drafted(meeting);
        var refused = Assert.Throws<DomainRuleViolation>(() => MinutesRules.DecidePublish(meeting, Now));
        Assert.Equal(("minutes-not-approved", Refusal.Conflict, "Draft"), (refused.Rule, refused.Kind, refused.Facts["minutesStatus"]));
        meeting = Apply(meeting, [new MinutesApproved(meeting.Id, Guid.NewGuid(), Now)]);
        meeting = Apply(meeting, MinutesRules.DecidePublish(meeting, Now));
        Assert.Equal(MinutesStatus.Published, meeting.Minutes.Status);
        Assert.Equal("minutes-already-published", Assert.Throws<DomainRuleViolation>(() => MinutesRules.DecidePublish(meeting, Now)).Rule);
    }

    [Fact]
    public void The_public_version_leaves_out_exempt_items_sections_papers_and_decisions()
    {
        var meeting = MeetingOn(Now);
        Guid open = Guid.NewGuid(), exempt = Guid.NewGuid();
        var member = new MemberRef { Id = Guid.NewGuid(), BodyId = BodyId, OrganisationId = Guid.NewGuid(), PersonName = "Person 0", Appointed = true };
        var organisation = new OrganisationRef { Id = member.OrganisationId, Name = "Kent Police" };
        meeting = Apply(meeting, [
            new AgendaItemAdded(meeting.Id, open, "Town centre night-time economy", AgendaItemKind.Business, false, null, Now),
            new AgendaItemAdded(meeting.Id, exempt, "Named persons: closure order", AgendaItemKind.Business, true, null, Now),
            new PaperAttached(meeting.Id, open, Guid.NewGuid(), "Public report", "https://example.org/public.pdf", false, Now),
            new PaperAttached(meeting.Id, open, Guid.NewGuid(), "Police intelligence annex", "https://example.org/annex.pdf", true, Now),
            new PaperAttached(meeting.Id, exempt, Guid.NewGuid(), "Closure file", "https://example.org/closure.pdf", true, Now),
            new InterestDeclared(meeting.Id, member.Id, exempt, InterestNature.NonRegistrable, "Knows the tenant", Now),
            new AttendanceRecorded(meeting.Id, member.Id, AttendanceKind.Present, null, Now),
            new DecisionRecorded(meeting.Id, Guid.NewGuid(), BodyId, "Fund street pastors", true, null, [], Now, open),
            new DecisionRecorded(meeting.Id, Guid.NewGuid(), BodyId, "Seek a closure order for 12 Acacia Avenue", true, null, [], Now, exempt),
            new AttendeeLeft(meeting.Id, member.Id, Now.AddHours(1)),
            new MinutesDrafted(meeting.Id, [
                new MinuteSection(open, "Footfall is up", false),
                new MinuteSection(open, "Intelligence on named dealers", true),
                new MinuteSection(exempt, "The tenant at 12 Acacia Avenue", false),
                new MinuteSection(null, "Meeting closed at 11:00", false),
                new MinuteSection(null, "Chair's confidential note", true),
            ], Now),
        ]);
        var membership = new MembershipSnapshot(new BodyRef { Id = BodyId, Name = "Working Group" },
            new Dictionary<Guid, MemberRef> { [member.Id] = member }, new Dictionary<Guid, OrganisationRef> { [organisation.Id] = organisation });

        var full = MinutesDocument.Assemble(meeting, membership, null);
        Assert.False(full.PublicVersion);
        Assert.Equal([("Person 0", "Kent Police", false), ("Person 0", "Kent Police", true)],
            full.Attendance.Select(a => (a.Name, a.Organisation!, a.Left)));
        var fullExempt = full.Items.Single(i => i.Id == exempt);
        Assert.Equal(("Named persons: closure order", "Knows the tenant", "2026-12-01/6.1"),
            (fullExempt.Title, Assert.Single(fullExempt.Declarations).Details, Assert.Single(fullExempt.Decisions).MinuteReference));
        Assert.Equal(2, full.General.Count);

        var shown = MinutesDocument.ForPublic(full);
        Assert.True(shown.PublicVersion);
        var hidden = shown.Items.Single(i => i.Id == exempt);
        Assert.Equal((Meeting.ExemptItemTitle, 0, 0, 0, 0),
            (hidden.Title, hidden.Papers.Count, hidden.Sections.Count, hidden.Decisions.Count, hidden.Declarations.Count));
        var openItem = shown.Items.Single(i => i.Id == open);
        Assert.Equal(["Public report"], openItem.Papers.Select(p => p.Title));
        Assert.Equal(["Footfall is up"], openItem.Sections.Select(s => s.Text));
        Assert.Equal([("Fund street pastors", "2026-12-01/5.1")], openItem.Decisions.Select(d => (d.Text, d.MinuteReference)));
        Assert.Equal(["Meeting closed at 11:00"], shown.General.Select(s => s.Text));

        var text = System.Text.Json.JsonSerializer.Serialize(shown);
        foreach (var secret in new[] { "Acacia", "closure", "Closure", "named dealers", "confidential", "annex", "Knows the tenant" })
            Assert.DoesNotContain(secret, text);
    }
}
