using C = CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>
/// Which of Meetings' domain events other services and agencies hear of, and as which contract: decisions (on
/// <c>csp.decisions</c>) and meetings held (on Meetings' own exchange). Passed to <c>AddEventSourcedService</c>, so every
/// write publishes the integration events of what it appends, once, through the outbox.
/// </summary>
public static class IntegrationEvents
{
    public static object? ToContract(object domainEvent) => domainEvent switch
    {
        DecisionRecorded e => Decision(e),
        MeetingHeld e => new C.MeetingHeld(e.MeetingId, e.BodyId, e.Public, e.StartsAt, e.At),
        _ => null,
    };

    /// <summary>
    /// A decision as it leaves Meetings (on <c>csp.decisions</c>, to Governance, Funding and agencies): a confidential body's
    /// or an exempt item's without its text or agenda reference — only ids, consensus, who was represented and when,
    /// with the flags saying why.
    /// </summary>
    public static C.DecisionRecorded Decision(DecisionRecorded e) => new(e.DecisionId, e.MeetingId, e.BodyId, e.Withheld ? null : e.Text,
        e.ConsensusReached, e.Withheld ? null : e.AgendaReference, e.AuthoritiesRepresented, e.RecordedAt, e.Adopts, e.Confidential, e.Exempt);
}
