using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CommunitySafety.ServiceDefaults.DataProtection;

/// <summary>
/// Named 256-bit keys held outside the database (configuration, i.e. environment or a secret store), one of them
/// current. New material is protected with the current key and says which key that was; anything protected with a key
/// still in the ring can be read. Rotation: add a new key, make it current, re-protect what the old one protected (for
/// data keys: <see cref="RewrapKeysCommand"/>), then remove the old key.
/// </summary>
/// <remarks>
/// Configuration, for a ring named <c>{prefix}:{name}</c> (e.g. <c>CaseManagement:KeyEncryptionKey</c>):
/// <c>{prefix}:{name}s:{id}</c> = base64 of 32 bytes, one entry per key, and <c>{prefix}:{name}Id</c> = the current key's
/// id (optional when the ring has one key). In environment variables: <c>CaseManagement__KeyEncryptionKeys__2027a=…</c>,
/// <c>CaseManagement__KeyEncryptionKeyId=2027a</c>. Only in Development, a ring with no keys configured gets one built-in
/// key (id <see cref="DevelopmentKeyId"/>) derived from its name.
/// </remarks>
public sealed class KeyRing
{
    public const string DevelopmentKeyId = "dev";

    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    public KeyRing(string name, IReadOnlyDictionary<string, byte[]> keys, string currentId)
    {
        Name = name;
        if (keys.Count == 0) throw new InvalidOperationException($"The key ring '{name}' has no keys.");
        foreach (var (id, key) in keys)
        {
            if (!IsValidId(id))
                throw new InvalidOperationException($"Key id '{id}' of '{name}' must be 1–40 letters, digits, '-', '_' or '.'.");
            if (key.Length != Aead.KeySize)
                throw new InvalidOperationException($"Key '{id}' of '{name}' must be {Aead.KeySize} bytes (base64), not {key.Length}.");
        }
        if (!keys.ContainsKey(currentId))
            throw new InvalidOperationException($"The current key '{currentId}' of '{name}' is not among its keys ({string.Join(", ", keys.Keys)}).");
        _keys = keys;
        CurrentId = currentId;
    }

    /// <summary>The ring's configuration name, e.g. <c>CaseManagement:KeyEncryptionKey</c>.</summary>
    public string Name { get; }

    /// <summary>The id of the key new material is protected with.</summary>
    public string CurrentId { get; }

    public IReadOnlyCollection<string> KeyIds => [.. _keys.Keys];

    public ReadOnlySpan<byte> Current => _keys[CurrentId];

    /// <summary>The key with this id; throws <see cref="UnknownKeyException"/> when the ring no longer (or never) had it.</summary>
    public ReadOnlySpan<byte> this[string keyId] =>
        _keys.TryGetValue(keyId, out var key) ? key : throw new UnknownKeyException(Name, keyId);

    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>A data key encrypted under the current key, bound to <paramref name="owner"/> (associated data).</summary>
    public WrappedKey Wrap(ReadOnlySpan<byte> dataKey, Guid owner) =>
        new(CurrentId, Aead.Encrypt(Current, dataKey, AssociatedData(CurrentId, owner)));

    /// <summary>The data key; <see cref="UnknownKeyException"/> when its key-encryption key is gone, <see cref="CryptographicException"/> when it does not belong to <paramref name="owner"/>.</summary>
    public byte[] Unwrap(WrappedKey wrapped, Guid owner) =>
        Aead.Decrypt(this[wrapped.KeyId], wrapped.Ciphertext, AssociatedData(wrapped.KeyId, owner));

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under each key of the ring, the current one first: a blind index
    /// entry is written under the current key and looked up under all of them, so that lookups go on working while the
    /// entries are re-computed under a new key.</summary>
    public IReadOnlyList<(string KeyId, string Hash)> Hashes(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [.. _keys.OrderBy(k => k.Key == CurrentId ? 0 : 1).Select(k => (k.Key, Convert.ToHexString(HMACSHA256.HashData(k.Value, bytes))))];
    }

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under the current key.</summary>
    public (string KeyId, string Hash) Hash(string value) =>
        (CurrentId, Convert.ToHexString(HMACSHA256.HashData(Current, Encoding.UTF8.GetBytes(value))));

    private static byte[] AssociatedData(string keyId, Guid owner) => [.. Encoding.UTF8.GetBytes(keyId), 0, .. owner.ToByteArray()];

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// The ring <c>{prefix}:{name}</c> from configuration (see the remarks on <see cref="KeyRing"/>). Outside Development a
    /// ring without keys is a start-up error that says what to set and why (<paramref name="purpose"/>).
    /// </summary>
    public static KeyRing FromConfiguration(IConfiguration configuration, string prefix, string name, string purpose, bool isDevelopment)
    {
        var ringName = $"{prefix}:{name}";
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection($"{prefix}:{name}s").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value)) continue;
            try
            {
                keys[entry.Key] = Convert.FromBase64String(entry.Value);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{ringName}s:{entry.Key} is not base64 ({purpose}).");
            }
        }
        if (keys.Count == 0)
        {
            if (!isDevelopment)
                throw new InvalidOperationException(
                    $"Set {ringName}s:<id> (base64, 32 bytes) and {ringName}Id=<id> ({purpose}); e.g. {prefix}__{name}s__1=$(openssl rand -base64 32).");
            keys[DevelopmentKeyId] = SHA256.HashData(Encoding.UTF8.GetBytes("development-only:" + ringName));
        }
        var current = configuration[$"{ringName}Id"] is { Length: > 0 } configured ? configured
            : keys.Count == 1 ? keys.Keys.Single()
            : throw new InvalidOperationException($"{ringName} has {keys.Count} keys: set {ringName}Id to the current one ({purpose}).");
        return new KeyRing(ringName, keys, current);
    }
}

/// <summary>A data key encrypted under the key-encryption key <see cref="KeyId"/>.</summary>
public sealed record WrappedKey(string KeyId, byte[] Ciphertext);

/// <summary>Material protected with a key the ring does not (or no longer) hold.</summary>
public sealed class UnknownKeyException(string ring, string keyId)
    : CryptographicException($"The key '{keyId}' is not in the key ring '{ring}' (removed after a rotation, or never configured here).")
{
    public string KeyId { get; } = keyId;
}
