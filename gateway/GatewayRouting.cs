using System.Threading.RateLimiting;
using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace CommunitySafety.Gateway;

/// <summary>
/// A service behind the gateway: <see cref="Name"/> is its name in configuration (<c>services__{Name}__http__0</c>)
/// and in its OpenAPI document's address; it owns <c>/api/{PathPrefix}/...</c>.
/// </summary>
public sealed record ServiceRoutes(string Name, string PathPrefix, string Title)
{
    public static readonly ServiceRoutes[] All =
    [
        new("governance", "governance", "Governance"),
        new("meetings", "meetings", "Meetings"),
        new("casemanagement", "cases", "Case management"),
        new("funding", "funding", "Funding"),
    ];
}

public static class GatewayRouting
{
    public const string PublicRateLimit = "public";
    public const string TokenIfPresent = "token-if-present";
    public const string QuestionSubmissionsRateLimit = "question-submissions";

    /// <summary>Residents' questions to public meetings (Meetings' anonymous write), limited per client per hour.</summary>
    public const string QuestionSubmissionsPath = "/api/meetings/meetings/{meetingId}/questions";

    public static WebApplicationBuilder AddGatewayRouting(this WebApplicationBuilder builder)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in ServiceRoutes.All)
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
                Match = new RouteMatch { Path = $"/api/{service.PathPrefix}/{{**rest}}" },
                AuthorizationPolicy = TokenIfPresent,
                RateLimiterPolicy = PublicRateLimit,
            });
            routes.Add(new RouteConfig
            {
                RouteId = service.Name + "-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/openapi/{service.Name}.json" },
                AuthorizationPolicy = "anonymous",
                RateLimiterPolicy = PublicRateLimit,
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            });
        }

        // Submitting a question needs no sign-in, so it gets a budget of its own per client: the address for anonymous
        // callers, the user for signed-in ones. Reading a meeting's questions (GET) stays on the route above.
        routes.Add(new RouteConfig
        {
            RouteId = "meetings-question-submissions",
            ClusterId = "meetings",
            Order = -1,
            Match = new RouteMatch { Path = QuestionSubmissionsPath, Methods = ["POST"] },
            AuthorizationPolicy = TokenIfPresent,
            RateLimiterPolicy = QuestionSubmissionsRateLimit,
        });

        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddForwardedTransforms();

        // The gateway refuses a bad or expired token at the door (services validate again); requests without a token
        // pass to the services, which decide per endpoint whether anonymous access is allowed.
        builder.Services.AddAuthorizationBuilder().AddPolicy(TokenIfPresent, p => p.RequireAssertion(ctx =>
            ctx.User.Identity?.IsAuthenticated == true
            || ctx.Resource is HttpContext http && !http.Request.Headers.Authorization.Any()));

        var permitsPerMinute = builder.Configuration.GetValue("Gateway:AnonymousRequestsPerMinute", 120);
        var questionsPerHour = builder.Configuration.GetValue("Gateway:QuestionSubmissionsPerHour", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Anonymous callers share a budget per client address; authenticated users are not limited here.
            o.AddPolicy(PublicRateLimit, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(QuestionSubmissionsRateLimit, http =>
            {
                http.Items[QuestionSubmissionsRateLimit] = true;
                var client = http.User.Identity?.IsAuthenticated == true
                    ? "user:" + (http.User.FindFirst(CspClaims.Subject)?.Value ?? "unknown")
                    : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(client,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = questionsPerHour, Window = TimeSpan.FromHours(1) });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                var questions = ctx.HttpContext.Items.ContainsKey(QuestionSubmissionsRateLimit);
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                await Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = Problems.TypeFor("rate-limited"),
                    Title = "Too many requests",
                    Detail = questions
                        ? $"A client may submit {questionsPerHour} questions or observations an hour. Retry later."
                        : $"Anonymous clients may send {permitsPerMinute} requests a minute. Authenticate or retry later.",
                }).ExecuteAsync(ctx.HttpContext);
            };
        });
        return builder;
    }
}
