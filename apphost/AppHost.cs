// The platform's one description: PostgreSQL and RabbitMQ, the four services, the gateway in front of them, the web client.
// `dotnet run --project apphost` (deploy/local/run.sh) runs it with the dashboard; the end-to-end and reliability
// tests start it with Aspire.Hosting.Testing; `--publisher manifest` writes it out for a deployment tool.
using CommunitySafety.AppHost;
using CommunitySafety.Contracts;
using System.Globalization;

var builder = DistributedApplication.CreateBuilder(args);
var platform = PlatformSettings.From(builder.Configuration);

// Containers (PostgreSQL 15, RabbitMQ, with data volumes) when a container runtime answers, or else the Debian
// servers deploy/local/servers.sh installs: Platform:Infrastructure = auto | containers | servers.
var infrastructure = Infrastructure.Add(builder, platform);

// The one public entry point. Not behind Aspire's proxy: its rate limits are per client address, which a proxy hides.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithEndpoint("http", e => (e.Port, e.TargetPort, e.IsProxied) = (platform.GatewayPort, platform.GatewayPort, false))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck(PlatformSettings.HealthPath)
    .WithUrlForEndpoint("http", u => u.DisplayText = "Gateway")
    // the listener only the web client calls (see GatewayWebClient): never exposed outside the platform
    .WithHttpEndpoint(port: platform.GatewayInternalPort, targetPort: platform.GatewayInternalPort, name: "internal", isProxied: false)
    .WithEnvironment("Gateway__InternalPort", platform.GatewayInternalPort.ToString(CultureInfo.InvariantCulture))
    .WithUrlForEndpoint("internal", u => u.DisplayLocation = UrlDisplayLocation.DetailsOnly);
var gatewayUrl = gateway.GetEndpoint("http");
gateway.WithUrl($"{gatewayUrl}/scalar", "API reference (Scalar)")
    // Printed once everything behind the gateway is healthy too (it waits for every service).
    .OnResourceReady((_, _, _) =>
    {
        Console.WriteLine($"""

              Community Safety Partnership platform is running ({infrastructure.Mode})
                Website          {gatewayUrl.Url}/
                Gateway          {gatewayUrl.Url}
                API reference    {gatewayUrl.Url}/scalar
                Dashboard        the login URL above (Aspire prints it at start-up)
              Ctrl-C stops everything this AppHost started.

            """);
        return Task.CompletedTask;
    });

// The services, from the platform's manifest (services/Contracts/Platform.cs), which the gateway and the tests read too.
foreach (var service in Platform.Services.Select(s => builder.AddProject(s.Name, Path.Combine(builder.AppHostDirectory, "..", s.Project))))
{
    var name = service.Resource.Name;
    var database = infrastructure.Database(name);
    service
        .WithReference(database, connectionName: name)
        .WithReference(infrastructure.Messaging, connectionName: Infrastructure.MessagingName)
        .WaitFor(database)
        .WaitFor(infrastructure.Messaging)
        .WithHttpHealthCheck(PlatformSettings.HealthPath)
        .WithUrlForEndpoint("http", u => u.DisplayText = name)
        .WithUrl($"{gatewayUrl}/scalar/{name}", "API reference (Scalar)")
        .WithUrl($"{service.GetEndpoint("http")}/openapi/v1.json", "OpenAPI document");
    // The service's own view of its database and of the broker (from its /health report), beside the HTTP check.
    DependencyHealth.Add(builder, service, "postgresql", "rabbitmq");
    gateway.WithReference(service).WaitFor(service);
}

// The web client: served through the gateway at /, calling the services back through the gateway's internal listener.
var web = builder.AddProject<Projects.WebApp>("web")
    .WithReference(gateway.GetEndpoint("internal"))
    .WaitFor(gateway)
    .WithHttpHealthCheck(PlatformSettings.HealthPath)
    .WithUrlForEndpoint("http", u => u.DisplayLocation = UrlDisplayLocation.DetailsOnly);
web.WithUrl($"{gatewayUrl}/", "Website");
// the site's page for operators links the dashboard: its address is the AppHost's own (the launch profile's applicationUrl)
if (builder.Configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { Length: > 0 } dashboard)
    web.WithEnvironment("Web__OperationsDashboardUrl", dashboard);
gateway.WithReference(web);

// A service whose process dies is started again after a back-off, the others going on meanwhile.
CrashedServiceRestarts.Add(builder);

builder.Build().Run();
