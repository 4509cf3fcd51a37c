using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class MeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid BodyId = Guid.NewGuid();
    private static readonly Meeting Meeting = Meeting.Create(new MeetingScheduled(Guid.NewGuid(), BodyId, "Working Group", Now, Now.AddHours(2), null, null, null, false, [], Now));

    private static MemberRef Member(bool ended = false, Guid? bodyId = null, params Guid[] substitutes) => new()
    {
        Id = Guid.NewGuid(), BodyId = bodyId ?? BodyId, OrganisationId = Guid.NewGuid(), PersonName = "A Member", Appointed = true,
        EndedAt = ended ? Now : null, Substitutes = substitutes.Select(s => new SubstituteRef(s, "Deputy")).ToList(),
    };

    [Fact]
    public void A_decision_in_a_meeting_that_is_not_quorate_is_refused_naming_the_rule()
    {
        var quorum = new QuorumResult(false, 4, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        var refused = Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideDecision(Meeting, quorum, false, Guid.NewGuid(), "Fund the project", true, "5.1", Now));
        Assert.Equal("quorum-not-met", refused.Rule);
        Assert.Equal(4, refused.Facts["required"]);
        Assert.Equal(3, refused.Facts["represented"]);
    }

    [Fact]
    public void A_decision_in_a_quorate_meeting_records_who_was_represented()
    {
        var authorities = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var decisionId = Guid.NewGuid();
        var events = Meeting.DecideDecision(Meeting, new QuorumResult(true, 4, authorities), false, decisionId, " Fund the project ", false, null, Now);
        var recorded = Assert.IsType<DecisionRecorded>(Assert.Single(events));
        Assert.Equal(new DecisionRecorded(Meeting.Id, decisionId, BodyId, "Fund the project", false, null, authorities, Now, null, "2026-11-23/AOB.1") with
        {
            AuthoritiesRepresented = recorded.AuthoritiesRepresented,
        }, recorded);
        Assert.Equal(authorities, recorded.AuthoritiesRepresented);
        Assert.Equal([decisionId], Meeting.Apply(recorded).Decisions);
    }

    [Fact]
    public void Attendance_is_refused_for_someone_not_a_member_of_the_body()
    {
        Assert.Equal("not-a-member", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideAttendance(Meeting, null, Guid.NewGuid(), AttendanceKind.Present, null, Now)).Rule);
        var ofAnotherBody = Member(bodyId: Guid.NewGuid());
        Assert.Equal("not-a-member", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideAttendance(Meeting, ofAnotherBody, ofAnotherBody.Id, AttendanceKind.Present, null, Now)).Rule);
    }

    [Fact]
    public void Attendance_is_refused_for_an_ended_membership_and_a_substitute_not_named()
    {
        var ended = Member(ended: true);
        Assert.Equal("membership-ended", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideAttendance(Meeting, ended, ended.Id, AttendanceKind.Present, null, Now)).Rule);
        var member = Member(substitutes: Guid.NewGuid());
        Assert.Equal("not-a-named-substitute", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideAttendance(Meeting, member, member.Id, AttendanceKind.Substitute, Guid.NewGuid(), Now)).Rule);
    }

    [Fact]
    public void The_latest_attendance_record_of_a_member_replaces_the_earlier_one()
    {
        var substitute = Guid.NewGuid();
        var member = Member(substitutes: substitute);
        var apologies = Meeting.DecideAttendance(Meeting, member, member.Id, AttendanceKind.Apologies, null, Now).Cast<AttendanceRecorded>().Single();
        var bySubstitute = Meeting.DecideAttendance(Meeting, member, member.Id, AttendanceKind.Substitute, substitute, Now).Cast<AttendanceRecorded>().Single();
        var meeting = Meeting.Apply(apologies).Apply(bySubstitute);
        Assert.Equal([new Attendance(member.Id, AttendanceKind.Substitute, substitute)], meeting.Attendance);
    }

    [Fact]
    public void Scheduling_needs_a_body_known_to_meetings()
    {
        Assert.Equal("body-not-known", Assert.Throws<DomainRuleViolation>(() =>
            Meeting.DecideSchedule(Guid.NewGuid(), null, BodyId, null, Now, null, null, null, null, [], Now)).Rule);
        var scheduled = Meeting.DecideSchedule(Guid.NewGuid(), new BodyRef { Id = BodyId, Name = "Steering Group" }, BodyId, " ", Now, null, " Hall ",
            null, null, [], Now).OfType<MeetingScheduled>().Single();
        Assert.Equal("Steering Group", scheduled.Title);
        Assert.Equal("Hall", scheduled.Location);
        Assert.Equal(Now.AddHours(2), scheduled.EndsAt);
    }
}
