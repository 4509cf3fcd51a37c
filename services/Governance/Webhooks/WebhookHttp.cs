using System.Net;
using System.Net.Sockets;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>Delivery may not reach this address (SSRF protection).</summary>
public sealed class WebhookAddressRefusedException(string reason) : HttpRequestException(reason);

/// <summary>
/// The HTTP handler deliveries use: no redirects (a receiver cannot send us elsewhere), no cookies, and every
/// connection checked against the address it actually reaches — so a name that resolves to a private address at
/// delivery time (DNS rebinding) is refused even if it resolved to a public one when checked.
/// </summary>
public static class WebhookHttp
{
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = WebhookUrls.FollowsRedirects,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var http = context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp;
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var refusals = new List<string>();
            foreach (var address in addresses)
            {
                if (WebhookUrls.AddressRefusal(address, options, http) is { } refusal)
                {
                    refusals.Add(refusal);
                    continue;
                }
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    if (address.Equals(addresses[^1])) throw;
                }
            }
            throw new WebhookAddressRefusedException($"'{host}': " + (refusals.Count > 0 ? string.Join(" ", refusals) : "no address."));
        },
    };
}
