using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

// A body's terms of reference, versioned. Each version is its own stream (its id is the document id a decision adopts);
// the body numbers the versions and knows which one is in effect. A version takes effect when a decision recorded in
// Meetings adopts it with consensus: the body's cadence and quorum then follow it (BodyTermsAdopted, published).
// The latest adoption wins: an older draft adopted after a newer version still becomes the one in effect (the
// partnership's decision is the authority, not the version number); the newer one is then superseded.

/// <summary>A new version of the terms of reference, drafted (the body's stream records its number).</summary>
public sealed record TermsOfReferenceDrafted(
    Guid VersionId, Guid BodyId, int Number, string Purpose, IReadOnlyList<string> GuidingPrinciples, IReadOnlyList<string> Responsibilities,
    IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking, DateTimeOffset DraftedAt);

/// <summary>A decision adopted this version.</summary>
public sealed record TermsOfReferenceAdopted(
    Guid VersionId, Guid BodyId, Guid DecisionId, Guid MeetingId, Guid DecidingBodyId, DateTimeOffset DecidedAt, DateTimeOffset RecordedAt);

/// <summary>A decision named this version but did not adopt it (no consensus, another body's decision, or the version was adopted already).</summary>
public sealed record TermsOfReferenceAdoptionRefused(Guid VersionId, Guid DecisionId, string Reason, DateTimeOffset RecordedAt);

/// <summary>On the body's stream: version <paramref name="Number"/> was drafted (numbers are the body's, so they are never taken twice).</summary>
public sealed record TermsOfReferenceVersionDrafted(Guid BodyId, Guid VersionId, int Number, DateTimeOffset DraftedAt);

/// <summary>On the body's stream: the adopted version is in effect, and with it its cadence, quorum and way of deciding.</summary>
public sealed record BodyTermsAdopted(
    Guid BodyId, Guid VersionId, int Number, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking, Guid DecisionId,
    DateTimeOffset AdoptedAt);

/// <summary>
/// One version of a body's terms of reference, as its rules see it: its number, the cadence, quorum and way of deciding it
/// puts in effect, the decision that adopted it (at most one) and those that named it without adopting it. Immutable;
/// <see cref="Evolve(TermsOfReference?, object)"/> folds any of its events. Its text and the adoption as shown: <see cref="TermsVersionView"/>.
/// </summary>
public sealed record TermsOfReference(Guid Id, Guid BodyId, int Number, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking)
{
    /// <summary>Why a decision did not adopt a version.</summary>
    public const string NoConsensus = "no-consensus";
    public const string AlreadyAdopted = "already-adopted";
    /// <summary>The decision was not of the body whose terms these are, nor of its parent: <see cref="TermsOfReferenceAdoption.Rule"/>.</summary>
    public const string NotBodyOrParent = TermsOfReferenceAdoption.Rule;

    /// <summary>The stream version, set by Marten (not the terms' version number, which is <see cref="Number"/>).</summary>
    public long Version { get; init; }

    /// <summary>The decision that adopted this version, once one did.</summary>
    public Guid? AdoptedByDecisionId { get; init; }

    /// <summary>The decisions that named this version without adopting it.</summary>
    public IReadOnlyList<Guid> RefusedDecisionIds { get; init; } = [];

    public static TermsOfReference Create(TermsOfReferenceDrafted e) => new(e.VersionId, e.BodyId, e.Number, e.Cadence, e.QuorumMinimum, e.DecisionMaking);

    /// <summary>The version after <paramref name="event"/>: from none for its first event (<see cref="TermsOfReferenceDrafted"/>).</summary>
    public static TermsOfReference Evolve(TermsOfReference? state, object @event) => @event switch
    {
        TermsOfReferenceDrafted e => Create(e),
        TermsOfReferenceAdopted e => Existing(state).Apply(e),
        TermsOfReferenceAdoptionRefused e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(TermsOfReference?, object)"/>.
    /// </summary>
    public TermsOfReference Evolve(object @event) => Evolve(this, @event);

    private static TermsOfReference Existing(TermsOfReference? state) =>
        state ?? throw new InvalidOperationException("A version of terms of reference starts with TermsOfReferenceDrafted.");

    public TermsOfReference Apply(TermsOfReferenceAdopted e) => this with { AdoptedByDecisionId = e.DecisionId };

    public TermsOfReference Apply(TermsOfReferenceAdoptionRefused e) => this with { RefusedDecisionIds = [.. RefusedDecisionIds, e.DecisionId] };

    // ---- rules ----

    /// <summary>A new version of the body's terms: numbered after the body's last; its text trimmed, blank lines left out.</summary>
    public static (TermsOfReferenceVersionDrafted OnBody, TermsOfReferenceDrafted OnVersion) DecideDraft(
        Body body, Guid versionId, string purpose, IReadOnlyList<string>? guidingPrinciples, IReadOnlyList<string>? responsibilities,
        IReadOnlyList<string>? membership, MeetingCadence cadence, int quorumMinimum, DecisionMaking decisionMaking, DateTimeOffset now)
    {
        var number = body.TermsVersionsDrafted + 1;
        return (new TermsOfReferenceVersionDrafted(body.Id, versionId, number, now),
            new TermsOfReferenceDrafted(versionId, body.Id, number, purpose.Trim(), Lines(guidingPrinciples), Lines(responsibilities), Lines(membership),
                cadence, quorumMinimum, decisionMaking, now));
    }

    /// <summary>
    /// A decision names this version: it is adopted when the decision is of the body whose terms these are, or of that body's
    /// parent (<paramref name="bodyParentId"/>), reached consensus, and no decision adopted the version before. Otherwise
    /// the refusal is recorded on the version, with the reason. The same decision heard again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> DecideAdoption(
        TermsOfReference terms, Guid? bodyParentId, Guid decisionId, Guid meetingId, Guid decidingBodyId, bool consensusReached, DateTimeOffset decidedAt,
        DateTimeOffset now)
    {
        if (terms.AdoptedByDecisionId == decisionId || terms.RefusedDecisionIds.Contains(decisionId)) return [];
        if (!TermsOfReferenceAdoption.MayAdopt(terms.BodyId, bodyParentId, decidingBodyId))
            return [new TermsOfReferenceAdoptionRefused(terms.Id, decisionId, NotBodyOrParent, now)];
        if (terms.AdoptedByDecisionId is not null) return [new TermsOfReferenceAdoptionRefused(terms.Id, decisionId, AlreadyAdopted, now)];
        if (!consensusReached) return [new TermsOfReferenceAdoptionRefused(terms.Id, decisionId, NoConsensus, now)];
        return [new TermsOfReferenceAdopted(terms.Id, terms.BodyId, decisionId, meetingId, decidingBodyId, decidedAt, now)];
    }

    /// <summary>What the body records when a version is adopted: it is in effect, whatever its number (the latest adoption wins).</summary>
    public static IReadOnlyList<object> DecideInEffect(Body body, TermsOfReference terms, TermsOfReferenceAdopted adopted) =>
        [new BodyTermsAdopted(body.Id, terms.Id, terms.Number, terms.Cadence, terms.QuorumMinimum, terms.DecisionMaking, adopted.DecisionId, adopted.RecordedAt)];

    private static IReadOnlyList<string> Lines(IReadOnlyList<string>? lines) =>
        (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
}

public enum TermsStatus
{
    Draft,
    InEffect,
    Superseded,
}
