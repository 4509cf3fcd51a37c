using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CommunitySafety.ServiceDefaults.DataProtection;

/// <summary>
/// Authenticated encryption with AES-256-GCM, the one cipher the platform uses for data at rest: the output is
/// nonce (12 bytes) ‖ tag (16) ‖ ciphertext. Associated data, when given, is authenticated but not stored: a value sealed
/// for one record (its id as associated data) does not open as another's.
/// </summary>
public static class Aead
{
    public const int KeySize = 32;
    private const int NonceSize = 12, TagSize = 16;

    /// <summary>A new random 256-bit key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associatedData);
        return output;
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> for a wrong key, associated data or a tampered input.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, ReadOnlySpan<byte> associatedData = default)
    {
        if (input.Length < NonceSize + TagSize) throw new CryptographicException("The sealed value is too short to be AES-GCM output.");
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input[..NonceSize], input[(NonceSize + TagSize)..], input.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }

    /// <summary>Text sealed under <paramref name="key"/>, as base64 (what events and documents hold).</summary>
    public static string SealText(ReadOnlySpan<byte> key, string text) => Convert.ToBase64String(Encrypt(key, Encoding.UTF8.GetBytes(text)));

    public static string OpenText(ReadOnlySpan<byte> key, string sealedText) => Encoding.UTF8.GetString(Decrypt(key, Convert.FromBase64String(sealedText)));

    /// <summary>A value serialised as JSON and sealed, as base64.</summary>
    public static string Seal<T>(ReadOnlySpan<byte> key, T value) => Convert.ToBase64String(Encrypt(key, JsonSerializer.SerializeToUtf8Bytes(value)));

    public static T? Open<T>(ReadOnlySpan<byte> key, string sealedValue) => JsonSerializer.Deserialize<T>(Decrypt(key, Convert.FromBase64String(sealedValue)));
}
