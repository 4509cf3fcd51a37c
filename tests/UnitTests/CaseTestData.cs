extern alias casemanagement;
using casemanagement::CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.UnitTests;

/// <summary>Small builders shared by the case rules' tests.</summary>
internal static class CaseTestData
{
    /// <summary>A stand-in for a sealed text: the rules store what they are given and never open it.</summary>
    public static SealedText S(string text) => new(text);

    /// <summary>A text key of a case, with a random key (for the rules that open and re-seal: merge, erasure).</summary>
    public static CaseText NewText() => new(Guid.NewGuid(), Aead.NewKey());
}
