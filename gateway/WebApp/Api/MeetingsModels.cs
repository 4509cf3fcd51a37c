using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Web.Api;

// What the site reads of Meetings' answers (JSON, enums by name). Only the fields the pages use.

public enum Area { North, East, South, West }

public enum MeetingStatus { Scheduled, Cancelled }

public enum MinutesStatus { None, Draft, Approved, Published }

public enum AttendanceKind { Present, Substitute, Apologies }

public enum AgendaItemKind { Apologies, Declarations, PreviousMinutes, ActionsReview, Business, Escalated }

public enum InterestNature { DisclosablePecuniary, OtherRegistrable, NonRegistrable }

public enum SubmissionKind { Question, Observation }

public enum ModerationState { Pending, Accepted, Rejected }

public enum OutcomeProgress { Planned, InProgress, Done, NotPossible }

public enum ActionStatus { Open, InProgress, Done, Dropped }

public sealed record MeetingSummary(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, Area? Area, bool Public,
    MeetingStatus Status, string? CancellationReason, IReadOnlyList<string> Flags, DateTimeOffset? AgendaPublishedAt, MinutesStatus MinutesStatus,
    BodyKind? BodyKind = null);

public sealed record Paper(Guid Id, string Title, string Url, bool Exempt);

public sealed record AgendaOrigin(Guid BodyId, string BodyName, Guid MeetingId, Guid ItemId, string ItemTitle, string? Source, string? Url);

public sealed record AgendaItem(Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, AgendaOrigin? Origin, IReadOnlyList<Paper> Papers);

public sealed record Attendance(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId);

public sealed record AttendanceMovement(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId, bool Left, DateTimeOffset At);

public sealed record Interest(Guid MembershipId, Guid ItemId, InterestNature Nature, string Details, DateTimeOffset DeclaredAt);

public sealed record MinutedDecision(Guid DecisionId, Guid? ItemId, string MinuteReference, string Text, bool Exempt);

public sealed record MinuteSection(Guid? ItemId, string Text, bool Exempt);

public sealed record MinutesView(MinutesStatus Status, IReadOnlyList<MinuteSection> Sections, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt);

/// <summary>A meeting in full, as the body's managers and members see it.</summary>
public sealed record Meeting(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, Area? Area, bool Public,
    MeetingStatus Status, string? CancellationReason, IReadOnlyList<string> Flags, IReadOnlyList<Attendance> Attendance,
    IReadOnlyList<AttendanceMovement> AttendanceLog, IReadOnlyList<AgendaItem> Agenda, DateTimeOffset? AgendaPublishedAt,
    IReadOnlyList<Interest> Interests, IReadOnlyList<MinutedDecision> MinutedDecisions, MinutesView Minutes, DateTimeOffset? HeldAt, long Version);

public sealed record PreviousMeetingRef(Guid MeetingId, DateTimeOffset StartsAt, MinutesStatus MinutesStatus);

public sealed record ActionOwner(Guid? MembershipId, Guid? OrganisationId, string Name);

public sealed record ActionNote(string Note, DateTimeOffset At);

public sealed record ActionView(
    Guid Id, Guid BodyId, Guid RaisedAtMeetingId, DateTimeOffset RaisedAtMeetingStartsAt, Guid? ItemId, string Text, ActionOwner Owner,
    DateOnly DueOn, ActionStatus Status, bool Overdue, IReadOnlyList<ActionNote> Notes, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt,
    string? DropReason);

public sealed record AgendaItemView(
    Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, AgendaOrigin? Origin, IReadOnlyList<Paper> Papers,
    PreviousMeetingRef? PreviousMeeting, IReadOnlyList<ActionView>? ActionsForReview);

public sealed record AgendaView(
    Guid MeetingId, Guid BodyId, string Title, DateTimeOffset StartsAt, string? Location, MeetingStatus Status, DateTimeOffset? PublishedAt,
    DateTimeOffset PublicationDueAt, bool FullVersion, IReadOnlyList<AgendaItemView> Items);

public sealed record QuorumResult(bool IsQuorate, int Required, IReadOnlyList<Guid> AuthoritiesRepresented);

public sealed record BodyRef(Guid Id, string Name, BodyKind? Kind, int QuorumMinimum, MeetingCadence? Cadence);

public sealed record SubstituteRef(Guid Id, string Name);

public sealed record MemberRef(Guid Id, Guid BodyId, Guid OrganisationId, string PersonName, MemberRole Role, bool Appointed, DateTimeOffset? EndedAt,
    IReadOnlyList<SubstituteRef> Substitutes);

public sealed record OrganisationRef(Guid Id, string Name, OrganisationKind? Kind);

/// <summary>A body's membership as Meetings knows it (for quorum): the body, its members, their organisations.</summary>
public sealed record BodyMembership(BodyRef Body, IReadOnlyList<MemberRef> Members, IReadOnlyList<OrganisationRef> Organisations);

public sealed record OutcomeView(Guid QuestionId, Guid MeetingId, Area? Area, string YouSaid, string WeDid, OutcomeProgress Progress, DateTimeOffset PublishedAt);

public sealed record PublicQuestionView(
    Guid Id, Guid MeetingId, SubmissionKind Kind, string Text, Area? Area, string? Location, DateTimeOffset SubmittedAt, string? Answer,
    DateTimeOffset? AnsweredAt, OutcomeView? Outcome);

public sealed record ManagedQuestionView(
    Guid Id, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, Area? Area, string? Location, string? Name, string? Contact,
    bool Erased, DateTimeOffset SubmittedAt, ModerationState Moderation, string? RejectionReason, string? Answer, string? YouSaid,
    string? WeDid, OutcomeProgress? Progress, DateTimeOffset? OutcomeRecordedAt, DateTimeOffset? OutcomePublishedAt);

public sealed record SubmitQuestion(SubmissionKind Kind, string Text, Area? Area, string? Location, string? Name, string? Contact);

public sealed record Created(Guid Id);

public sealed record MinutesAttendance(Guid MembershipId, string Name, string? Organisation, AttendanceKind Kind, string? Substitute, bool Left, DateTimeOffset At);

public sealed record MinutesDeclaration(Guid MembershipId, string Name, InterestNature Nature, string Details);

public sealed record MinutesPassage(string Text, bool Exempt);

public sealed record MinutesDecision(Guid DecisionId, string MinuteReference, string Text, bool Exempt);

public sealed record MinutesItem(Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, IReadOnlyList<Paper> Papers,
    IReadOnlyList<MinutesDeclaration> Declarations, IReadOnlyList<MinutesPassage> Sections, IReadOnlyList<MinutesDecision> Decisions);

public sealed record MinutesApproval(Guid AtMeetingId, DateTimeOffset? AtMeetingStartsAt, DateTimeOffset ApprovedAt, string? MinuteReference);

/// <summary>A meeting's minutes: in full for the body's managers and members, the public version once published for everybody else.</summary>
public sealed record MinutesDocument(
    Guid MeetingId, Guid BodyId, string? BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, MinutesStatus Status,
    bool PublicVersion, MinutesApproval? Approval, DateTimeOffset? PublishedAt, IReadOnlyList<MinutesAttendance> Attendance, IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesPassage> General, IReadOnlyList<MinutesDecision> GeneralDecisions);

/// <summary>An entry of the decision register.</summary>
public sealed record DecisionEntry(Guid Id, Guid MeetingId, Guid BodyId, string Text, bool ConsensusReached, string? AgendaReference, DateTimeOffset RecordedAt,
    bool Public, bool Confidential, bool Exempt);
