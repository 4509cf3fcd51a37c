using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class HealthTests(GovernanceFixture fixture)
{
    [Fact]
    public async Task Health_names_PostgreSQL_and_RabbitMQ_and_needs_no_token()
    {
        var client = fixture.Client();
        var health = await (await client.GetAsync("/health")).Json(HttpStatusCode.OK);
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["postgresql"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["rabbitmq"]!["status"]!.GetValue<string>());
        var alive = await (await client.GetAsync("/alive")).Json(HttpStatusCode.OK);
        Assert.Equal(["self"], alive["checks"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public async Task Unreachable_servers_are_reported_unhealthy_with_the_reason()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("x", _ => null!, HealthStatus.Unhealthy, null),
        };
        var postgres = await new PostgresHealthCheck("Host=127.0.0.1;Port=1;Username=csp;Password=csp;Timeout=2").CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Unhealthy, postgres.Status);
        Assert.StartsWith("PostgreSQL unreachable:", postgres.Description);

        var rabbit = await new RabbitMqHealthCheck(new Uri("amqp://csp:csp@127.0.0.1:1/")).CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Unhealthy, rabbit.Status);
        Assert.StartsWith("RabbitMQ unreachable:", rabbit.Description);
    }
}
