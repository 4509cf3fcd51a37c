namespace CommunitySafety.Web.Api;

// What the clerks' meeting pages send to Meetings (JSON, enums by name, nulls left out) and read back from its writes.

public sealed record AddAgendaItem(string Title, bool Exempt);

public sealed record ItemAdded(Guid ItemId);

public sealed record AttachPaper(string Title, string Url, bool Exempt);

public sealed record EscalateItem(Guid ToBodyId);

/// <summary>Where an escalated item went: the other body's next meeting, the new item there, and when that meeting starts.</summary>
public sealed record ItemEscalated(Guid MeetingId, Guid ItemId, DateTimeOffset StartsAt);

public sealed record RecordAttendance(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId);

public sealed record RecordDeparture(Guid MembershipId);

public sealed record DeclareInterest(Guid MembershipId, Guid ItemId, InterestNature Nature, string Details);

public sealed record RecordDecision(string Text, bool ConsensusReached, Guid? ItemId);

public sealed record DecisionRecorded(Guid DecisionId, string MinuteReference);

/// <summary>An action owned by a member of the body or by an organisation (exactly one of the two).</summary>
public sealed record RaiseAction(string Text, Guid? OwnerMembershipId, Guid? OwnerOrganisationId, DateOnly DueOn, Guid? ItemId);
