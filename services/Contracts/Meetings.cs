namespace CommunitySafety.Contracts.Meetings;

/// <summary>
/// A decision recorded in a quorate meeting. Governance, Funding and downstream agencies consume it;
/// consumers de-duplicate on <see cref="DecisionId"/>. <see cref="Adopts"/> names the documents the decision adopts
/// (a body's terms of reference, the Community Safety Agreement, …) by their ids in the service that keeps them.
/// </summary>
public sealed record DecisionRecorded(
    Guid DecisionId,
    Guid MeetingId,
    Guid BodyId,
    string Text,
    bool ConsensusReached,
    string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented,
    DateTimeOffset RecordedAt,
    IReadOnlyList<Guid>? Adopts = null) : IRecordEvent
{
    Guid IRecordEvent.RecordId => DecisionId;
}

/// <summary>A meeting took place (its clerk says so once it has started). Public meetings count towards the annual compliance checklist.</summary>
public sealed record MeetingHeld(Guid MeetingId, Guid BodyId, bool Public, DateTimeOffset StartsAt, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => MeetingId;
}
