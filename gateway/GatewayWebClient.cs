using System.Net;
using Yarp.ReverseProxy.Configuration;

namespace CommunitySafety.Gateway;

/// <summary>
/// The web client behind the gateway. Browsers reach it at <c>/</c> (every path no other route takes, at the lowest
/// priority); its static assets (fingerprinted, cached for a year) have a route of their own outside the rate limits.
/// It calls the services back through the gateway's <b>internal listener</b> (<c>Gateway:InternalPort</c>), which the
/// deployment exposes only to the web client: there the gateway believes the web client's <c>X-Forwarded-For</c> (the
/// resident's address, for the per-client question budget and the services' audit) and does not count an anonymous
/// resident's calls again (the page request that caused them was counted at the public listener).
/// </summary>
public static class GatewayWebClient
{
    public const string ClusterId = "web";

    /// <summary>Paths of the web client's static files: Blazor's script, the stylesheet, scripts, GOV.UK Frontend's files.</summary>
    public static readonly string[] AssetPrefixes = ["/_framework", "/css", "/js", "/govuk"];

    /// <summary>Adds the web client's cluster and routes, when its address (<c>services__web__http__0</c>) is configured.</summary>
    public static bool AddWebClientRoutes(IConfiguration configuration, List<RouteConfig> routes, List<ClusterConfig> clusters)
    {
        if (configuration["services:web:http:0"] is not { Length: > 0 } address) return false;
        clusters.Add(new ClusterConfig
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
        });
        routes.AddRange(AssetPrefixes.Select(prefix => new RouteConfig
        {
            RouteId = "web-assets" + prefix.Replace('/', '-'),
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = prefix + "/{**rest}", Methods = ["GET", "HEAD"] },
            AuthorizationPolicy = "anonymous",
        }));
        routes.Add(new RouteConfig
        {
            RouteId = "web-pages",
            ClusterId = ClusterId,
            // after every other route and endpoint of the gateway (the API, /scalar, /health, /openapi)
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "{**path}" },
            AuthorizationPolicy = "anonymous",
            RateLimiterPolicy = GatewayRateLimits.PublicPolicy,
        });
        return true;
    }

    /// <summary>
    /// <c>/api</c>, <c>/openapi</c> and anything under them that no service's route takes: a 404 problem from the gateway
    /// (more specific than the website's catch-all, less than every service's route), so that an API client never gets a page.
    /// </summary>
    public static void MapApiNotFound(this WebApplication app)
    {
        foreach (var pattern in new[] { "/api", "/api/{**rest}", "/openapi", "/openapi/{**rest}" })
            app.Map(pattern, (HttpContext http) => Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Type = ServiceDefaults.Problems.TypeFor("not-found"),
                Title = "No such address",
                Detail = $"The platform has no API at {http.Request.Path}.",
            })).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary><c>Gateway:InternalPort</c>: the port of the listener only the web client reaches (0 or unset: none).</summary>
    public static int InternalPort(IConfiguration gateway) => gateway.GetValue("InternalPort", 0);

    /// <summary>Whether the request came in on the internal listener.</summary>
    public static bool IsInternal(HttpContext http, int internalPort) => internalPort > 0 && http.Connection.LocalPort == internalPort;

    /// <summary>
    /// On the internal listener the caller is the web client, which names the resident it acts for in
    /// <c>X-Forwarded-For</c> (its last entry). Runs after the forwarded-headers middleware, which left the header alone
    /// unless the web client is also a known proxy.
    /// </summary>
    public static void UseInternalListener(this WebApplication app, int internalPort)
    {
        if (internalPort <= 0) return;
        app.Use((http, next) =>
        {
            if (IsInternal(http, internalPort)
                && http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .LastOrDefault() is { } last && IPAddress.TryParse(last, out var resident))
            {
                http.Connection.RemoteIpAddress = resident;
                http.Request.Headers.Remove("X-Forwarded-For");
            }
            return next(http);
        });
    }
}
