namespace CommunitySafety.Contracts.Meetings;

/// <summary>
/// A decision recorded in a quorate meeting. Governance, Funding and downstream agencies consume it;
/// consumers de-duplicate on <see cref="DecisionId"/>. <see cref="Adopts"/> names the documents the decision adopts
/// (a body's terms of reference, the Community Safety Agreement, …) by their ids in the service that keeps them.
/// A decision of a confidential body (<see cref="BodyConfidential"/>: the ASB case panel, or a body Governance marked
/// confidential) or under an exempt agenda item (<see cref="ItemExempt"/>) never leaves Meetings as text:
/// <see cref="Text"/> and <see cref="AgendaReference"/> are then null, and only ids, consensus and time travel.
/// </summary>
public sealed record DecisionRecorded(
    Guid DecisionId,
    Guid MeetingId,
    Guid BodyId,
    string? Text,
    bool ConsensusReached,
    string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented,
    DateTimeOffset RecordedAt,
    IReadOnlyList<Guid>? Adopts = null,
    bool BodyConfidential = false,
    bool ItemExempt = false) : IRecordEvent
{
    Guid IRecordEvent.RecordId => DecisionId;

    /// <summary>Whether the decision's text was withheld: it may be told only to the body's members and managers, in Meetings.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Withheld => BodyConfidential || ItemExempt;
}

/// <summary>A meeting took place (its clerk says so once it has started). Public meetings count towards the annual compliance checklist.</summary>
public sealed record MeetingHeld(Guid MeetingId, Guid BodyId, bool Public, DateTimeOffset StartsAt, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MeetingId;
}
