namespace CommunitySafety.Governance.Bodies;

public sealed partial record Body
{
    /// <summary>How many versions of the terms of reference were drafted (the last version's number).</summary>
    public int TermsVersionsDrafted { get; init; }

    public Body Apply(TermsOfReferenceVersionDrafted e) => this with { TermsVersionsDrafted = Math.Max(TermsVersionsDrafted, e.Number) };

    /// <summary>
    /// Nothing a rule reads changes (the cadence, quorum and terms in effect show on <see cref="BodyView"/>); the event is folded all
    /// the same, so that Marten keeps the snapshot, and its <see cref="Version"/>, at the stream's version.
    /// </summary>
    public Body Apply(BodyTermsAdopted e) => this;
}
