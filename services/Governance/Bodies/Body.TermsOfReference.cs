namespace CommunitySafety.Governance.Bodies;

public sealed partial record Body
{
    /// <summary>How many versions of the terms of reference were drafted (the last version's number).</summary>
    public int TermsVersionsDrafted { get; init; }

    public Body Apply(TermsOfReferenceVersionDrafted e) => this with { TermsVersionsDrafted = Math.Max(TermsVersionsDrafted, e.Number) };
}
