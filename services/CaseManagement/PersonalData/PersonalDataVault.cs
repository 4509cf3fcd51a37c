using System.Security.Cryptography;
using System.Text.Json;
using Marten;

namespace CommunitySafety.CaseManagement.PersonalData;

/// <summary>A subject's personal fields, as the referring officer gave them. Never stored in clear.</summary>
public sealed record PersonalDetails(string Name, DateOnly? DateOfBirth, string? Address, string? Contact);

/// <summary>Personal details encrypted with the subject's own key (AES-256-GCM: nonce ‖ tag ‖ ciphertext, base64).</summary>
public sealed record SealedDetails(string Ciphertext);

/// <summary>
/// The subject's data key, wrapped (encrypted) with the service's key-encryption key. Kept in its own table, outside the
/// event stream: deleting it erases the subject.
/// </summary>
public sealed class SubjectKey
{
    public Guid Id { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Crypto-shredding of personal data. Events and projections hold only <see cref="SealedDetails"/>; reading them needs
/// the subject's key, and once the key is deleted every copy of the data — in every event, snapshot and backup of
/// them — is unreadable while the case history stays intact. The subject keys are themselves stored wrapped with a
/// key-encryption key that lives outside the database (<c>CaseManagement:KeyEncryptionKey</c>), so a copy of the
/// database alone reveals no personal data.
/// </summary>
public sealed class PersonalDataVault(byte[] keyEncryptionKey)
{
    private const int NonceSize = 12, TagSize = 16, KeySize = 32;

    /// <summary>Creates the subject's key (stored wrapped, in the session's transaction) and seals the details with it.</summary>
    public SealedDetails Seal(IDocumentSession session, Guid subjectId, PersonalDetails details, DateTimeOffset now)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        session.Insert(new SubjectKey { Id = subjectId, WrappedKey = Wrap(key), CreatedAt = now });
        return Seal(key, details);
    }

    public static SealedDetails Seal(byte[] key, PersonalDetails details) =>
        new(Convert.ToBase64String(Encrypt(key, JsonSerializer.SerializeToUtf8Bytes(details))));

    /// <summary>A data key encrypted with the key-encryption key.</summary>
    public byte[] Wrap(byte[] key) => Encrypt(keyEncryptionKey, key);

    /// <summary>The data key; throws <see cref="CryptographicException"/> if it was not wrapped with this service's key.</summary>
    public byte[] Unwrap(byte[] wrapped) => Decrypt(keyEncryptionKey, wrapped);

    /// <summary>AES-256-GCM: nonce ‖ tag ‖ ciphertext.</summary>
    private static byte[] Encrypt(byte[] key, byte[] plaintext)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] input)
    {
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext);
        return plaintext;
    }

    /// <summary>The details, or null when the subject has been erased (no key).</summary>
    public static PersonalDetails? Unseal(byte[]? key, SealedDetails sealedDetails) =>
        key is null ? null : JsonSerializer.Deserialize<PersonalDetails>(Decrypt(key, Convert.FromBase64String(sealedDetails.Ciphertext)));

    /// <summary>The (unwrapped) keys of the given subjects that still exist.</summary>
    public async Task<IReadOnlyDictionary<Guid, byte[]>> KeysAsync(IQuerySession session, IEnumerable<Guid> subjectIds, CancellationToken ct)
    {
        var keys = await session.LoadManyAsync<SubjectKey>(ct, subjectIds.Distinct().ToArray());
        return keys.ToDictionary(k => k.Id, k => Unwrap(k.WrappedKey));
    }

    /// <summary>Deletes the subject's key, in the session's transaction.</summary>
    public void Erase(IDocumentSession session, Guid subjectId) => session.Delete<SubjectKey>(subjectId);
}
