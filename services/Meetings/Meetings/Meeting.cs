using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;

namespace CommunitySafety.Meetings.Meetings;

public enum AttendanceKind
{
    /// <summary>The member attended in person (or online).</summary>
    Present,
    /// <summary>A named substitute attended for the member, with the member's delegated authority.</summary>
    Substitute,
    /// <summary>The member sent apologies.</summary>
    Apologies,
}

public sealed record MeetingScheduled(Guid MeetingId, Guid BodyId, string Title, DateTimeOffset StartsAt, string? Location, DateTimeOffset ScheduledAt);
public sealed record AttendanceRecorded(Guid MeetingId, Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId, DateTimeOffset RecordedAt);
public sealed record DecisionRecorded(
    Guid MeetingId, Guid DecisionId, Guid BodyId, string Text, bool ConsensusReached, string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented, DateTimeOffset RecordedAt);

public sealed record Attendance(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId);

/// <summary>A meeting of a body: its attendance (the latest record per member) and the decisions taken.</summary>
public sealed record Meeting(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, string? Location,
    IReadOnlyList<Attendance> Attendance, IReadOnlyList<Guid> Decisions)
{
    public long Version { get; set; }

    public static Meeting Create(MeetingScheduled e) => new(e.MeetingId, e.BodyId, e.Title, e.StartsAt, e.Location, [], []);

    public Meeting Apply(AttendanceRecorded e) => this with
    {
        Attendance = [.. Attendance.Where(a => a.MembershipId != e.MembershipId), new Attendance(e.MembershipId, e.Kind, e.SubstituteId)],
    };

    public Meeting Apply(DecisionRecorded e) => this with { Decisions = [.. Decisions, e.DecisionId] };

    // ---- rules ----

    public static MeetingScheduled DecideSchedule(Guid meetingId, BodyRef? body, Guid bodyId, string? title, DateTimeOffset startsAt,
        string? location, DateTimeOffset now)
    {
        if (body is null)
            throw new DomainRuleViolation("body-not-known",
                $"Body '{bodyId}' is not known to Meetings (not created in Governance, or not yet received).", 422);
        return new MeetingScheduled(meetingId, bodyId, string.IsNullOrWhiteSpace(title) ? $"{body.Name} meeting" : title.Trim(),
            startsAt, location?.Trim(), now);
    }

    public static IReadOnlyList<object> DecideAttendance(Meeting meeting, MemberRef? member, Guid membershipId, AttendanceKind kind,
        Guid? substituteId, DateTimeOffset now)
    {
        if (member is null || !member.Appointed || member.BodyId != meeting.BodyId)
            throw new DomainRuleViolation("not-a-member", $"Membership '{membershipId}' is not a membership of this meeting's body.", 422);
        if (!member.IsCurrent)
            throw new DomainRuleViolation("membership-ended", $"The membership of {member.PersonName} has ended.", 422);
        if (kind == AttendanceKind.Substitute && member.Substitutes.All(s => s.Id != substituteId))
            throw new DomainRuleViolation("not-a-named-substitute",
                $"'{substituteId}' is not a named substitute for {member.PersonName}.", 422);
        if (kind != AttendanceKind.Substitute && substituteId is not null)
            throw new DomainRuleViolation("substitute-without-kind", "substituteId is only allowed when kind is Substitute.", 422);
        return [new AttendanceRecorded(meeting.Id, membershipId, kind, substituteId, now)];
    }

    /// <summary>A decision is recorded only in a quorate meeting.</summary>
    public static IReadOnlyList<object> DecideDecision(Meeting meeting, QuorumResult quorum, Guid decisionId, string text,
        bool consensusReached, string? agendaReference, DateTimeOffset now)
    {
        if (!quorum.IsQuorate)
            throw new DomainRuleViolation("quorum-not-met",
                    $"The meeting is not quorate: {quorum.AuthoritiesRepresented.Count} responsible authorities represented, " +
                    $"at least {quorum.Required} needed.")
                .With("required", quorum.Required)
                .With("represented", quorum.AuthoritiesRepresented.Count);
        return [new DecisionRecorded(meeting.Id, decisionId, meeting.BodyId, text.Trim(), consensusReached, agendaReference?.Trim(),
            quorum.AuthoritiesRepresented, now)];
    }
}
