using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Configuration;

namespace CommunitySafety.Gateway;

public static class GatewayRouting
{
    public const string TokenIfPresent = "token-if-present";

    /// <summary>Residents' questions to public meetings (Meetings' anonymous write), limited per client per hour.</summary>
    public const string QuestionSubmissionsPath = "/api/meetings/meetings/{meetingId}/questions";

    /// <summary>Draft minutes (Meetings' <c>PUT</c>), the one request that may be larger than <c>Gateway:MaxRequestBodyBytes</c>.</summary>
    public const string MinutesPath = "/api/meetings/meetings/{meetingId}/minutes";

    /// <summary>
    /// The largest draft of minutes the gateway passes on: at least what Meetings itself accepts (200 sections of
    /// 20,000 characters, each character up to 6 bytes as a JSON escape: DraftMinutesEndpoint.MaxBodyBytes).
    /// </summary>
    public const long MinutesMaxBodyBytes = 24 * 1024 * 1024;

    public static WebApplicationBuilder AddGatewayRouting(this WebApplicationBuilder builder)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in Platform.Services)
        {
            // Aspire's key for a referenced service's endpoint; the local scripts, compose and Kubernetes set the same.
            var address = builder.Configuration[$"services:{service.Name}:http:0"]
                ?? throw new InvalidOperationException($"Missing service address 'services__{service.Name}__http__0'.");
            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Name,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
            });
            routes.Add(new RouteConfig
            {
                RouteId = service.Name + "-api",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"{service.ApiBase}/{{**rest}}" },
                AuthorizationPolicy = TokenIfPresent,
                RateLimiterPolicy = GatewayRateLimits.PublicPolicy,
            });
            routes.Add(new RouteConfig
            {
                RouteId = service.Name + "-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/openapi/{service.Name}.json" },
                AuthorizationPolicy = "anonymous",
                RateLimiterPolicy = GatewayRateLimits.PublicPolicy,
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            });
        }

        // Submitting a question needs no sign-in, so it gets a budget of its own per client: the address for anonymous
        // callers, the user for signed-in ones. Reading a meeting's questions (GET) stays on the route above.
        routes.Add(MeetingsOperation("meetings-question-submissions", "POST", QuestionSubmissionsPath, GatewayRateLimits.QuestionSubmissionsPolicy));
        // Long minutes are legitimate: that route alone takes larger bodies (Meetings checks its own limit again).
        routes.Add(MeetingsOperation("meetings-minutes-drafts", "PUT", MinutesPath, GatewayRateLimits.PublicPolicy) with
        {
            MaxRequestBodySize = MinutesMaxBodyBytes,
        });

        // the web client at / (when configured)
        GatewayWebClient.AddWebClientRoutes(builder.Configuration, routes, clusters);

        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddForwardedTransforms();

        // The gateway refuses a bad or expired token at the door (services validate again); requests without a token
        // pass to the services, which decide per endpoint whether anonymous access is allowed.
        builder.Services.AddAuthorizationBuilder().AddPolicy(TokenIfPresent, p => p.RequireAssertion(ctx =>
            ctx.User.Identity?.IsAuthenticated == true
            || ctx.Resource is HttpContext http && http.Request.Headers.Authorization.Count == 0));

        return builder;
    }

    /// <summary>One operation of Meetings with a route of its own, ahead of the service's catch-all route.</summary>
    private static RouteConfig MeetingsOperation(string routeId, string method, string path, string rateLimiterPolicy) => new()
    {
        RouteId = routeId,
        ClusterId = Platform.Meetings.Name,
        Order = -1,
        Match = new RouteMatch { Path = path, Methods = [method] },
        AuthorizationPolicy = TokenIfPresent,
        RateLimiterPolicy = rateLimiterPolicy,
    };

    /// <summary>
    /// The routes above, each endpoint carrying its route's own body limit as metadata, so that the gateway's 413 check
    /// (<see cref="RequestBodyLimits.UseRequestBodyLimit"/>) and Kestrel apply it before YARP reads the body.
    /// </summary>
    public static void MapGatewayRoutes(this WebApplication app) =>
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
        {
            if (route.MaxRequestBodySize is { } max) endpoint.WithMetadata(new RequestSizeLimitAttribute(max));
        });
}
