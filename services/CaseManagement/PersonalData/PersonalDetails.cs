using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>A subject's personal fields, as the referring officer gave them. Never stored in clear.</summary>
public sealed record PersonalDetails(string Name, DateOnly? DateOfBirth, string? Address, string? Contact)
{
    /// <summary>Sealed under the subject's own data key.</summary>
    public SealedDetails Seal(byte[] subjectKey) => new(Aead.Seal(subjectKey, this));

    /// <summary>The details, or null when the subject has been erased (their key is gone).</summary>
    public static PersonalDetails? Open(byte[]? subjectKey, SealedDetails sealedDetails) =>
        subjectKey is null ? null : Aead.Open<PersonalDetails>(subjectKey, sealedDetails.Ciphertext);
}

/// <summary>Personal details encrypted with the subject's own key (AES-256-GCM: nonce ‖ tag ‖ ciphertext, base64).</summary>
public sealed record SealedDetails(string Ciphertext);
