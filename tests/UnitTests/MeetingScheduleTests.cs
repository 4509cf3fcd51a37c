using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class CadenceTests
{
    private static readonly TimeZoneInfo Uk = Cadences.UkTime;

    private static IReadOnlyList<DateTimeOffset> Series(MeetingCadence cadence, string first, int count, SeriesPattern pattern = SeriesPattern.DayOfMonth) =>
        Cadences.Occurrences(cadence, DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture), pattern, Uk, count);

    [Fact]
    public void A_quarterly_series_crosses_the_year_end_and_keeps_the_local_time_through_clock_changes()
    {
        var dates = Series(MeetingCadence.Quarterly, "2026-10-14T18:30", 5);
        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 14, 18, 30, 0, TimeSpan.FromHours(1)), // British Summer Time
                new DateTimeOffset(2027, 1, 14, 18, 30, 0, TimeSpan.Zero), // GMT, next year
                new DateTimeOffset(2027, 4, 14, 18, 30, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2027, 7, 14, 18, 30, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2027, 10, 14, 18, 30, 0, TimeSpan.FromHours(1)),
            ], dates);
        Assert.All(dates, d => Assert.Equal(new TimeSpan(18, 30, 0), TimeZoneInfo.ConvertTime(d, Uk).TimeOfDay));
    }

    [Theory]
    [InlineData(MeetingCadence.Monthly, "2026-11-10T10:00", "2026-11-10,2026-12-10,2027-01-10,2027-02-10")]
    [InlineData(MeetingCadence.BiMonthly, "2026-11-10T10:00", "2026-11-10,2027-01-10,2027-03-10,2027-05-10")]
    [InlineData(MeetingCadence.TwiceYearly, "2026-09-30T19:00", "2026-09-30,2027-03-30,2027-09-30,2028-03-30")]
    [InlineData(MeetingCadence.Annually, "2026-06-20T09:30", "2026-06-20,2027-06-20,2028-06-20,2029-06-20")]
    // the 31st falls on the last day of shorter months and comes back to the 31st; 29 February only in leap years
    [InlineData(MeetingCadence.Monthly, "2027-12-31T10:00", "2027-12-31,2028-01-31,2028-02-29,2028-03-31")]
    [InlineData(MeetingCadence.Annually, "2028-02-29T10:00", "2028-02-29,2029-02-28,2030-02-28,2031-02-28")]
    public void Each_cadence_steps_by_its_months_from_the_first_date(MeetingCadence cadence, string first, string expected)
    {
        var dates = Series(cadence, first, 4).Select(d => TimeZoneInfo.ConvertTime(d, Uk).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(expected.Split(','), dates);
    }

    [Fact]
    public void The_weekday_pattern_keeps_the_nth_weekday_and_a_fifth_one_falls_on_the_last()
    {
        // 8 December 2026 is the second Tuesday
        var second = Series(MeetingCadence.Monthly, "2026-12-08T14:00", 3, SeriesPattern.WeekdayOfMonth)
            .Select(d => TimeZoneInfo.ConvertTime(d, Uk).ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture));
        Assert.Equal(["2026-12-08 Tue", "2027-01-12 Tue", "2027-02-09 Tue"], second);
        // 29 December 2026 is the fifth Tuesday; February 2027 has only four
        var fifth = Series(MeetingCadence.BiMonthly, "2026-12-29T14:00", 2, SeriesPattern.WeekdayOfMonth)
            .Select(d => TimeZoneInfo.ConvertTime(d, Uk).ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture));
        Assert.Equal(["2026-12-29 Tue", "2027-02-23 Tue"], fifth);
    }

    [Fact]
    public void A_time_the_clocks_skip_moves_an_hour_later()
    {
        // 01:30 on 28 March 2027 does not exist in the UK
        var instant = Cadences.ToInstant(new DateTime(2027, 3, 28, 1, 30, 0), Uk);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 2, 30, 0, TimeSpan.FromHours(1)), instant);
    }

    [Fact]
    public void An_ad_hoc_body_has_no_series_unless_a_cadence_is_given()
    {
        var body = new BodyRef { Id = Guid.NewGuid(), Name = "Night-time economy delivery group", Kind = BodyKind.DeliveryGroup, Cadence = MeetingCadence.AdHoc };
        Assert.Equal("ad-hoc-body", Assert.Throws<DomainRuleViolation>(() => Plan(body, null, 3)).Rule);
        var (series, meetings) = Plan(body, MeetingCadence.Monthly, 3);
        Assert.Equal(MeetingCadence.Monthly, series.Cadence);
        Assert.Equal(3, meetings.Count);
        Assert.Equal(series.MeetingIds, meetings.Select(m => m.MeetingId));
        Assert.All(meetings, m => Assert.Equal(series.SeriesId, m.Events.OfType<MeetingScheduled>().Single().SeriesId));
    }

    [Fact]
    public void A_planned_series_reads_with_its_cadence_pattern_and_meetings()
    {
        var body = new BodyRef { Id = Guid.NewGuid(), Name = "Working Group", Kind = BodyKind.DeliveryGroup, Cadence = MeetingCadence.Quarterly };
        var (planned, meetings) = Plan(body, null, 4);
        var view = MeetingSeriesView.Evolve(null, planned);
        Assert.Equal((planned.SeriesId, body.Id, MeetingCadence.Quarterly, SeriesPattern.DayOfMonth, new DateTime(2027, 1, 5, 10, 0, 0), Uk.Id, 90),
            (view.Id, view.BodyId, view.Cadence, view.Pattern, view.FirstLocal, view.TimeZone, view.DurationMinutes));
        Assert.Equal((planned.Location, planned.Area), (view.Location, view.Area));
        Assert.Equal(meetings.Select(m => m.MeetingId), view.MeetingIds);
        Assert.Equal(planned.SeriesId, MeetingSeries.Evolve(null, planned).Id);
        Assert.Throws<InvalidOperationException>(() => MeetingSeriesView.Evolve(null, new MeetingCancelled(Guid.NewGuid(), "r", DateTimeOffset.UnixEpoch)));
    }

    private static (SeriesPlanned Series, IReadOnlyList<(Guid MeetingId, IReadOnlyList<object> Events)> Meetings) Plan(BodyRef body, MeetingCadence? cadence, int count) =>
        MeetingSeries.DecidePlan(Guid.NewGuid(), body, body.Id, cadence, SeriesPattern.DayOfMonth, new DateTime(2027, 1, 5, 10, 0, 0), Uk, count, 90,
            "Council chamber", null, Guid.NewGuid, (_, _) => [], DateTimeOffset.UtcNow);
}

public sealed class AgendaRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly BodyRef WorkingGroup = new() { Id = Guid.NewGuid(), Name = "Working Group", Kind = BodyKind.WorkingGroup, Cadence = MeetingCadence.Quarterly };
    private static readonly BodyRef Kcsp = new() { Id = Guid.NewGuid(), Name = "Kent Community Safety Partnership", Kind = BodyKind.Executive };

    private static Meeting Scheduled(BodyRef body, DateTimeOffset startsAt, Area? area = null) =>
        Fold(Meeting.DecideSchedule(Guid.NewGuid(), body, body.Id, null, startsAt, null, "Maidstone", area, null, [], Now));

    private static Meeting Fold(IEnumerable<object> events, Meeting? meeting = null) => Meeting.Replay(meeting, events);

    [Fact]
    public void Every_new_meeting_opens_with_the_four_standard_items_in_order()
    {
        var meeting = Scheduled(WorkingGroup, Now.AddDays(30));
        Assert.Equal(
            [(1, AgendaItemKind.Apologies), (2, AgendaItemKind.Declarations), (3, AgendaItemKind.PreviousMinutes), (4, AgendaItemKind.ActionsReview)],
            meeting.Agenda.Select(i => (i.Number, i.Kind)));
        Assert.Equal(Meeting.StandardItemId(meeting.Id, AgendaItemKind.PreviousMinutes), meeting.Agenda[2].Id);
        Assert.Equal(4, meeting.Agenda.Select(i => i.Id).Distinct().Count());

        var withItem = Fold(Meeting.DecideAddItem(meeting, Guid.NewGuid(), " Night-time economy ", false, Now), meeting);
        Assert.Equal((5, "Night-time economy", AgendaItemKind.Business), (withItem.Agenda[4].Number, withItem.Agenda[4].Title, withItem.Agenda[4].Kind));
    }

    [Fact]
    public void A_neighbourhood_engagement_meeting_needs_its_area_and_public_bodies_meet_in_public()
    {
        var nem = new BodyRef { Id = Guid.NewGuid(), Name = "Neighbourhood Engagement Meeting", Kind = BodyKind.NeighbourhoodEngagement };
        Assert.Equal("area-required", Assert.Throws<DomainRuleViolation>(() => Scheduled(nem, Now.AddDays(20))).Rule);
        var north = Scheduled(nem, Now.AddDays(20), Area.North);
        Assert.True(north.Public);
        Assert.Equal("Neighbourhood Engagement Meeting (North)", north.Title);
        Assert.False(Scheduled(WorkingGroup, Now.AddDays(20)).Public);
        Assert.False(Scheduled(new BodyRef { Id = Guid.NewGuid(), Name = "ASB case panel", Kind = BodyKind.AsbCasePanel }, Now.AddDays(20)).Public);
    }

    [Fact]
    public void Rescheduling_and_cancelling_raise_the_sequence_and_a_cancelled_meeting_takes_no_more_business()
    {
        var meeting = Scheduled(WorkingGroup, Now.AddDays(30));
        Assert.Equal("ends-before-start", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideReschedule(meeting, Now.AddDays(31), Now.AddDays(31).AddMinutes(-5), null, "Clash", [], Now)).Rule);
        var moved = Fold(Meeting.DecideReschedule(meeting, Now.AddDays(31), null, null, " Clash with the council budget meeting ", [], Now), meeting);
        Assert.Equal((1, Now.AddDays(31), Now.AddDays(31).AddHours(2), "Maidstone"), (moved.Sequence, moved.StartsAt, moved.EndsAt, moved.Location));
        Assert.Contains("Clash with the council budget meeting", Assert.Single(moved.Changes));

        var cancelled = Fold(Meeting.DecideCancel(moved, "No business", Now), moved);
        Assert.Equal((MeetingStatus.Cancelled, 2), (cancelled.Status, cancelled.Sequence));
        Assert.Equal("meeting-cancelled", Assert.Throws<DomainRuleViolation>(() => Meeting.DecideCancel(cancelled, "again", Now)).Rule);
        Assert.Equal("meeting-cancelled", Assert.Throws<DomainRuleViolation>(() => Meeting.DecideAddItem(cancelled, Guid.NewGuid(), "x", false, Now)).Rule);
        Assert.Equal("meeting-cancelled", Assert.Throws<DomainRuleViolation>(() => Meeting.DecidePublishAgenda(cancelled, Now)).Rule);
    }

    [Fact]
    public void Papers_of_an_exempt_item_are_exempt_and_an_agenda_is_published_once()
    {
        var meeting = Scheduled(WorkingGroup, Now.AddDays(30));
        var exemptItem = Guid.NewGuid();
        meeting = Fold(Meeting.DecideAddItem(meeting, exemptItem, "Contract for CCTV maintenance", true, Now), meeting);
        meeting = Fold(Meeting.DecideAttachPaper(meeting, exemptItem, Guid.NewGuid(), "Tender prices", "https://example.org/p.pdf", false, Now), meeting);
        Assert.True(Assert.Single(meeting.Item(exemptItem)!.Papers).Exempt);
        Assert.Equal("item-not-on-agenda", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideAttachPaper(meeting, Guid.NewGuid(), Guid.NewGuid(), "x", "https://example.org", false, Now)).Rule);

        var published = Fold(Meeting.DecidePublishAgenda(meeting, Now), meeting);
        Assert.Equal(Now, published.AgendaPublishedAt);
        Assert.Equal("agenda-already-published", Assert.Throws<DomainRuleViolation>(() => Meeting.DecidePublishAgenda(published, Now)).Rule);
    }

    [Fact]
    public void An_item_escalated_to_the_next_meeting_of_another_body_keeps_its_origin()
    {
        var wg = Scheduled(WorkingGroup, Now.AddDays(-1));
        var item = Guid.NewGuid();
        wg = Fold(Meeting.DecideAddItem(wg, item, "Rise in shoplifting in Ashford town centre", false, Now), wg);
        var kcsp = Scheduled(Kcsp, Now.AddDays(14));

        Assert.Equal("no-next-meeting", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideEscalation(wg, WorkingGroup, item, Kcsp.Id, null, Guid.NewGuid(), Now)).Rule);
        Assert.Equal("same-body", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideEscalation(wg, WorkingGroup, item, WorkingGroup.Id, kcsp, Guid.NewGuid(), Now)).Rule);

        var newItem = Guid.NewGuid();
        var (source, target) = Meeting.DecideEscalation(wg, WorkingGroup, item, Kcsp.Id, kcsp, newItem, Now);
        wg = Fold(source, wg);
        kcsp = Fold(target, kcsp);
        var escalated = kcsp.Item(newItem)!;
        Assert.Equal((5, AgendaItemKind.Escalated, "Rise in shoplifting in Ashford town centre"), (escalated.Number, escalated.Kind, escalated.Title));
        Assert.Equal(new AgendaOrigin(WorkingGroup.Id, "Working Group", wg.Id, item, "Rise in shoplifting in Ashford town centre"), escalated.Origin);
        Assert.Equal(kcsp.Id, Assert.Single(wg.Item(item)!.EscalatedTo).MeetingId);
        Assert.Equal("already-escalated", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideEscalation(wg, WorkingGroup, item, Kcsp.Id, kcsp, Guid.NewGuid(), Now)).Rule);
    }

    [Fact]
    public void A_body_that_must_meet_first_is_flagged_when_the_other_would_meet_without_it()
    {
        var rule = new MeetBeforeRule { Id = WorkingGroup.Id, BeforeBodyId = Kcsp.Id, BeforeBodyName = "KCSP" };
        DateTimeOffset January = new(2027, 1, 20, 10, 0, 0, TimeSpan.Zero), April = new(2027, 4, 20, 10, 0, 0, TimeSpan.Zero);
        Assert.Empty(Scheduling.FlagsFor(rule, [], hasPrevious: true));
        Assert.Empty(Scheduling.FlagsFor(rule, [], hasPrevious: false));
        // the group's previous meeting came before the KCSP's January meeting: that one was informed
        Assert.Empty(Scheduling.FlagsFor(rule, [January], hasPrevious: true));
        // …but the April one had no meeting of the group since January
        var flag = Assert.Single(Scheduling.FlagsFor(rule, [April, January], hasPrevious: true));
        Assert.StartsWith($"meets-after:{Kcsp.Id}", flag);
        Assert.Contains("2027-04-20", flag);
        // a first meeting of the group after the KCSP's next one
        Assert.Contains("2027-01-20", Assert.Single(Scheduling.FlagsFor(rule, [January], hasPrevious: false)));
    }

    [Fact]
    public void Interests_are_declared_by_members_of_the_body_on_items_of_the_agenda()
    {
        var meeting = Scheduled(WorkingGroup, Now);
        var member = new MemberRef { Id = Guid.NewGuid(), BodyId = WorkingGroup.Id, OrganisationId = Guid.NewGuid(), PersonName = "Cllr Jones", Appointed = true };
        var item = meeting.Agenda[3].Id;
        Assert.Equal("not-a-member", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideInterest(meeting, null, Guid.NewGuid(), item, InterestNature.OtherRegistrable, "x", Now)).Rule);
        Assert.Equal("item-not-on-agenda", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideInterest(meeting, member, member.Id, Guid.NewGuid(), InterestNature.OtherRegistrable, "x", Now)).Rule);
        meeting = Fold(Meeting.DecideInterest(meeting, member, member.Id, item, InterestNature.DisclosablePecuniary, " Owns a shop in the area ", Now), meeting);
        Assert.Equal(new Interest(member.Id, item, InterestNature.DisclosablePecuniary, "Owns a shop in the area", Now), Assert.Single(meeting.Interests));
        Assert.Equal("interest-already-declared", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideInterest(meeting, member, member.Id, item, InterestNature.DisclosablePecuniary, "again", Now)).Rule);
    }

    [Fact]
    public void Departures_are_kept_and_a_decision_after_quorum_is_lost_is_refused()
    {
        var meeting = Scheduled(WorkingGroup, Now);
        var member = new MemberRef { Id = Guid.NewGuid(), BodyId = WorkingGroup.Id, OrganisationId = Guid.NewGuid(), PersonName = "Inspector Patel", Appointed = true };
        Assert.Equal("not-in-the-meeting", Assert.Throws<DomainRuleViolation>(() => Meeting.DecideDeparture(meeting, member.Id, Now)).Rule);
        meeting = Fold(Meeting.DecideAttendance(meeting, member, member.Id, AttendanceKind.Present, null, Now), meeting);
        var authorities = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var decided = Meeting.DecideDecision(meeting, new QuorumResult(true, 4, authorities), false, Guid.NewGuid(), "Adopt the plan", true, null, Now,
            meeting.Agenda[3].Id).Cast<DecisionRecorded>().Single();
        Assert.Equal(($"{Now:yyyy-MM-dd}/4.1", "4"), (decided.MinuteReference, decided.AgendaReference));
        meeting = Fold([decided], meeting);
        Assert.Equal($"{Now:yyyy-MM-dd}/4.2", meeting.MinuteReferenceFor(meeting.Agenda[3].Id));
        Assert.Equal($"{Now:yyyy-MM-dd}/AOB.1", meeting.MinuteReferenceFor(null));
        // decisions under no item are minuted as any other business, in their own sequence (not as an "item 0")
        var aob = Meeting.DecideDecision(meeting, new QuorumResult(true, 4, authorities), false, Guid.NewGuid(), "Thank the clerk", true, null, Now,
            null).Cast<DecisionRecorded>().Single();
        Assert.Equal($"{Now:yyyy-MM-dd}/AOB.1", aob.MinuteReference);
        Assert.Equal($"{Now:yyyy-MM-dd}/AOB.2", Fold([aob], meeting).MinuteReferenceFor(null));
        Assert.Equal($"{Now:yyyy-MM-dd}/4.2", Fold([aob], meeting).MinuteReferenceFor(meeting.Agenda[3].Id));

        meeting = Fold(Meeting.DecideDeparture(meeting, member.Id, Now.AddMinutes(40)), meeting);
        Assert.Empty(meeting.Attendance);
        Assert.Equal([false, true], meeting.AttendanceLog.Select(m => m.Left));
        var lost = Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideDecision(meeting, new QuorumResult(false, 4, authorities[..3]), false, Guid.NewGuid(), "Adopt", true, null, Now));
        Assert.Equal("quorum-lost", lost.Rule);
        Assert.Equal([member.Id], (IEnumerable<Guid>)lost.Facts["departed"]!);
    }
}
