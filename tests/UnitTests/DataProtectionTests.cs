using System.Security.Cryptography;
using CommunitySafety.ServiceDefaults.DataProtection;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class DataProtectionTests
{
    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, Aead.KeySize).ToArray();

    private static KeyRing Ring(string current, params (string Id, byte Fill)[] keys) =>
        new("Test:KeyEncryptionKey", keys.ToDictionary(k => k.Id, k => Key(k.Fill)), current);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Sealed_text_opens_with_its_key_and_with_no_other()
    {
        var key = Aead.NewKey();
        var sealedText = Aead.SealText(key, "1 Acacia Avenue");
        Assert.Equal("1 Acacia Avenue", Aead.OpenText(key, sealedText));
        Assert.DoesNotContain("Acacia", sealedText);
        Assert.ThrowsAny<CryptographicException>(() => Aead.OpenText(Aead.NewKey(), sealedText));
    }

    [Fact]
    public void Sealing_the_same_text_twice_gives_different_ciphertexts()
    {
        var key = Aead.NewKey();
        Assert.NotEqual(Aead.SealText(key, "same"), Aead.SealText(key, "same"));
    }

    [Fact]
    public void A_tampered_or_truncated_ciphertext_is_refused()
    {
        var key = Aead.NewKey();
        var bytes = Aead.Encrypt(key, "secret"u8);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Aead.Decrypt(key, bytes));
        Assert.ThrowsAny<CryptographicException>(() => Aead.Decrypt(key, new byte[10]));
    }

    [Fact]
    public void A_wrapped_key_names_the_current_key_and_opens_only_for_its_owner()
    {
        var ring = Ring("b", ("a", 1), ("b", 2));
        var dataKey = Aead.NewKey();
        var owner = Guid.NewGuid();
        var wrapped = ring.Wrap(dataKey, owner);
        Assert.Equal("b", wrapped.KeyId);
        Assert.Equal(dataKey, ring.Unwrap(wrapped, owner));
        // moved to another owner's row, it does not open
        Assert.ThrowsAny<CryptographicException>(() => ring.Unwrap(wrapped, Guid.NewGuid()));
    }

    [Fact]
    public void After_rotation_old_keys_still_open_and_new_ones_use_the_new_key()
    {
        var owner = Guid.NewGuid();
        var dataKey = Aead.NewKey();
        var before = Ring("2026", ("2026", 1)).Wrap(dataKey, owner);
        var rotated = Ring("2027", ("2026", 1), ("2027", 2));
        Assert.Equal(dataKey, rotated.Unwrap(before, owner));
        var after = rotated.Wrap(dataKey, owner);
        Assert.Equal("2027", after.KeyId);
        // once the old key is removed, what it wrapped cannot be opened; what the new one wrapped still can
        var retired = Ring("2027", ("2027", 2));
        var unknown = Assert.Throws<UnknownKeyException>(() => retired.Unwrap(before, owner));
        Assert.Equal("2026", unknown.KeyId);
        Assert.Equal(dataKey, retired.Unwrap(after, owner));
    }

    [Fact]
    public void Blind_index_hashes_are_keyed_and_listed_current_key_first()
    {
        var ring = Ring("new", ("old", 1), ("new", 2));
        var hashes = ring.Hashes("jane doe|1990-01-01");
        Assert.Equal(["new", "old"], hashes.Select(h => h.KeyId));
        Assert.Equal(ring.Hash("jane doe|1990-01-01"), hashes[0]);
        Assert.NotEqual(hashes[0].Hash, hashes[1].Hash);
        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(Key(1), "jane doe|1990-01-01"u8.ToArray())), hashes[1].Hash);
    }

    [Fact]
    public void The_ring_is_read_from_configuration_with_its_current_key()
    {
        var ring = KeyRing.FromConfiguration(Configuration(
            ("Svc:KeyEncryptionKeys:2026", Convert.ToBase64String(Key(1))),
            ("Svc:KeyEncryptionKeys:2027", Convert.ToBase64String(Key(2))),
            ("Svc:KeyEncryptionKeyId", "2027")), "Svc", "KeyEncryptionKey", "test", isDevelopment: false);
        Assert.Equal("2027", ring.CurrentId);
        Assert.Equal(["2026", "2027"], ring.KeyIds.Order());
    }

    [Fact]
    public void A_single_configured_key_is_current_without_naming_it()
    {
        var ring = KeyRing.FromConfiguration(Configuration(("Svc:KeyEncryptionKeys:k1", Convert.ToBase64String(Key(1)))),
            "Svc", "KeyEncryptionKey", "test", isDevelopment: false);
        Assert.Equal("k1", ring.CurrentId);
    }

    public static TheoryData<string, (string, string)[]> BadConfigurations => new()
    {
        { "no key outside Development", [] },
        { "not base64", [("Svc:KeyEncryptionKeys:k1", "not base64!")] },
        { "16 bytes, not 32", [("Svc:KeyEncryptionKeys:k1", Convert.ToBase64String(new byte[16]))] },
        { "two keys, no current", [("Svc:KeyEncryptionKeys:a", Convert.ToBase64String(Key(1))), ("Svc:KeyEncryptionKeys:b", Convert.ToBase64String(Key(2)))] },
        { "current not among the keys", [("Svc:KeyEncryptionKeys:a", Convert.ToBase64String(Key(1))), ("Svc:KeyEncryptionKeyId", "b")] },
        { "an id with a space", [("Svc:KeyEncryptionKeys:a b", Convert.ToBase64String(Key(1)))] },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void A_bad_configuration_stops_the_start_saying_what_to_set(string name, (string, string)[] values)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            KeyRing.FromConfiguration(Configuration(values), "Svc", "KeyEncryptionKey", "test purpose", isDevelopment: false));
        Assert.Contains("Svc:KeyEncryptionKey", error.Message);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Only_Development_has_a_built_in_key()
    {
        var ring = KeyRing.FromConfiguration(Configuration(), "Svc", "KeyEncryptionKey", "test", isDevelopment: true);
        Assert.Equal(KeyRing.DevelopmentKeyId, ring.CurrentId);
        Assert.Throws<InvalidOperationException>(() => KeyRing.FromConfiguration(Configuration(), "Svc", "KeyEncryptionKey", "test", isDevelopment: false));
    }
}
