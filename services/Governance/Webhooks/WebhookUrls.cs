using System.Net;
using System.Net.Sockets;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// Which URLs a subscription may deliver to, against server-side request forgery: https to a public address only —
/// unless <see cref="WebhookOptions"/> allows loopback (http too) or private networks. Every address the host resolves
/// to must pass. <see cref="Check"/> is pure; <see cref="CheckAsync"/> resolves the host first.
/// <para>
/// Delivery must not follow redirects (<see cref="FollowsRedirects"/>; its HttpClient has <c>AllowAutoRedirect = false</c>),
/// or a public URL could answer 307 to an internal one. And since DNS can change after a subscription is created, delivery
/// should check the address it actually connects to with <see cref="AddressRefusal"/> (e.g. in a SocketsHttpHandler
/// ConnectCallback).
/// </para>
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    /// <summary>Delivery never follows an HTTP redirect: a 3xx answer is a failed delivery.</summary>
    public const bool FollowsRedirects = false;

    /// <summary>The cloud instance-metadata addresses (AWS, GCP, Azure, and AWS's IPv6 one): never a webhook receiver.</summary>
    private static readonly IPAddress[] Metadata = [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("fd00:ec2::254")];

    private enum Kind { Public, Loopback, Private, Never }

    /// <summary>Why <paramref name="url"/> is not a well-formed webhook URL (an absolute http(s) URL with a host, no user
    /// information, no fragment, at most <see cref="MaxLength"/> characters), or null when it is.</summary>
    public static string? SyntaxError(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url)) return "'url' is required.";
        if (url.Length > MaxLength) return $"'url' must be at most {MaxLength} characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)) return "'url' must be an absolute URL, e.g. https://agency.example/webhooks.";
        var error = SyntaxError(parsed);
        if (error is null) uri = parsed;
        return error;
    }

    private static string? SyntaxError(Uri uri)
    {
        if (!uri.IsAbsoluteUri) return "'url' must be an absolute URL, e.g. https://agency.example/webhooks.";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return "'url' must be an https URL.";
        if (string.IsNullOrEmpty(uri.Host)) return "'url' must name a host.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "'url' must not contain user information (user:password@): the signature authenticates deliveries.";
        if (uri.OriginalString.Contains('#')) return "'url' must not contain a fragment (#...).";
        return null;
    }

    /// <summary>
    /// Why a subscription may not deliver to <paramref name="url"/>, whose host resolved to <paramref name="resolved"/>;
    /// null when it may.
    /// </summary>
    public static string? Check(Uri url, WebhookOptions options, IReadOnlyList<IPAddress> resolved)
    {
        if (SyntaxError(url) is { } error) return error;
        if (resolved.Count == 0) return $"The host '{url.Host}' does not resolve to any address.";

        var http = url.Scheme == Uri.UriSchemeHttp;
        if (http && !options.AllowLoopbackHttp) return "Webhook URLs must use https.";
        foreach (var address in resolved)
        {
            if (AddressRefusal(address, options, http) is { } refusal) return $"'{url.Host}': {refusal}";
        }
        return null;
    }

    /// <summary>Why delivery may not connect to <paramref name="address"/> (over http when <paramref name="http"/>); null when it may.</summary>
    public static string? AddressRefusal(IPAddress address, WebhookOptions options, bool http = false)
    {
        var (kind, what) = Classify(address);
        if (http && kind != Kind.Loopback) return $"{address} is not a loopback address: only https may reach it.";
        return kind switch
        {
            Kind.Public => null,
            Kind.Loopback when options.AllowLoopbackHttp => null,
            Kind.Private when options.AllowPrivateNetworks => null,
            Kind.Loopback => $"{address} is a loopback address.",
            _ => $"{address} is {what}, not a public address.",
        };
    }

    /// <summary>Resolves the host of <paramref name="url"/> (an IP literal as itself) and <see cref="Check"/>s it.</summary>
    public static async Task<string?> CheckAsync(Uri url, WebhookOptions options, CancellationToken ct)
    {
        if (SyntaxError(url) is { } error) return error;
        return Check(url, options, await ResolveAsync(url.DnsSafeHost, ct));
    }

    private static async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (SocketException)
        {
            return [];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [];
        }
    }

    private static (Kind Kind, string What) Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (Metadata.Any(m => m.Equals(address))) return (Kind.Never, "the cloud instance-metadata address");
        var b = address.GetAddressBytes();

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return b switch
            {
                [127, ..] => (Kind.Loopback, "a loopback address"),
                [0, ..] => (Kind.Never, "in 0.0.0.0/8 (this network)"),
                [>= 224 and <= 239, ..] => (Kind.Never, "a multicast address"),
                [>= 240, ..] => (Kind.Never, "a reserved or broadcast address"),
                [10, ..] => (Kind.Private, "a private address (10.0.0.0/8)"),
                [172, >= 16 and <= 31, ..] => (Kind.Private, "a private address (172.16.0.0/12)"),
                [192, 168, ..] => (Kind.Private, "a private address (192.168.0.0/16)"),
                [169, 254, ..] => (Kind.Private, "a link-local address (169.254.0.0/16)"),
                [100, >= 64 and <= 127, ..] => (Kind.Private, "a carrier-grade NAT address (100.64.0.0/10)"),
                [198, 18 or 19, ..] => (Kind.Private, "a benchmarking address (198.18.0.0/15)"),
                [192, 0, 0, ..] => (Kind.Private, "an IETF protocol address (192.0.0.0/24)"),
                [192, 0, 2, ..] or [198, 51, 100, ..] or [203, 0, 113, ..] => (Kind.Never, "a documentation address (RFC 5737)"),
                [192, 88, 99, ..] => (Kind.Never, "a retired 6to4 relay address (192.88.99.0/24)"),
                _ => (Kind.Public, "a public address"),
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6) return (Kind.Never, "not an IP address");
        if (address.Equals(IPAddress.IPv6Loopback)) return (Kind.Loopback, "a loopback address");
        if (address.Equals(IPAddress.IPv6Any)) return (Kind.Never, "the unspecified address");
        if (address.IsIPv6Multicast) return (Kind.Never, "a multicast address");
        if ((b[0] & 0xfe) == 0xfc) return (Kind.Private, "a unique-local address (fc00::/7)");
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return (Kind.Private, "a link-local address (fe80::/10)");
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return (Kind.Private, "a site-local address (fec0::/10)");
        if (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
            return Classify(new IPAddress(b.AsSpan(12, 4)));  // IPv4-translated ::ffff:0:a.b.c.d (RFC 2765)
        if (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0) return (Kind.Never, "a discard-only address (100::/64)");
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return (Kind.Never, "a documentation address (2001:db8::/32)");
        if (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0) return (Kind.Never, "a documentation address (3fff::/20)");
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return (Kind.Never, "a Teredo tunnel address (2001::/32)");
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4] == 0 && b[5] == 0)
            return (Kind.Private, "a benchmarking address (2001:2::/48)");
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && (b[3] & 0xf0) == 0x20) return (Kind.Never, "an ORCHIDv2 identifier (2001:20::/28)");
        if (b.AsSpan(0, 6).SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0x01 }))
            return (Kind.Private, "a local-use NAT64 address (64:ff9b:1::/48)");
        // IPv6 forms that carry an IPv4 address: judge that address.
        if (b.AsSpan(0, 12).SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }))
            return Classify(new IPAddress(b.AsSpan(12, 4)));  // NAT64 64:ff9b::/96
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return Classify(new IPAddress(b.AsSpan(12, 4)));  // IPv4-compatible ::a.b.c.d (deprecated)
        if (b[0] == 0x20 && b[1] == 0x02)
            return Classify(new IPAddress(b.AsSpan(2, 4)));   // 6to4 2002::/16
        return (Kind.Public, "a public address");
    }
}
