using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using Marten.Exceptions;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>Local message: take this decision event into the feed, unless it is already there.</summary>
public sealed record TakeInDecisionEvent(CloudEvent Event);

/// <summary>
/// Decision events from Meetings (DecisionRecorded) and Funding (GrantAwarded) become CloudEvents in Governance's feed,
/// exactly once per event id, whatever the broker redelivers.
/// </summary>
public static class DecisionIntakeHandler
{
    /// <summary>
    /// Into the feed, unless the decision may not be published (<see cref="DecisionEvents.Publishable"/>: a confidential
    /// body's, an exempt item's, or of a body Governance knows as confidential); and each document the decision adopts is
    /// told, whatever the body (ids only: see <see cref="Adoption.AdoptionRequested"/>).
    /// </summary>
    public static async Task<OutgoingMessages> Handle(DecisionRecorded e, IDocumentSession session, CancellationToken ct)
    {
        var body = await session.LoadAsync<Bodies.Body>(e.BodyId, ct);
        var messages = new OutgoingMessages();
        if (DecisionEvents.Publishable(e, body?.Confidential ?? false)) messages.Add(new TakeInDecisionEvent(DecisionEvents.From(e)));
        foreach (var document in e.Adopts ?? [])
            messages.Add(new Adoption.AdoptionRequested(document, e.DecisionId, e.MeetingId, e.BodyId, e.ConsensusReached, e.RecordedAt));
        return messages;
    }

    public static TakeInDecisionEvent Handle(GrantAwarded e) => new(DecisionEvents.From(e));

    /// <summary>Not a decision event: Funding publishes it on the same exchange; heard and ignored.</summary>
    public static void Handle(PaymentMade _) { }

    /// <summary>Not a decision event: Funding publishes it on the same exchange; heard and ignored.</summary>
    public static void Handle(AwardClawedBack _) { }

    /// <summary>
    /// Appends <see cref="DecisionEventPublished"/> as a new stream named by the event's id (the decision or award id),
    /// stores open data's document of it (<see cref="Strategy.PublicDecision"/>), and, in the same transaction through the
    /// outbox, cascades it to webhook delivery and the broker exchange <see cref="Contracts.Exchanges.DecisionEvents"/>.
    /// A redelivered event finds its stream and is skipped quietly.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(TakeInDecisionEvent command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var id = Guid.Parse(command.Event.Id);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return [];

        session.Events.StartStream(id, new DecisionEventPublished(command.Event, clock.GetUtcNow()));
        if (Strategy.PublicDecision.From(command.Event) is { } decision) session.Store(decision);
        return [new FanOutDecisionEvent(command.Event), command.Event];
    }

    /// <summary>
    /// Should two nodes ever take in the same event at once, the loser's StartStream collides at commit; tried again,
    /// it finds the stream and is skipped.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<ExistingStreamIdCollisionException>().RetryTimes(3);
}
