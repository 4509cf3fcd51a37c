using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;

namespace CommunitySafety.Funding.Decisions;

/// <summary>
/// A decision Meetings recorded, as Funding heard of it over the broker: a reference by id, with what the award rule
/// needs (reached by consensus) and where it was taken. Never its text: Funding needs none, and a confidential body's
/// decision (the ASB case panel's) must not be kept outside Meetings.
/// </summary>
public sealed class KnownDecision
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid BodyId { get; set; }
    public bool ConsensusReached { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An organisation Governance registered: Funding needs its name for awards and their publication.</summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

public static class PartnershipEventsHandler
{
    /// <summary>Idempotent: a redelivered decision overwrites itself. Its text, if any, is not kept.</summary>
    public static void Handle(DecisionRecorded e, IDocumentSession session) => session.Store(new KnownDecision
    {
        Id = e.DecisionId, MeetingId = e.MeetingId, BodyId = e.BodyId, ConsensusReached = e.ConsensusReached, RecordedAt = e.RecordedAt,
    });

    public static void Handle(OrganisationRegistered e, IDocumentSession session) =>
        session.Store(new KnownOrganisation { Id = e.OrganisationId, Name = e.Name });
}

/// <summary>The rule that awards are made only by decision.</summary>
public static class DecisionRule
{
    /// <summary>The decision an award cites must be one Meetings recorded, reached by consensus.</summary>
    public static KnownDecision Require(KnownDecision? decision, Guid decisionId) => decision switch
    {
        null => throw new DomainRuleViolation("decision-unknown",
            $"No decision '{decisionId}' has been recorded by Meetings: an award must cite the recorded decision that approved it.", Refusal.Inconsistent)
            .With("decisionId", decisionId),
        { ConsensusReached: false } => throw new DomainRuleViolation("decision-without-consensus",
            "The decision cited was recorded without consensus: an award needs a decision the partnership reached by consensus.", Refusal.Inconsistent)
            .With("decisionId", decisionId),
        _ => decision,
    };
}
