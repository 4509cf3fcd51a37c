using CommunitySafety.Governance.Adoption;

namespace CommunitySafety.Governance.Bodies;

/// <summary>
/// A decision recorded in Meetings adopts a document: if it is a version of terms of reference, adopt it (a decision of
/// its body or of that body's parent, with consensus, once) and put it in effect for its body; otherwise record why not. Other documents' ids are not ours: ignored here, another handler takes them.
/// </summary>
public static class TermsOfReferenceAdoptionHandler
{
    public static async Task Handle(AdoptionRequested message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (message.DocumentId == Guid.Empty || await session.LoadAsync<TermsOfReference>(message.DocumentId, ct) is null) return;

        var version = await session.Events.FetchForWriting<TermsOfReference>(message.DocumentId, ct);
        var terms = version.Aggregate!;
        var body = await session.Events.FetchForWriting<Body>(terms.BodyId, ct);
        var events = TermsOfReference.DecideAdoption(terms, body.Aggregate?.ParentBodyId, message.DecisionId, message.MeetingId, message.BodyId,
            message.ConsensusReached, message.DecidedAt, clock.GetUtcNow());
        version.AppendMany(events.ToArray());
        if (events.OfType<TermsOfReferenceAdopted>().SingleOrDefault() is not { } adopted || body.Aggregate is null) return;

        // its integration events (BodyTermsAdopted) are relayed with the commit (IntegrationEventRelay)
        body.AppendMany(TermsOfReference.DecideInEffect(body.Aggregate, terms, adopted).ToArray());
    }
}
