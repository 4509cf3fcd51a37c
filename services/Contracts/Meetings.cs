namespace CommunitySafety.Contracts.Meetings;

/// <summary>
/// A decision recorded in a quorate meeting. Governance, Funding and downstream agencies consume it;
/// consumers de-duplicate on <see cref="DecisionId"/>.
/// </summary>
public sealed record DecisionRecorded(
    Guid DecisionId,
    Guid MeetingId,
    Guid BodyId,
    string Text,
    bool ConsensusReached,
    string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented,
    DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => DecisionId;
}
