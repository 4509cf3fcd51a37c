namespace CommunitySafety.Governance.Adoption;

/// <summary>
/// Local message: a decision recorded in Meetings adopts document <paramref name="DocumentId"/> (a version of a body's
/// terms of reference, a Community Safety Agreement, …). Each kind of document has a handler that looks for its own
/// document by this id and ignores the message otherwise; Wolverine runs them all in one transaction.
/// </summary>
public sealed record AdoptionRequested(Guid DocumentId, Guid DecisionId, Guid MeetingId, Guid BodyId, bool ConsensusReached, DateTimeOffset DecidedAt);
