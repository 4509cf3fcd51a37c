using CommunitySafety.ServiceDefaults;
using Yarp.ReverseProxy.Transforms;

namespace CommunitySafety.Gateway;

/// <summary>
/// What the gateway adds as the platform's public edge: whose forwarded headers it believes (a load balancer in front),
/// what it forwards to the services, the security headers of every answer, the largest request body it takes, and a
/// problem for a path with control characters.
/// </summary>
public static class GatewayEdge
{
    /// <summary><c>Gateway:KnownProxies:0</c>, <c>Gateway:KnownNetworks:0</c>: the load balancers in front of the gateway;
    /// also the section of its rate limits and its <c>MaxRequestBodyBytes</c>.</summary>
    public const string Section = "Gateway";

    /// <summary>The Scalar page (/scalar) runs its own script and styles, inline and from the gateway; the API documents it
    /// reads and the requests its "try it" sends go to the gateway too. Nothing comes from elsewhere.</summary>
    public const string HtmlContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The web client's pages: scripts and styles from the site only, never inline; forms post only to it.</summary>
    public const string WebContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Any other answer (JSON, problems, iCalendar) is data: it loads nothing and is never framed.</summary>
    public const string DataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddGatewayEdge(this WebApplicationBuilder builder)
    {
        // The gateway believes X-Forwarded-* only from the load balancers it is told of: none by default, since anyone
        // could otherwise choose the address its per-client rate limits are counted by. (This replaces the loopback
        // default ServiceDefaults gives the services, whose proxy is the gateway.)
        var trusted = KnownProxies.From(builder.Configuration.GetSection(Section), loopbackByDefault: false);
        builder.Services.Configure<ForwardedHeadersOptions>(o => trusted.ApplyTo(o));
        // Gateway:MaxRequestBodyBytes (default 1 MiB), in place of the services' Limits:MaxRequestBodyBytes
        builder.AddRequestBodyLimit(builder.Configuration.GetSection(Section));
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the platform does not own its parent domain's other hosts
        });
        return builder;
    }

    /// <summary>
    /// YARP's default, made explicit: X-Forwarded-For/-Proto/-Host/-Prefix are set (not appended) from what the gateway
    /// saw, after its own forwarded-headers middleware applied a known proxy's; a client's own X-Forwarded-* never reaches
    /// a service, and a <c>Forwarded</c> header is removed. The services take the scheme and host of their links from them.
    /// </summary>
    public static IReverseProxyBuilder AddForwardedTransforms(this IReverseProxyBuilder proxy) => proxy.AddTransforms(context =>
    {
        context.UseDefaultForwarders = false;
        context.AddXForwarded(ForwardedTransformActions.Set);
    });

    /// <summary>Security headers on every answer, the services' included; no <c>Server</c> header. HSTS outside Development.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SetSecurityHeaders(http.Response.Headers, http.Response.ContentType, http.Request.Path);
                return Task.CompletedTask;
            });
            return next(http);
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use(async (http, next) =>
        {
            if (ControlCharacters.InPath(http.Request.Path) is { } detail)
            {
                await Results.Problem(Problems.BadRequest(detail)).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }

    public static void SetSecurityHeaders(IHeaderDictionary headers, string? contentType, PathString path)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = contentType is null || !contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            ? DataContentSecurityPolicy
            : path.StartsWithSegments("/scalar") ? HtmlContentSecurityPolicy
            : WebContentSecurityPolicy;
        // a service behind the gateway (or anything else) must not name its server software either
        headers.Remove("Server");
    }
}

/// <summary>Control characters in a request's decoded path (<c>%00</c>, <c>%0A</c>): no resource of the platform has one.</summary>
public static class ControlCharacters
{
    /// <summary>Why the path is refused, or null when it has none.</summary>
    public static string? InPath(PathString path)
    {
        var value = path.Value;
        if (value is null) return null;
        foreach (var c in value)
            if (char.IsControl(c))
                return $"The request's path contains the control character U+{(int)c:X4}; no address of the platform has one.";
        return null;
    }
}
