using CommunitySafety.Governance.Bodies;

namespace CommunitySafety.UnitTests;

/// <summary>
/// A version of terms of reference in a test: its events, the aggregate the adoption rules decide on and the view the reads
/// answer, each folded from the events by its own <c>Evolve</c>, as Marten folds them.
/// </summary>
internal sealed record TermsHistory(IReadOnlyList<object> Events)
{
    public TermsHistory(TermsOfReferenceDrafted drafted) : this([drafted]) { }

    public TermsOfReference Terms => Events.Aggregate((TermsOfReference?)null, (t, e) => TermsOfReference.Evolve(t, e))!;

    public TermsVersionView View => Events.Aggregate((TermsVersionView?)null, (v, e) => TermsVersionView.Evolve(v, e))!;

    public Guid Id => Terms.Id;

    public TermsHistory Then(object @event) => new([.. Events, @event]);
}
