using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunitySafety.AppHost;

/// <summary>
/// Shows, per service on the dashboard, what the service itself reports of its dependencies: one health check per entry
/// of the service's <c>/health</c> report (its <c>postgresql</c> and <c>rabbitmq</c> checks), with the service's reason.
/// </summary>
public static class DependencyHealth
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static void Add(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> service, params string[] checks)
    {
        var endpoint = service.GetEndpoint("http");
        foreach (var check in checks)
        {
            var key = $"{service.Resource.Name}-{check}";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new ReportedCheck(endpoint, check),
                HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(6)));
            service.WithHealthCheck(key);
        }
    }

    private sealed class ReportedCheck(EndpointReference endpoint, string check) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                // 503 still carries the report: read the body whatever the status.
                using var response = await Client.GetAsync(new Uri(new Uri(endpoint.Url), PlatformSettings.HealthPath), ct);
                using var report = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                if (!report.RootElement.TryGetProperty("checks", out var entries) || !entries.TryGetProperty(check, out var entry))
                    return new HealthCheckResult(context.Registration.FailureStatus, $"the service reports no '{check}' check");
                var status = entry.GetProperty("status").GetString();
                var description = entry.TryGetProperty("description", out var d) ? d.GetString() : null;
                return status == nameof(HealthStatus.Healthy)
                    ? HealthCheckResult.Healthy(description)
                    : new HealthCheckResult(context.Registration.FailureStatus, description ?? status);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "no health report: " + e.Message, e);
            }
        }
    }
}
