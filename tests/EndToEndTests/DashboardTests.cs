using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The operators' view: the Aspire dashboard of the platform under test, opened in a real browser. It lists every service
/// and the gateway Running, and one request through the gateway shows there as one trace across the gateway, the service
/// that took it, and a service that consumed the event it published through RabbitMQ. Screenshots are kept as artefacts.
/// </summary>
public sealed class DashboardTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_resources_page_shows_every_service_and_the_gateway_running()
    {
        string[] expected = [.. platform.Services.Select(s => s.Name), platform.Gateway.Name, platform.Web.Name];
        await using var browser = await DashboardBrowser.OpenAsync(platform.Dashboard);
        await browser.Page.GotoAsync("/");

        IReadOnlyList<string[]> rows = [];
        // the state cell may also carry a count of the resource's error logs ("Running" then "1"): the state is its first line
        static bool Running(string[] r, string name) => r.Length > 1 && r[0] == name && r[1].Split('\n')[0].Trim() == "Running";
        bool AllRunning() => expected.All(name => rows.Any(r => Running(r, name)));
        await Probes.Eventually(Patience, async () =>
            {
                rows = await browser.RowsAsync();
                return AllRunning();
            })
            .Explained(() => "resources page rows: " + string.Join(" / ", rows.Select(r => string.Join(" | ", r.Take(2)))));
        // and each database and the broker, which the services wait for
        foreach (var name in platform.Services.Select(s => $"{s.Name}-db").Append("messaging"))
            Assert.Contains(rows, r => Running(r, name));

        Assert.True(File.Exists(await browser.ScreenshotAsync("dashboard-resources.png")));
    }

    [Fact]
    public async Task One_request_through_the_gateway_is_one_trace_across_gateway_service_broker_and_consumer()
    {
        using var admin = platform.Client().WithToken("governance-admin");
        // The client starts the trace: its id is how the dashboard's page for it is found.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/governance/organisations")
        {
            Content = JsonContent($$"""{"name":"Traced Borough Council {{traceId.ToHexString()[..8]}}","kind":"ResponsibleAuthority"}"""),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(request)).StatusCode);

        await using var browser = await DashboardBrowser.OpenAsync(platform.Dashboard);
        IReadOnlyList<string[]> spans = [];
        bool Has(string resource, string name) => spans.Any(s => s.Length > 1 && s[1] == resource && s[0].Contains(name, StringComparison.Ordinal));
        // Governance publishes OrganisationRegistered to RabbitMQ; Meetings, CaseManagement and Funding each handle it.
        bool Complete() => Has("gateway", "POST /api/governance/") && Has("governance", "POST /api/governance/organisations")
                           && Has("governance", "rabbitmq")
                           && new[] { "meetings", "casemanagement", "funding" }.All(consumer => Has(consumer, "OrganisationRegistered"));
        await Probes.Eventually(Patience, async () =>
        {
            await browser.Page.GotoAsync($"/traces/detail/{traceId.ToHexString()}");
            await browser.Page.WaitForTimeoutAsync(1500);
            spans = await browser.RowsAsync();
            return Complete();
        }).Explained(() => $"trace {traceId} on the dashboard: " + string.Join(" / ", spans.Select(s => string.Join(" | ", s.Take(2)))));

        Assert.True(File.Exists(await browser.ScreenshotAsync("dashboard-trace.png")));
    }

    [Fact]
    public async Task Each_service_shows_its_own_database_and_the_broker_healthy_beside_its_HTTP_check()
    {
        using var cancel = new CancellationTokenSource(Patience);
        foreach (var service in platform.Services)
        {
            string[] checks = [$"{service.Name}-postgresql", $"{service.Name}-rabbitmq", $"{service.Name}_http_/health_200_check"];
            var state = await platform.App.ResourceNotifications.WaitForResourceAsync(service.Name,
                e => checks.All(c => e.Snapshot.HealthReports.Any(r => r.Name == c && r.Status == HealthStatus.Healthy)), cancel.Token);
            Assert.Equal(checks.Order(), state.Snapshot.HealthReports.Select(r => r.Name).Order());
        }
    }

    [Fact]
    public async Task Every_service_and_the_gateway_send_their_logs_and_metrics_to_the_dashboard()
    {
        await using var browser = await DashboardBrowser.OpenAsync(platform.Dashboard);
        foreach (var resource in platform.Services.Append(platform.Gateway).Select(r => r.Name))
        {
            IReadOnlyList<string[]> logs = [];
            await Probes.Eventually(Patience, async () =>
            {
                await browser.Page.GotoAsync($"/structuredlogs/resource/{resource}");
                await browser.Page.WaitForTimeoutAsync(1000);
                logs = await browser.RowsAsync();
                return logs.Any(r => r.Length > 3 && r[0] == resource);
            }).Explained(() => $"structured logs of {resource}: " + string.Join(" / ", logs.Select(r => string.Join(" | ", r.Take(4)))));

            string metrics = "";
            await Probes.Eventually(Patience, async () =>
            {
                await browser.Page.GotoAsync($"/metrics/resource/{resource}");
                await browser.Page.WaitForTimeoutAsync(1000);
                metrics = await browser.Page.InnerTextAsync("body");
                return metrics.Contains("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal);
            }).Explained(() => $"metrics of {resource}: {metrics[..Math.Min(metrics.Length, 1500)]}");
        }
        await browser.ScreenshotAsync("dashboard-metrics.png");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
