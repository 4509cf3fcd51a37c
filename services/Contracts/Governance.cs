namespace CommunitySafety.Contracts.Governance;

/// <summary>Whether an organisation is a statutory responsible authority (counts for quorum) or a co-operating body.</summary>
public enum OrganisationKind
{
    ResponsibleAuthority,
    CooperatingBody,
}

/// <summary>The kinds of body the partnership's terms of reference describe.</summary>
public enum BodyKind
{
    Executive,
    Scrutiny,
    Steering,
    WorkingGroup,
    DeliveryGroup,
    AsbCasePanel,
    OpenForum,
    NeighbourhoodEngagement,
    Conference,
}

public enum MeetingCadence
{
    Monthly,
    BiMonthly,
    Quarterly,
    TwiceYearly,
    Annually,
    AdHoc,
}

public enum MemberRole
{
    Chair,
    ViceChair,
    Member,
}

/// <summary>Published by Governance when an organisation joins the partnership.</summary>
public sealed record OrganisationRegistered(Guid OrganisationId, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => OrganisationId;
}

/// <summary>
/// Published by Governance when a body (group, board, panel) is created. <see cref="Confidential"/>: Governance marked it
/// confidential (the ASB case panel is confidential whatever this says: see <see cref="BodyConfidentiality"/>);
/// <see cref="ParentBodyId"/>: the body that oversees it and may adopt its terms of reference.
/// </summary>
public sealed record BodyCreated(
    Guid BodyId, string Name, BodyKind Kind, MeetingCadence Cadence, int QuorumMinimum, DateTimeOffset CreatedAt,
    bool Confidential = false, Guid? ParentBodyId = null) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>Governance marked the body confidential: from now on its decisions never leave Meetings as text. Once marked, always.</summary>
public sealed record BodyMarkedConfidential(Guid BodyId, DateTimeOffset MarkedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>The body's parent (the body that oversees it and may adopt its terms of reference) changed; null: none.</summary>
public sealed record BodyParentChanged(Guid BodyId, Guid? ParentBodyId, DateTimeOffset ChangedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>Which bodies are confidential: the rule Governance and Meetings share.</summary>
public static class BodyConfidentiality
{
    /// <summary>
    /// The ASB case panel discusses named people: it is confidential whatever its configuration; any other body once
    /// Governance marked it so (<paramref name="marked"/>).
    /// </summary>
    public static bool IsConfidential(BodyKind? kind, bool marked) => marked || kind is BodyKind.AsbCasePanel;

    /// <summary>Open Forums, Neighbourhood Engagement Meetings and the conference meet in public: they cannot be confidential.</summary>
    public static bool MeetsInPublic(BodyKind? kind) => kind is BodyKind.OpenForum or BodyKind.NeighbourhoodEngagement or BodyKind.Conference;
}

/// <summary>A person appointed to a body to represent an organisation — or, in a collective seat, a group of authorities
/// (<see cref="Represents"/>, which includes <see cref="OrganisationId"/>); a collective seat counts as one authority for quorum.</summary>
public sealed record MemberAppointed(
    Guid BodyId, Guid MembershipId, Guid OrganisationId, string PersonName, MemberRole Role, DateTimeOffset AppointedAt,
    IReadOnlyList<Guid>? Represents = null) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MembershipId;
}

/// <summary>A named substitute (deputy) who may attend for a member with the member's delegated authority.</summary>
public sealed record SubstituteNamed(Guid BodyId, Guid MembershipId, Guid SubstituteId, string SubstituteName, DateTimeOffset NamedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MembershipId;
}

public sealed record MembershipEnded(Guid BodyId, Guid MembershipId, DateTimeOffset EndedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MembershipId;
}

/// <summary>The organisation signed the Kent and Medway Information Sharing Agreement.</summary>
public sealed record IsaSigned(
    Guid OrganisationId, DateOnly SignedOn, string SignedBy, DateTimeOffset RecordedAt, string? AgreementVersion = null, DateOnly? ReviewOn = null) : IRecordEvent
{
    Guid IRecordEvent.RecordId => OrganisationId;
}

/// <summary>The organisation withdrew from the Information Sharing Agreement: it may no longer see shared case data.</summary>
public sealed record IsaWithdrawn(Guid OrganisationId, string Reason, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => OrganisationId;
}

/// <summary>The organisation's signature of the Information Sharing Agreement is due for review on <see cref="ReviewOn"/>.</summary>
public sealed record IsaReviewDue(Guid OrganisationId, DateOnly ReviewOn, DateTimeOffset RaisedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => OrganisationId;
}

/// <summary>The offices of a body, filled by election from its members for a term (the Chair and Vice Chair, revised every two years).</summary>
public enum Office
{
    Chair,
    ViceChair,
}

/// <summary>How a body's terms of reference say it makes decisions.</summary>
public enum DecisionMaking
{
    Consensus,
    Majority,
}

/// <summary>
/// A version of a body's terms of reference took effect: a decision recorded in Meetings adopted it. The body now meets at
/// <see cref="Cadence"/> and is quorate with <see cref="QuorumMinimum"/> responsible authorities represented.
/// </summary>
public sealed record BodyTermsAdopted(
    Guid BodyId, Guid VersionId, int Version, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking, Guid DecisionId,
    DateTimeOffset AdoptedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>
/// A version of a body's terms of reference was drafted in Governance: its id is what a decision names in <c>adopts</c>.
/// Meetings keeps whose terms each version is, to refuse at once a decision of another body adopting them.
/// </summary>
public sealed record TermsOfReferenceVersionDrafted(Guid BodyId, Guid VersionId, int Version, DateTimeOffset DraftedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => VersionId;
}

/// <summary>Who may adopt a body's terms of reference: the rule Meetings (at decision time) and Governance (on adoption) share.</summary>
public static class TermsOfReferenceAdoption
{
    /// <summary>The rule a decision of any other body breaks by adopting a body's terms of reference.</summary>
    public const string Rule = "terms-of-another-body";

    /// <summary>
    /// A body's terms of reference are adopted only by a decision of the body itself, or of its parent body (the body
    /// Governance configured to oversee it), never by another body's.
    /// </summary>
    public static bool MayAdopt(Guid termsBodyId, Guid? termsBodyParentId, Guid decidingBodyId) =>
        decidingBodyId == termsBodyId || termsBodyParentId is { } parent && decidingBodyId == parent;
}

/// <summary>A member was elected to an office of the body for the term from <see cref="TermStartsOn"/> to <see cref="TermEndsOn"/> (inclusive).</summary>
public sealed record OfficeHolderElected(
    Guid BodyId, Guid ElectionId, Office Office, Guid MembershipId, DateOnly TermStartsOn, DateOnly TermEndsOn, Guid? DecisionId,
    DateTimeOffset ElectedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>A member's role on the body changed (elected to an office, or no longer holding one).</summary>
public sealed record MemberRoleChanged(Guid BodyId, Guid MembershipId, MemberRole Role, DateTimeOffset ChangedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MembershipId;
}

/// <summary>Reminder: the term of an office holder ends on <see cref="TermEndsOn"/>; an election is due.</summary>
public sealed record OfficeTermEnding(Guid BodyId, Office Office, Guid MembershipId, DateOnly TermEndsOn, DateTimeOffset RaisedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>The office holder's term lapsed without a new election: the office is vacant from <see cref="VacantFrom"/>.</summary>
public sealed record OfficeVacated(Guid BodyId, Office Office, Guid MembershipId, DateOnly VacantFrom, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => BodyId;
}

/// <summary>
/// Governance asks for an item on the agenda of body <see cref="ToBodyId"/>'s next meeting: an exception of the Community
/// Safety Agreement's action plan (a line turned Red), raised with the county partnership. <see cref="Origin"/> says where
/// it came from (e.g. "CSA 2027 action plan: Reduce repeat victims of domestic abuse"); <see cref="Url"/> where to read more.
/// Meetings puts it on that body's next scheduled meeting, once per <see cref="EscalationId"/>.
/// </summary>
public sealed record EscalationRequested(Guid EscalationId, Guid ToBodyId, string Title, string Origin, string? Url, DateTimeOffset RequestedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => EscalationId;
}
