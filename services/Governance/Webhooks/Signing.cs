using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// Standard Webhooks 1.0 symmetric signing (https://www.standardwebhooks.com/, scheme <c>v1</c>): a delivery carries
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>, the space-separated
/// <c>v1,&lt;base64 HMAC-SHA256&gt;</c> of <c>{id}.{timestamp}.{body}</c> under each current secret. Pure; <see cref="Verify"/>
/// is the receivers' reference implementation.
/// </summary>
public static class StandardWebhooks
{
    public const string SecretPrefix = "whsec_";
    public const string SignatureVersion = "v1";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeaderName = "webhook-signature";

    /// <summary>Bytes of key in a secret this platform issues.</summary>
    public const int SecretBytes = 32;

    /// <summary>The fewest key bytes a secret may have (the specification's minimum).</summary>
    public const int MinSecretBytes = 24;

    /// <summary>How far a delivery's timestamp may be from the receiver's clock (either way) before it is refused as a replay.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new secret: <c>whsec_</c> + base64 of 32 cryptographically random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The HMAC key of a <c>whsec_</c> secret. Throws <see cref="ArgumentException"/> for anything else, or for fewer than 24 bytes.</summary>
    public static byte[] Key(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            throw new ArgumentException($"A signing secret starts with '{SecretPrefix}'.", nameof(secret));
        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException)
        {
            throw new ArgumentException("A signing secret is 'whsec_' followed by base64.", nameof(secret));
        }
        if (key.Length < MinSecretBytes)
            throw new ArgumentException($"A signing secret has at least {MinSecretBytes} bytes of key.", nameof(secret));
        return key;
    }

    /// <summary><c>v1,</c> + base64(HMAC-SHA256(key, <c>{msgId}.{timestamp}.{body}</c>)), the body as UTF-8 exactly as sent.</summary>
    public static string Sign(string secret, string msgId, long timestamp, string body) =>
        SignatureVersion + "," + Convert.ToBase64String(Mac(Key(secret), msgId, timestamp, body));

    /// <summary>The <c>webhook-signature</c> header: one signature per secret, space-separated (after a rotation old and new both sign).</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string msgId, long timestamp, string body)
    {
        var signatures = secrets.Select(s => Sign(s, msgId, timestamp, body)).ToList();
        if (signatures.Count == 0) throw new ArgumentException("At least one secret signs a delivery.", nameof(secrets));
        return string.Join(' ', signatures);
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> holds a <c>v1</c> signature of the message under <paramref name="secret"/>
    /// (compared in constant time) and <paramref name="timestamp"/> is within <paramref name="tolerance"/> (default 5 minutes)
    /// of <paramref name="now"/>. Signatures of other versions, and malformed entries, are ignored.
    /// </summary>
    public static bool Verify(string secret, string msgId, long timestamp, string body, string? signatureHeader,
        DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader) || string.IsNullOrEmpty(msgId)) return false;
        var allowed = (long)(tolerance ?? DefaultTolerance).TotalSeconds;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > allowed) return false;

        var expected = Mac(Key(secret), msgId, timestamp, body);
        var matched = false;
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || entry[..comma] != SignatureVersion) continue;
            var candidate = new byte[expected.Length];
            if (!Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var written) || written != expected.Length) continue;
            // Every entry is compared (no early exit), each in constant time.
            matched |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }
        return matched;
    }

    private static byte[] Mac(byte[] key, string msgId, long timestamp, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{msgId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
}
