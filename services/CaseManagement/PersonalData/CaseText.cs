using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>
/// One generation of a case's text key, unwrapped: seals the case's free text and opens it. <see cref="KeyId"/> is the
/// key's id in the data-key table (the case records it as its <c>TextKey</c>); a case gets a new generation when a
/// subject is erased (its text re-sealed, redacted, under the new key; the old key shredded). Without a key (shredded
/// at the end of the retention period) nothing opens and nothing can be sealed.
/// </summary>
public sealed class CaseText(Guid keyId, byte[]? key)
{
    public Guid KeyId { get; } = keyId;

    public bool IsErased => key is null;

    public SealedText Seal(string text) => key is null ? throw Erased() : new SealedText(Aead.SealText(key, text));

    public SealedText? SealOptional(string? text) => text is null ? null : Seal(text);

    /// <summary>The text, or null once the key is shredded.</summary>
    public string? Open(SealedText text) => key is null ? null : Aead.OpenText(key, text.Ciphertext);

    public string? Open(SealedText? text) => text is { } t ? Open(t) : null;

    public static DomainRuleViolation Erased() => new("case-erased",
        "This case's text and personal data were erased at the end of its retention period: nothing more can be recorded on it. Refer a new case.");
}
