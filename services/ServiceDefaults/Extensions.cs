using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// The defaults every process of the platform starts with (the Aspire "ServiceDefaults" convention):
/// OpenTelemetry, health checks, ProblemDetails, JWT authentication, forwarded headers from known proxies (no
/// <c>Server</c> header), a request body limit, service discovery and resilient HttpClients.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetailsDefaults();
        builder.AddJwtAuthentication();
        builder.AddForwardedHeadersAndEdgeDefaults();
        builder.AddRequestBodyLimit(builder.Configuration.GetSection(RequestBodyLimit.ServiceSection));

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every registered check: PostgreSQL and RabbitMQ in the services) and <c>/alive</c>
    /// (the process answers), in every environment, anonymously: orchestrators and load balancers probe them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
