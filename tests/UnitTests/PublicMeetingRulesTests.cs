using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class PublicMeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MeetingStart = Now.AddDays(20);

    private static BodyRef Body(BodyKind kind) => new() { Id = Guid.NewGuid(), Name = kind.ToString(), Kind = kind };

    private static Meeting MeetingOf(BodyRef body, Area? area = null, bool cancelled = false)
    {
        var meeting = Meeting.Create(new MeetingScheduled(Guid.NewGuid(), body.Id, body.Name, MeetingStart, MeetingStart.AddHours(2), "Town Hall",
            area, null, body.IsPublic, [], Now));
        return cancelled ? meeting.Apply(new MeetingCancelled(meeting.Id, "Hall flooded", Now)) : meeting;
    }

    private static IReadOnlyList<object> Submit(Meeting meeting, BodyRef body, Area? area = null, string? location = null,
        NeighbourhoodMeetingRef? next = null, DateTimeOffset? at = null, SubmissionKind kind = SubmissionKind.Observation) =>
        PublicQuestion.DecideSubmit(Guid.NewGuid(), meeting, body, kind, " Speeding on the high street ", area, location, "A Resident",
            "resident@example.org", next, FakeSeal, at ?? Now);

    /// <summary>Stands for the data key's sealing: shows what was given to be sealed.</summary>
    private static string FakeSeal(ResidentDetails details) => "sealed:" + System.Text.Json.JsonSerializer.Serialize(details);

    private static ResidentDetails Unsealed(string? sealedText) =>
        System.Text.Json.JsonSerializer.Deserialize<ResidentDetails>(sealedText!["sealed:".Length..])!;

    private static PublicQuestion Submitted(Area? area = Area.North)
    {
        var body = Body(BodyKind.NeighbourhoodEngagement);
        return PublicQuestion.Create((QuestionSubmitted)Submit(MeetingOf(body, Area.North), body, area).Single());
    }

    private static PublicQuestion Accepted() =>
        Submitted().Apply((QuestionModerated)PublicQuestion.DecideModerate(Submitted(), true, null, "clerk", Now).Single());

    private static PublicQuestion Answered()
    {
        var accepted = Accepted();
        return accepted.Apply((QuestionAnswered)PublicQuestion.DecideAnswer(accepted, MeetingStart, "We will ask the police.", "clerk", MeetingStart).Single());
    }

    private static PublicQuestion WithOutcome()
    {
        var answered = Answered();
        return answered.Apply((QuestionOutcomeRecorded)PublicQuestion.DecideRecordOutcome(answered, "Speeding", "Speed checks", OutcomeProgress.Done,
            "clerk", MeetingStart.AddDays(30)).Single());
    }

    // ---- the public notice ----

    [Fact]
    public void A_public_meeting_fewer_than_the_notice_days_ahead_is_refused()
    {
        var refused = Assert.Throws<DomainRuleViolation>(() => PublicNotice.Check(true, Now.AddDays(13), Now, 14));
        Assert.Equal("too-short-notice", refused.Rule);
        Assert.Equal(Refusal.Inconsistent, refused.Kind);
        Assert.Equal(14, refused.Facts["advertiseDays"]);
        Assert.Equal(Now.AddDays(14), refused.Facts["earliestStart"]);
    }

    [Fact]
    public void A_public_meeting_exactly_the_notice_ahead_and_a_private_one_at_any_notice_pass()
    {
        PublicNotice.Check(true, Now.AddDays(14), Now, 14);
        PublicNotice.Check(true, Now.AddDays(3), Now, 2);
        PublicNotice.Check(false, Now.AddHours(1), Now, 14);
    }

    // ---- submissions ----

    [Fact]
    public void The_Open_Forum_refuses_an_area_specific_observation_and_points_to_the_next_NEM_of_the_area()
    {
        var forum = Body(BodyKind.OpenForum);
        var next = new NeighbourhoodMeetingRef(Guid.NewGuid(), "/api/meetings/meetings/x", MeetingStart.AddDays(7));
        var refused = Assert.Throws<DomainRuleViolation>(() => Submit(MeetingOf(forum), forum, Area.East, next: next));
        Assert.Equal("area-specific-at-open-forum", refused.Rule);
        Assert.Equal(Refusal.Inconsistent, refused.Kind);
        Assert.Same(next, refused.Facts["neighbourhoodMeeting"]);
        Assert.Contains("Neighbourhood Engagement Meeting for the East area", refused.Message);
        Assert.DoesNotContain("status", refused.Facts.Keys);
    }

    [Fact]
    public void The_Open_Forum_refuses_a_street_level_location_too_even_in_a_question_and_says_when_no_NEM_is_scheduled()
    {
        var forum = Body(BodyKind.OpenForum);
        var refused = Assert.Throws<DomainRuleViolation>(() => Submit(MeetingOf(forum), forum, location: "Corner of Mill Lane",
            kind: SubmissionKind.Question));
        Assert.Equal("area-specific-at-open-forum", refused.Rule);
        Assert.Null(refused.Facts["neighbourhoodMeeting"]);
        Assert.Contains("none is scheduled", refused.Message);
    }

    [Fact]
    public void The_Open_Forum_takes_a_district_wide_observation_without_area_or_location()
    {
        var forum = Body(BodyKind.OpenForum);
        var submitted = Assert.IsType<QuestionSubmitted>(Assert.Single(Submit(MeetingOf(forum), forum, location: "  ")));
        Assert.Equal("Speeding on the high street", submitted.Text);
        Assert.Null(Unsealed(submitted.SealedDetails).Location);
        Assert.Null(PublicQuestion.Create(submitted).OutcomeArea);
    }

    [Fact]
    public void A_NEM_takes_a_street_level_location_in_its_own_area_and_refuses_another_area()
    {
        var nem = Body(BodyKind.NeighbourhoodEngagement);
        var meeting = MeetingOf(nem, Area.North);
        var submitted = Assert.IsType<QuestionSubmitted>(Assert.Single(Submit(meeting, nem, Area.North, "Mill Lane, by the school")));
        Assert.Equal(new ResidentDetails("A Resident", "resident@example.org", "Mill Lane, by the school"), Unsealed(submitted.SealedDetails));
        Assert.Equal(Area.North, PublicQuestion.Create(Assert.IsType<QuestionSubmitted>(Assert.Single(Submit(meeting, nem)))).OutcomeArea);

        var refused = Assert.Throws<DomainRuleViolation>(() => Submit(meeting, nem, Area.South));
        Assert.Equal(("wrong-area", Refusal.Inconsistent), (refused.Rule, refused.Kind));
        Assert.Equal(Area.North, refused.Facts["meetingArea"]);
    }

    [Fact]
    public void Private_cancelled_and_ended_meetings_take_no_submissions()
    {
        var panel = Body(BodyKind.AsbCasePanel);
        Assert.Equal("not-a-public-meeting", Assert.Throws<DomainRuleViolation>(() => Submit(MeetingOf(panel), panel)).Rule);

        var nem = Body(BodyKind.NeighbourhoodEngagement);
        var cancelled = Assert.Throws<DomainRuleViolation>(() => Submit(MeetingOf(nem, Area.West, cancelled: true), nem));
        Assert.Equal(("meeting-cancelled", Refusal.Conflict), (cancelled.Rule, cancelled.Kind));

        var meeting = MeetingOf(nem, Area.West);
        Assert.Single(Submit(meeting, nem, at: meeting.EndsAt.AddSeconds(-1)));
        Assert.Equal("submissions-closed", Assert.Throws<DomainRuleViolation>(() => Submit(meeting, nem, at: meeting.EndsAt)).Rule);
    }

    // ---- the lifecycle ----

    [Fact]
    public void A_submission_is_moderated_once_and_a_rejection_needs_a_reason()
    {
        var question = Submitted();
        Assert.Equal(ModerationState.Pending, question.Moderation);
        Assert.Equal("reason-required", Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideModerate(question, false, " ", "clerk", Now)).Rule);
        var rejected = question.Apply((QuestionModerated)PublicQuestion.DecideModerate(question, false, "Names a private person", "clerk", Now).Single());
        Assert.Equal((ModerationState.Rejected, "Names a private person"), (rejected.Moderation, rejected.RejectionReason));
        Assert.Equal("already-moderated", Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideModerate(rejected, true, null, "clerk", Now)).Rule);
    }

    [Fact]
    public void An_unaccepted_question_cannot_be_answered_nor_an_accepted_one_before_its_meeting()
    {
        var pending = Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideAnswer(Submitted(), MeetingStart, "x", "clerk", MeetingStart));
        Assert.Equal(("question-not-accepted", Refusal.Conflict), (pending.Rule, pending.Kind));
        Assert.Equal(ModerationState.Pending, pending.Facts["moderation"]);

        var early = Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideAnswer(Accepted(), MeetingStart, "x", "clerk", MeetingStart.AddMinutes(-1)));
        Assert.Equal("meeting-not-yet-held", early.Rule);

        var answered = Answered();
        Assert.Equal("We will ask the police.", answered.Answer);
        Assert.Equal("already-answered", Assert.Throws<DomainRuleViolation>(() =>
            PublicQuestion.DecideAnswer(answered, MeetingStart, "again", "clerk", MeetingStart.AddDays(1))).Rule);
    }

    [Fact]
    public void An_outcome_needs_an_answer_and_cannot_be_published_before_it_is_recorded_nor_twice()
    {
        Assert.Equal("question-not-answered", Assert.Throws<DomainRuleViolation>(() =>
            PublicQuestion.DecideRecordOutcome(Accepted(), "a", "b", OutcomeProgress.Done, "clerk", Now)).Rule);
        Assert.Equal("question-not-accepted", Assert.Throws<DomainRuleViolation>(() =>
            PublicQuestion.DecideRecordOutcome(Submitted(), "a", "b", OutcomeProgress.Done, "clerk", Now)).Rule);
        Assert.Equal("outcome-not-recorded", Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecidePublishOutcome(Answered(), Now)).Rule);

        var recorded = WithOutcome();
        Assert.Equal(("Speeding", "Speed checks", OutcomeProgress.Done), (recorded.YouSaid, recorded.WeDid, recorded.Progress));
        // revised before publication
        var revised = recorded.Apply((QuestionOutcomeRecorded)PublicQuestion.DecideRecordOutcome(recorded, "Speeding", "Speed checks and a camera",
            OutcomeProgress.InProgress, "clerk", Now).Single());
        var published = revised.Apply((QuestionOutcomePublished)PublicQuestion.DecidePublishOutcome(revised, MeetingStart.AddDays(40)).Single());
        Assert.True(published.OutcomeIsPublished);
        Assert.Equal("Speed checks and a camera", published.WeDid);
        Assert.Equal("outcome-already-published", Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecidePublishOutcome(published, Now)).Rule);
        Assert.Equal("outcome-already-published", Assert.Throws<DomainRuleViolation>(() =>
            PublicQuestion.DecideRecordOutcome(published, "a", "b", OutcomeProgress.Done, "clerk", Now)).Rule);
    }

    // ---- residents' details: sealing, erasure, retention ----

    [Fact]
    public void Only_a_submission_that_is_taken_and_has_details_is_sealed()
    {
        var nem = Body(BodyKind.NeighbourhoodEngagement);
        var meeting = MeetingOf(nem, Area.North);
        var calls = 0;
        string Counting(ResidentDetails d)
        {
            calls++;
            return FakeSeal(d);
        }

        Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideSubmit(Guid.NewGuid(), meeting, nem, SubmissionKind.Question, "x", Area.South,
            "Mill Lane", "A Resident", "resident@example.org", null, Counting, Now));
        Assert.Equal(0, calls); // refused: no key is created

        var anonymous = Assert.IsType<QuestionSubmitted>(Assert.Single(PublicQuestion.DecideSubmit(Guid.NewGuid(), meeting, nem,
            SubmissionKind.Question, "When will the lights be fixed?", null, " ", " ", null, null, Counting, Now)));
        Assert.Null(anonymous.SealedDetails); // nothing personal given: nothing sealed, no key
        Assert.Equal(0, calls);

        var named = Assert.IsType<QuestionSubmitted>(Assert.Single(PublicQuestion.DecideSubmit(Guid.NewGuid(), meeting, nem,
            SubmissionKind.Question, "x", null, null, " Jo ", null, null, Counting, Now)));
        Assert.Equal(new ResidentDetails("Jo", null, null), Unsealed(named.SealedDetails));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_residents_details_are_erased_once_with_who_and_why_and_only_if_there_are_any()
    {
        var question = Submitted();
        var erased = Assert.IsType<ResidentDetailsErased>(Assert.Single(PublicQuestion.DecideEraseDetails(question, " Asked by the resident ", "Clerk", Now)));
        Assert.Equal((question.Id, "Clerk", "Asked by the resident", Now), (erased.QuestionId, erased.By, erased.Reason, erased.At));

        var after = question.Apply(erased);
        Assert.Null(after.SealedDetails);
        Assert.Equal(new DetailsErasure("Clerk", "Asked by the resident", Now), after.Erasure);
        Assert.Equal("Speeding on the high street", after.Text); // the matter raised stays

        var again = Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideEraseDetails(after, "again", "Clerk", Now.AddDays(1)));
        Assert.Equal(("details-already-erased", Refusal.Conflict, Now), (again.Rule, again.Kind, again.Facts["erasedAt"]));

        var nem = Body(BodyKind.NeighbourhoodEngagement);
        var none = PublicQuestion.Create(Assert.IsType<QuestionSubmitted>(Assert.Single(PublicQuestion.DecideSubmit(Guid.NewGuid(), MeetingOf(nem, Area.North),
            nem, SubmissionKind.Question, "x", null, null, null, null, null, FakeSeal, Now))));
        var nothing = Assert.Throws<DomainRuleViolation>(() => PublicQuestion.DecideEraseDetails(none, "asked", "Clerk", Now));
        Assert.Equal(("no-resident-details", Refusal.Conflict), (nothing.Rule, nothing.Kind));
    }

    [Theory]
    [InlineData(12, "2028-03-31T21:00:00+00:00")]
    [InlineData(1, "2027-04-30T21:00:00+00:00")] // the end of a month: AddMonths keeps within the shorter month
    [InlineData(6, "2027-09-30T21:00:00+00:00")]
    public void Details_are_kept_the_configured_months_after_the_meeting_ends(int months, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), ResidentDetailsRetention.ErasableFrom(DateTimeOffset.Parse("2027-03-31T21:00:00+00:00", CultureInfo.InvariantCulture), months));
    }

    [Fact]
    public void Retention_erases_when_the_period_after_the_meeting_has_run_and_never_twice()
    {
        var question = Submitted();
        var meetingEndsAt = MeetingStart.AddHours(2);
        var due = meetingEndsAt.AddMonths(12);

        Assert.Empty(ResidentDetailsRetention.Decide(question, meetingEndsAt, 12, due.AddTicks(-1)));
        var erased = Assert.IsType<ResidentDetailsErased>(Assert.Single(ResidentDetailsRetention.Decide(question, meetingEndsAt, 12, due)));
        Assert.Equal((ResidentDetailsRetention.Actor, due), (erased.By, erased.At));
        Assert.Contains("12 months after the meeting", erased.Reason);

        Assert.Empty(ResidentDetailsRetention.Decide(question.Apply(erased), meetingEndsAt, 12, due.AddYears(1)));
        var byClerk = question.Apply((ResidentDetailsErased)PublicQuestion.DecideEraseDetails(question, "asked", "Clerk", Now).Single());
        Assert.Empty(ResidentDetailsRetention.Decide(byClerk, meetingEndsAt, 12, due));
    }

    [Fact]
    public void The_retention_period_defaults_to_twelve_months_and_is_at_least_one()
    {
        var defaults = new CommunitySafety.Meetings.MeetingsOptions();
        Assert.Empty(defaults.Faults());
        Assert.Equal(12, defaults.Public.ResidentDetailsRetentionMonths);
        var none = new CommunitySafety.Meetings.MeetingsOptions { Public = { ResidentDetailsRetentionMonths = 0 } };
        Assert.Contains("ResidentDetailsRetentionMonths", Assert.Single(none.Faults()));
    }
}
