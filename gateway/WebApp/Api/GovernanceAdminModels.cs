using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Web.Api;

// What governance administrators read and send through Governance (/api/governance): organisations and their signature of the
// Information Sharing Agreement, bodies, their members, offices (chair and vice-chair) and elections.

public enum IsaAction { Signed, Withdrawn }

public sealed record IsaEntry(IsaAction Action, DateTimeOffset RecordedAt, DateOnly? SignedOn, string? SignedBy, string? Reason, string? AgreementVersion,
    DateOnly? ReviewOn);

/// <summary>An organisation as Governance keeps it: a signatory of the ISA while <see cref="IsaSignedOn"/> is set.</summary>
public sealed record AdminOrganisation(Guid Id, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt, DateOnly? IsaSignedOn, string? IsaSignedBy,
    string? IsaAgreementVersion, DateOnly? IsaReviewOn, IReadOnlyList<IsaEntry>? IsaHistory, IReadOnlyList<DateOnly>? IsaReviewReminders, long Version)
{
    public bool Signatory => IsaSignedOn is not null;
}

public sealed record RegisterOrganisationRequest(string Name, OrganisationKind Kind);

public sealed record SignIsaRequest(DateOnly SignedOn, string SignedBy, string? AgreementVersion, DateOnly? ReviewOn);

public sealed record WithdrawIsaRequest(string Reason);

public sealed record AdminSubstitute(Guid SubstituteId, string Name, DateTimeOffset NamedAt);

public sealed record AdminMembership(Guid MembershipId, Guid OrganisationId, string PersonName, MemberRole Role, DateTimeOffset AppointedAt,
    IReadOnlyList<AdminSubstitute> Substitutes, DateTimeOffset? EndedAt, IReadOnlyList<Guid>? Represents)
{
    public bool Current => EndedAt is null;
}

public sealed record AdminElection(Guid ElectionId, Office Office, IReadOnlyList<Guid> Candidates, Guid ElectedMembershipId, string ElectedName, Guid? DecisionId,
    DateOnly TermStartsOn, DateOnly TermEndsOn, DateTimeOffset RecordedAt);

public sealed record AdminOfficeReminder(Office Office, Guid MembershipId, string PersonName, DateOnly TermEndsOn, Guid ElectionId, DateTimeOffset RaisedAt);

public enum OfficeVacancyReason { TermLapsed, MembershipEnded, ElectedToOtherOffice }

/// <summary>An office today: its holder and term, or vacant.</summary>
public sealed record OfficeView(Office Office, Guid? MembershipId, string? PersonName, DateOnly? TermStartsOn, DateOnly? TermEndsOn, bool Vacant,
    DateOnly? VacantFrom, OfficeVacancyReason? VacancyReason, Guid? ElectionId, DateTimeOffset? ReminderRaisedAt);

/// <summary>The latest term of an office filled by election; vacant from <see cref="VacantFrom"/> once recorded so.</summary>
public sealed record OfficeTerm(Office Office, Guid MembershipId, string PersonName, Guid ElectionId, DateOnly TermStartsOn, DateOnly TermEndsOn,
    DateTimeOffset? ReminderRaisedAt, DateOnly? VacantFrom, OfficeVacancyReason? VacancyReason);

/// <summary>A body as Governance keeps it (<c>GET /api/governance/bodies/{id}</c>).</summary>
public sealed record AdminBody(Guid Id, string Name, BodyKind Kind, MeetingCadence Cadence, int QuorumMinimum, DateTimeOffset CreatedAt,
    IReadOnlyList<AdminMembership> Members, long Version)
{
    public IReadOnlyList<AdminElection> Elections { get; init; } = [];
    public IReadOnlyList<OfficeTerm> Offices { get; init; } = [];
    public IReadOnlyList<AdminOfficeReminder> Reminders { get; init; } = [];
    public IReadOnlyList<RepresentationApproval> RepresentationApprovals { get; init; } = [];
    public bool MarkedConfidential { get; init; }
    public Guid? ParentBodyId { get; init; }
    public int? TermsOfReferenceVersion { get; init; }

    public AdminMembership? Member(Guid membershipId) => Members.FirstOrDefault(m => m.MembershipId == membershipId);
}

public sealed record CreateBodyRequest(string Name, BodyKind Kind, MeetingCadence Cadence, int? QuorumMinimum, bool? Confidential, Guid? ParentBodyId);

/// <param name="OrganisationId">The organisation the member comes from.</param>
/// <param name="PersonName">The member's name.</param>
/// <param name="Role">The member's role on the body.</param>
/// <param name="Represents">For a collective seat: the authorities represented (the member's own among them); null for an ordinary seat.</param>
public sealed record AppointMemberRequest(Guid OrganisationId, string PersonName, MemberRole Role, IReadOnlyList<Guid>? Represents = null);

public sealed record RepresentationApproval(Guid OrganisationId, string PersonName, string ApprovedBy, DateOnly ApprovedOn);

public sealed record ApproveRepresentationRequest(Guid OrganisationId, string PersonName, string ApprovedBy, DateOnly ApprovedOn);

public sealed record NameSubstituteRequest(string Name);

public sealed record ElectionRequest(Office Office, IReadOnlyList<Guid> Candidates, Guid ElectedMembershipId, DateOnly? TermStartsOn, DateOnly? TermEndsOn);

public sealed record ElectionRecorded(Guid ElectionId, DateOnly TermStartsOn, DateOnly TermEndsOn);

public sealed record MembershipCreated(Guid MembershipId);

public enum InterestCategory { Employment, Property, MembershipOfOrganisations, GiftsAndHospitality, Other }

/// <summary>One line of a body's register of members' interests.</summary>
public sealed record InterestEntry(Guid InterestId, Guid MembershipId, string PersonName, bool MemberIsCurrent, Guid OrganisationId, string? OrganisationName,
    InterestCategory Category, string Description, DateOnly From, DateOnly? To, bool Current, DateTimeOffset RegisteredAt);

public sealed record RegisterInterestRequest(InterestCategory Category, string Description, DateOnly From, DateOnly? To);

public sealed record EndInterestRequest(DateOnly On);

public enum TermsStatus { Draft, InEffect, Superseded }

public sealed record TermsAdoption(Guid DecisionId, Guid MeetingId, Guid DecidingBodyId, DateOnly AdoptedOn, DateTimeOffset DecidedAt, DateTimeOffset RecordedAt);

public sealed record RefusedAdoption(Guid DecisionId, string Reason, DateTimeOffset RecordedAt);

/// <summary>A version of a body's terms of reference, its status, and the decision that adopted it.</summary>
public sealed record TermsOfReferenceView(Guid VersionId, Guid BodyId, int Version, TermsStatus Status, string Purpose, IReadOnlyList<string> GuidingPrinciples,
    IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking,
    DateTimeOffset DraftedAt, TermsAdoption? Adoption, IReadOnlyList<RefusedAdoption> RefusedAdoptions);

public sealed record BodyTermsOfReference(Guid BodyId, TermsOfReferenceView? InEffect, IReadOnlyList<TermsOfReferenceView> Drafts, IReadOnlyList<TermsOfReferenceView> History);

public sealed record DraftTermsRequest(string Purpose, IReadOnlyList<string> GuidingPrinciples, IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Membership,
    MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking);

public sealed record TermsDrafted(Guid VersionId, int Version);
