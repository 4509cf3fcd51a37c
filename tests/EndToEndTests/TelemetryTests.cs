using System.Collections.Concurrent;
using System.Text;
using CommunitySafety.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, a service exports traces, metrics and logs over OTLP, with the spans of
/// ASP.NET Core, Npgsql, Marten and Wolverine. The collector here is a bare OTLP/HTTP receiver that keeps what it gets.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_service_exports_traces_metrics_and_logs_over_OTLP()
    {
        var received = new ConcurrentDictionary<string, ConcurrentBag<byte[]>>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.GetOrAdd(signal, _ => []).Add(body.ToArray());
            return Results.Ok();
        });
        await collector.StartAsync();
        var collectorUrl = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var database = await TestServers.CreateDatabaseAsync("e2e_otel");
        await using var governance = ServiceProcess.Start("governance", "services/Governance", "CommunitySafety.Governance", new Dictionary<string, string>
        {
            ["ConnectionStrings__governance"] = database.ConnectionString,
            ["ConnectionStrings__messaging"] = (await TestServers.RabbitMqAsync()).ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collectorUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await governance.WaitHealthyAsync(TimeSpan.FromSeconds(90));

        using var client = new HttpClient { BaseAddress = governance.Url }.WithToken("governance-admin");
        await (await client.PostJson("/api/governance/organisations", new { name = "Kent Police", kind = "ResponsibleAuthority" })).CreatedId();

        string[] expectedSources = ["Microsoft.AspNetCore", "Npgsql", "Marten", "Wolverine"];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !(Has("traces", expectedSources) && Has("metrics", []) && Has("logs", [])))
            await Task.Delay(200);

        Assert.True(Has("traces", ["CommunitySafety.Governance"]), "no trace export naming the service");
        foreach (var source in expectedSources) Assert.True(Has("traces", [source]), $"no span from {source}");
        Assert.True(Has("metrics", []), "no metrics export");
        Assert.True(Has("logs", []), "no logs export");
        await collector.StopAsync();

        bool Has(string signal, string[] names) =>
            received.TryGetValue(signal, out var bodies) && !bodies.IsEmpty
            && names.All(n => bodies.Any(b => Encoding.UTF8.GetString(b).Contains(n, StringComparison.Ordinal)));
    }
}
