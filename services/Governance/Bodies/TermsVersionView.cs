using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

// What a version of the terms of reference shows (GET …/terms-of-reference, …/terms-of-reference/{versionId}, the open
// body's terms in force): its own document, kept inline with the version's stream, so the aggregate (TermsOfReference)
// holds only what its rules read.

public sealed record TermsAdoption(Guid DecisionId, Guid MeetingId, Guid DecidingBodyId, DateOnly AdoptedOn, DateTimeOffset DecidedAt, DateTimeOffset RecordedAt);

public sealed record RefusedAdoption(Guid DecisionId, string Reason, DateTimeOffset RecordedAt);

/// <summary>
/// A version of a body's terms of reference as read: its text, the cadence, quorum and way of deciding it sets, the decision
/// that adopted it and those that did not. Marten keeps it inline with the version's stream, folding each event with
/// <see cref="Evolve(TermsVersionView?, object)"/> (<c>Create</c>/<c>Apply</c>); a new document, so streams written before it
/// need a rebuild of this projection. Its status for the body: <see cref="BodyView.StatusOf"/>.
/// </summary>
public sealed record TermsVersionView(
    Guid Id, Guid BodyId, int Number, string Purpose, IReadOnlyList<string> GuidingPrinciples, IReadOnlyList<string> Responsibilities,
    IReadOnlyList<string> Membership, MeetingCadence Cadence, int QuorumMinimum, DecisionMaking DecisionMaking, DateTimeOffset DraftedAt)
{
    /// <summary>The stream version, set by Marten (not the terms' version number, which is <see cref="Number"/>).</summary>
    public long Version { get; init; }

    public TermsAdoption? Adoption { get; init; }

    public IReadOnlyList<RefusedAdoption> RefusedAdoptions { get; init; } = [];

    public static TermsVersionView Create(TermsOfReferenceDrafted e) => new(
        e.VersionId, e.BodyId, e.Number, e.Purpose, e.GuidingPrinciples, e.Responsibilities, e.Membership, e.Cadence, e.QuorumMinimum,
        e.DecisionMaking, e.DraftedAt);

    /// <summary>The view after <paramref name="event"/>: from none for the version's first event (<see cref="TermsOfReferenceDrafted"/>).</summary>
    public static TermsVersionView Evolve(TermsVersionView? state, object @event) => @event switch
    {
        TermsOfReferenceDrafted e => Create(e),
        TermsOfReferenceAdopted e => Existing(state).Apply(e),
        TermsOfReferenceAdoptionRefused e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(TermsVersionView?, object)"/>.
    /// </summary>
    public TermsVersionView Evolve(object @event) => Evolve(this, @event);

    private static TermsVersionView Existing(TermsVersionView? state) =>
        state ?? throw new InvalidOperationException("A version of terms of reference starts with TermsOfReferenceDrafted.");

    public TermsVersionView Apply(TermsOfReferenceAdopted e) => this with
    {
        Adoption = new TermsAdoption(e.DecisionId, e.MeetingId, e.DecidingBodyId, PartnershipCalendar.Today(e.DecidedAt), e.DecidedAt, e.RecordedAt),
    };

    public TermsVersionView Apply(TermsOfReferenceAdoptionRefused e) => this with
    {
        RefusedAdoptions = [.. RefusedAdoptions, new RefusedAdoption(e.DecisionId, e.Reason, e.RecordedAt)],
    };
}
