using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Interventions;

/// <summary>The enforcement and support interventions the panel registers against a case's subjects.</summary>
public enum InterventionKind
{
    Warning,
    /// <summary>Community protection warning (CPW): the written warning a CPN must follow (ASB, Crime and Policing Act 2014 s.43).</summary>
    CommunityProtectionWarning,
    /// <summary>Community protection notice (CPN).</summary>
    CommunityProtectionNotice,
    /// <summary>Acceptable behaviour agreement (ABA).</summary>
    AcceptableBehaviourAgreement,
    Injunction,
}

public sealed record InterventionRecorded(
    Guid CaseId, Guid InterventionId, Guid SubjectId, InterventionKind Kind, DateOnly IssuedOn, Guid IssuedByOrganisation,
    SealedText? Notes, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record InterventionBreached(
    Guid CaseId, Guid InterventionId, DateOnly OccurredOn, SealedText Description, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record Breach(DateOnly OccurredOn, SealedText Description, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An intervention of the case's register, with its breaches (oldest first), as the case and its view hold it.</summary>
public sealed record Intervention(
    Guid Id, Guid SubjectId, InterventionKind Kind, DateOnly IssuedOn, Guid IssuedByOrganisation, SealedText? Notes,
    string RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<Breach> Breaches);
