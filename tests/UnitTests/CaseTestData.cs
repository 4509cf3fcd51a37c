using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.UnitTests;

/// <summary>Small builders shared by the case rules' tests.</summary>
internal static class CaseTestData
{
    /// <summary>A stand-in for a sealed text: the rules store what they are given and never open it.</summary>
    public static SealedText S(string text) => new(text);

    /// <summary>A text key of a case, with a random key (for the rules that open and re-seal: merge, erasure).</summary>
    public static CaseText NewText() => new(Guid.NewGuid(), Aead.NewKey());

    /// <summary>The case after <paramref name="events"/>, folded as Marten folds them.</summary>
    public static CaseFile Fold(CaseFile file, IEnumerable<object> events) => events.Aggregate(file, CaseFile.Evolve);

    /// <summary>The view of a case's stream, <paramref name="events"/> from its <see cref="CaseReferred"/> on, folded as Marten folds them.</summary>
    public static CaseFileView View(IEnumerable<object> events) =>
        events.Aggregate((CaseFileView?)null, CaseFileView.Evolve) ?? throw new InvalidOperationException("No events.");
}
