using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The whole platform as the AppHost describes it (apphost/AppHost.cs), started with Aspire.Hosting.Testing: the four
/// services and the gateway as processes under Aspire's orchestrator, with the dashboard. Against the servers the test
/// script runs (TEST_POSTGRES, TEST_RABBITMQ: the AppHost's servers mode, each service with a fresh database), or,
/// without them, in containers. A test project uses it as its assembly fixture:
/// <c>[assembly: AssemblyFixture(typeof(PlatformFixture))]</c>.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>Small enough that a test can exhaust it in seconds, large enough for the browser tests' page loads (from 127.0.0.1).</summary>
    public const int AnonymousRequestsPerMinute = 300;

    /// <summary>The gateway's one known proxy (<c>Gateway:KnownProxies</c>): connect from it with <see cref="ClientFrom"/>.</summary>
    public static readonly IPAddress KnownProxy = IPAddress.Parse("127.0.0.85");

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly List<TestDatabase> _databases = [];
    private readonly CancellationTokenSource _stopping = new();
    private DistributedApplication _app = null!;

    public PlatformResource Governance { get; private set; } = null!;
    public PlatformResource Meetings { get; private set; } = null!;
    public PlatformResource CaseManagement { get; private set; } = null!;
    public PlatformResource Funding { get; private set; } = null!;
    public PlatformResource Gateway { get; private set; } = null!;
    /// <summary>The web client (reached through the gateway at /).</summary>
    public PlatformResource Web { get; private set; } = null!;
    /// <summary>The four services (not the gateway), as the AppHost lists them.</summary>
    public IReadOnlyList<PlatformResource> Services { get; private set; } = [];
    public PlatformDatabase GovernanceDatabase => Database("governance");
    public PlatformDatabase MeetingsDatabase => Database("meetings");
    public PlatformDatabase CaseManagementDatabase => Database("casemanagement");
    public PlatformDatabase FundingDatabase => Database("funding");
    public Uri Broker { get; private set; } = null!;
    /// <summary>The Aspire dashboard (anonymous access: a test run's own).</summary>
    public Uri Dashboard { get; private set; } = null!;
    public DistributedApplication App => _app;

    private readonly Dictionary<string, PlatformDatabase> _connectionStrings = [];
    private PlatformDatabase Database(string service) => _connectionStrings[service];

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var servers = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("TEST_POSTGRES"));
        var prefix = $"e2e{Guid.NewGuid():N}"[..11] + "_";
        string[] args =
        [
            $"Platform:Infrastructure={(servers ? "servers" : "containers")}",
            $"Platform:GatewayPort={Ports.Free()}",
            $"Platform:GatewayInternalPort={Ports.Free()}",
            "Platform:DataVolumes=false",
            $"Platform:DatabasePrefix={prefix}",
            // the dashboard, for the operators' view the tests look at (the testing builder leaves it out by default)
            $"ASPNETCORE_URLS=http://127.0.0.1:{Ports.Free()}",
            $"ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{Ports.Free()}",
            $"ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{Ports.Free()}",
            "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
        ];
        if (servers)
        {
            Broker = await TestServers.RabbitMqAsync();
            args = [.. args, $"Parameters:postgres-server={await TestServers.PostgresAsync()}", $"Parameters:rabbitmq-server={Broker}"];
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args,
            (options, _) => options.DisableDashboard = false, timeout.Token);
        var services = builder.Resources.OfType<ProjectResource>().Where(r => r.Name is not ("gateway" or "web")).Select(r => r.Name).ToList();

        // What the scenarios need of the services, beyond the AppHost's description.
        Configure(builder, "governance", new()
        {
            // the tests' webhook receivers listen on loopback, and retries come within seconds
            ["Webhooks__AllowLoopbackHttp"] = "true",
            ["Webhooks__Delivery__RetryScheduleSeconds__0"] = "1",
            ["Webhooks__Delivery__RetryScheduleSeconds__1"] = "1",
            ["Webhooks__Delivery__RetryScheduleSeconds__2"] = "1",
            ["Webhooks__Delivery__Jitter"] = "0",
        });
        // scenarios hold a public meeting within seconds of scheduling it; the 14-day notice is tested in Meetings.IntegrationTests
        Configure(builder, "meetings", new() { ["Meetings__Public__AdvertiseDays"] = "0" });
        Configure(builder, "gateway", new()
        {
            ["Gateway__AnonymousRequestsPerMinute"] = AnonymousRequestsPerMinute.ToString(CultureInfo.InvariantCulture),
            // a load balancer in front of the gateway, whose X-Forwarded-For it believes (EdgeTests)
            ["Gateway__KnownProxies__0"] = KnownProxy.ToString(),
        });

        if (servers)
            foreach (var service in services)
                _databases.Add(await TestServers.CreateNamedDatabaseAsync(prefix + service));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        Broker ??= new Uri((await _app.GetConnectionStringAsync("messaging", timeout.Token))!);

        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        PlatformResource Resource(string name) => new(name, _app, logs, _stopping.Token);
        Services = services.Select(Resource).ToList();
        Governance = Services.Single(s => s.Name == "governance");
        Meetings = Services.Single(s => s.Name == "meetings");
        CaseManagement = Services.Single(s => s.Name == "casemanagement");
        Funding = Services.Single(s => s.Name == "funding");
        Gateway = Resource("gateway");
        Web = Resource("web");
        Dashboard = await DashboardAsync(timeout.Token);

        foreach (var service in services)
            _connectionStrings[service] = new PlatformDatabase(prefix + service,
                (await _app.GetConnectionStringAsync($"{service}-db", timeout.Token))!);
        try
        {
            await Task.WhenAll(Services.Append(Gateway).Append(Web).Select(r =>
                _app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the platform was not healthy within {StartTimeout}:\n" +
                                       string.Join("\n", Services.Append(Gateway).Append(Web).Select(r => r.Describe())));
        }
    }

    /// <summary>The dashboard's address once it answers (it starts beside the resources, not before them).</summary>
    private async Task<Uri> DashboardAsync(CancellationToken ct)
    {
        var dashboard = _app.GetEndpoint("aspire-dashboard", "http");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                if ((await client.GetAsync(dashboard, ct)).IsSuccessStatusCode) return dashboard;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(500, ct);
        }
    }

    private static void Configure(IDistributedApplicationTestingBuilder builder, string resource, Dictionary<string, string> environment)
    {
        var project = builder.CreateResourceBuilder<ProjectResource>(resource);
        foreach (var (key, value) in environment) project.WithEnvironment(key, value);
    }

    public HttpClient Client() => new() { BaseAddress = Gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A client whose connections come from another loopback address, so that it has its own anonymous rate-limit
    /// budget at the gateway and exhausting it does not starve the other tests. To the platform's gateway, or to
    /// <paramref name="gateway"/> (another gateway process a test started).
    /// </summary>
    public HttpClient ClientFrom(IPAddress source, Uri? gateway = null) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source, 0));
            // the gateway listens on localhost: connect to its IPv4 address, which a bound IPv4 socket can reach
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = gateway ?? Gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases) await database.DisposeAsync();
    }
}

/// <summary>A service's database, as the platform was given it.</summary>
public sealed record PlatformDatabase(string Name, string ConnectionString);

/// <summary>A project resource of the running platform (a service or the gateway): its address, its log, its process.</summary>
public sealed class PlatformResource
{
    private readonly DistributedApplication _app;
    private readonly System.Text.StringBuilder _log = new();
    private volatile CustomResourceSnapshot? _snapshot;

    internal PlatformResource(string name, DistributedApplication app, ResourceLoggerService logs, CancellationToken stopping)
    {
        Name = name;
        _app = app;
        Url = app.GetEndpoint(name, "http");
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(name).WithCancellation(stopping))
                    lock (_log)
                        foreach (var line in batch) _log.AppendLine(line.Content);
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in app.ResourceNotifications.WatchAsync(stopping))
                    if (e.Resource.Name == name) _snapshot = e.Snapshot;
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);
    }

    public string Name { get; }
    public Uri Url { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>The resource's state as the orchestrator reports it (Running, Exited, …) and its health.</summary>
    public string Describe()
    {
        var snapshot = _snapshot;
        return $"{Name}: {snapshot?.State?.Text ?? "unknown"}, health {snapshot?.HealthStatus?.ToString() ?? "unknown"}; log tail:\n" +
               string.Join('\n', Log.Split('\n').TakeLast(20));
    }

    /// <summary>
    /// Kills the resource's process without warning (as a crash would: no graceful shutdown) and waits until the AppHost
    /// has started it again on its own (<c>CrashedServiceRestarts</c>: a new process) and it is healthy.
    /// </summary>
    public async Task CrashAndRestartAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var pid = await ProcessIdAsync(cancel.Token);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancel.Token);
        }
        lock (_log) _log.AppendLine(CultureInfo.InvariantCulture, $"---- {Name} killed (pid {pid}) ----");
        try
        {
            await _app.ResourceNotifications.WaitForResourceAsync(Name,
                e => e.Snapshot.State?.Text == KnownResourceStates.Running && Pid(e) is { } now && now != pid, cancel.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(Name, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} was not started again and healthy within {timeout} of its crash: " + Describe());
        }
    }

    /// <summary>The process id of the running resource, as the orchestrator reports it.</summary>
    public async Task<int> ProcessIdAsync(CancellationToken ct)
    {
        var running = await _app.ResourceNotifications.WaitForResourceAsync(Name,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && Pid(e) is not null, ct);
        return Pid(running)!.Value;
    }

    /// <summary>Runs one of the orchestrator's commands on the resource: what the dashboard's Stop and Start buttons do.</summary>
    public async Task CommandAsync(string command, CancellationToken ct)
    {
        var model = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == Name);
        var result = await _app.ResourceCommands.ExecuteCommandAsync(model, command, ct);
        if (!result.Success) throw new InvalidOperationException($"{command} on {Name} failed: {result.Message}\n{Describe()}");
        lock (_log) _log.AppendLine(CultureInfo.InvariantCulture, $"---- {Name}: {command} ----");
    }

    /// <summary>The orchestrator's last word on the resource's state (Running, Finished, …).</summary>
    public string? State => _snapshot?.State?.Text;

    private static int? Pid(ResourceEvent e) =>
        e.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;
}
