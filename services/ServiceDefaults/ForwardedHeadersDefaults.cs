using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IPNetwork = System.Net.IPNetwork;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// X-Forwarded-For/-Proto/-Host/-Prefix, honoured only from known proxies. Behind the gateway a service sees the
/// gateway's connection; with these headers applied, the request's scheme, host and client address are the public
/// ones, so the links it builds (201 <c>Location</c>, calendar URLs) are the gateway's. A peer that is not a known
/// proxy has its forwarded headers ignored, so a client cannot choose its own address or host.
/// </summary>
public static class ForwardedHeadersDefaults
{
    /// <summary>The services' section: <c>ForwardedHeaders:KnownProxies:0</c>, <c>ForwardedHeaders:KnownNetworks:0</c>.</summary>
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// Every process: forwarded headers from the proxies in <see cref="Section"/> (loopback unless configured: the
    /// gateway reaches the services there), applied first in the pipeline; no <c>Server</c> header.
    /// </summary>
    public static void AddForwardedHeadersAndEdgeDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        var trusted = KnownProxies.From(builder.Configuration.GetSection(Section), loopbackByDefault: true);
        builder.Services.Configure<ForwardedHeadersOptions>(o => trusted.ApplyTo(o));
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
    }

    /// <summary>Puts <c>UseForwardedHeaders</c> before anything the app adds (CaseManagement's audit reads the address).</summary>
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}

/// <summary>The links a service builds to itself, as its clients address it.</summary>
public static class PublicLinks
{
    /// <summary>
    /// One of the service's own paths (<c>/api/...</c>) under the request's path base: the prefix a known proxy serves the
    /// platform under (<c>X-Forwarded-Prefix</c>), so that a <c>Location</c> resolves to the resource behind it too.
    /// </summary>
    public static string Local(this HttpRequest request, string path) => request.PathBase.Add(new PathString(path)).ToString();
}

/// <summary>The proxies whose forwarded headers are believed: single addresses and CIDR networks.</summary>
public sealed record KnownProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public static readonly KnownProxies None = new([], []);

    /// <summary>ASP.NET Core's own default: 127.0.0.0/8 and ::1.</summary>
    public static readonly KnownProxies Loopback = new([IPAddress.IPv6Loopback], [new IPNetwork(IPAddress.Loopback, 8)]);

    /// <summary>
    /// Reads <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>) of
    /// <paramref name="section"/>; neither configured gives loopback or none. An entry that does not parse stops the
    /// start-up, naming the key: a typo must not silently trust nobody (or everybody).
    /// </summary>
    public static KnownProxies From(IConfiguration section, bool loopbackByDefault)
    {
        var proxies = Entries(section, "KnownProxies", (string v, out IPAddress a) => IPAddress.TryParse(v, out a!), "an IP address");
        var networks = Entries<IPNetwork>(section, "KnownNetworks", IPNetwork.TryParse, "a network in CIDR notation (e.g. 10.0.0.0/8)");
        var configured = new KnownProxies(proxies, networks);
        return !configured.IsEmpty ? configured : loopbackByDefault ? Loopback : None;
    }

    private delegate bool TryParse<T>(string value, out T parsed);

    private static List<T> Entries<T>(IConfiguration section, string key, TryParse<T> parse, string expected)
    {
        var list = new List<T>();
        foreach (var child in section.GetSection(key).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(child.Value)) continue;
            list.Add(parse(child.Value.Trim(), out var parsed) ? parsed : throw new InvalidOperationException(
                $"Configuration '{child.Path}' is '{child.Value}', which is not {expected}."));
        }
        return list;
    }

    public bool IsEmpty => Proxies.Count == 0 && Networks.Count == 0;

    /// <summary>
    /// Replaces the options' defaults: only these peers' X-Forwarded-For/-Proto/-Host/-Prefix are applied, one hop
    /// each (the nearest proxy's entry). With none, the headers are ignored.
    /// </summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = IsEmpty
            ? ForwardedHeaders.None
            : ForwardedHeaders.All;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies) options.KnownProxies.Add(proxy);
        foreach (var network in Networks) options.KnownIPNetworks.Add(network);
    }
}
