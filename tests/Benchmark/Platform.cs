using System.Globalization;
using System.Security.Cryptography;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;

namespace CommunitySafety.Benchmark;

/// <summary>How the processes run: Development with code generated at start-up, or Production with pre-generated code.</summary>
public sealed record RunMode(string Environment, string TypeLoadMode)
{
    public static readonly RunMode Development = new("Development", "Dynamic");
    public static readonly RunMode Production = new("Production", "Static");

    public override string ToString() => $"{Environment}/{TypeLoadMode}";

    /// <summary>Keys Production requires and Development makes up (for this run only).</summary>
    private static readonly string KeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string GovernanceKeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string MeetingsKeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Dictionary<string, string> Settings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = Environment,
        ["Wolverine__TypeLoadMode"] = TypeLoadMode,
        // Production has no development key: sign with the same one, so that the benchmark's tokens are accepted.
        ["Authentication__SigningKey"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(JwtAuthentication.DevelopmentSigningKey)),
        ["Authentication__Issuer"] = JwtAuthentication.DevelopmentIssuer,
        ["CaseManagement__KeyEncryptionKeys__bench"] = KeyEncryptionKey,
        ["CaseManagement__IndexKeys__bench"] = IndexKey,
        // webhook signing secrets' and residents' details' data keys are wrapped by these (KeyRing: {prefix}:KeyEncryptionKeys:<id>)
        ["Governance__KeyEncryptionKeys__bench"] = GovernanceKeyEncryptionKey,
        ["Meetings__KeyEncryptionKeys__bench"] = MeetingsKeyEncryptionKey,
        // required outside Development; the benchmark reads no calendar links
        ["Meetings__PublicBaseUrl"] = "https://csp.example.org",
    };
}

/// <summary>A service of the platform: where it is built, its database, and an authenticated request it answers.</summary>
public sealed record ServiceSpec(string Name, string Project, string Assembly, string? Database, string FirstRequest, string Role)
{
    public static readonly ServiceSpec[] Services =
    [
        new("governance", "services/Governance", "CommunitySafety.Governance", "governance", "/api/governance/organisations", "governance-admin"),
        new("meetings", "services/Meetings", "CommunitySafety.Meetings", "meetings", "/api/meetings/decisions?limit=1", "meetings-secretary"),
        new("casemanagement", "services/CaseManagement", "CommunitySafety.CaseManagement", "casemanagement", "/api/cases/risk-matrix", "case-worker"),
        new("funding", "services/Funding", "CommunitySafety.Funding", "funding", "/api/funding/streams", "funding-officer"),
    ];

    public static readonly ServiceSpec Gateway =
        new("gateway", "gateway", "CommunitySafety.Gateway", null, "/api/governance/organisations", "governance-admin");

    /// <summary>The web client, reached through the gateway; its first request is the home page, anonymously.</summary>
    public static readonly ServiceSpec Web = new("web", "gateway/WebApp", "CommunitySafety.WebApp", null, "/", "");
}

/// <summary>The four services and the gateway as processes, each service with a fresh database, all on the real broker.</summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources = [];

    public Dictionary<string, ServiceProcess> Services { get; } = [];
    public Dictionary<string, TestDatabase> Databases { get; } = [];
    public ServiceProcess Gateway { get; private set; } = null!;
    public ServiceProcess Web { get; private set; } = null!;

    public static async Task<Platform> StartAsync(RunMode mode)
    {
        var platform = new Platform();
        try
        {
            var broker = (await TestServers.RabbitMqAsync()).ToString();
            foreach (var spec in ServiceSpec.Services)
            {
                var database = await TestServers.CreateDatabaseAsync("bench_" + spec.Database);
                platform._resources.Add(database);
                platform.Databases[spec.Name] = database;
                platform.Services[spec.Name] = platform.Start(spec, mode, ServiceEnvironment(spec, database, broker));
            }
            await Task.WhenAll(platform.Services.Values.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(90))));
            // the gateway and the web client each need the other's address: ports chosen first
            var (gatewayPort, internalPort, webPort) = (Ports.Free(), Ports.Free(), Ports.Free());
            platform.Gateway = platform.Start(ServiceSpec.Gateway, mode,
                Merge(GatewayEnvironment(platform.Services), WebClientSettings(gatewayPort, internalPort, webPort)), gatewayPort);
            platform.Web = platform.Start(ServiceSpec.Web, mode, WebEnvironment(mode, internalPort), webPort);
            await Task.WhenAll(platform.Gateway.WaitHealthyAsync(TimeSpan.FromSeconds(60)), platform.Web.WaitHealthyAsync(TimeSpan.FromSeconds(60)));
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string> ServiceEnvironment(ServiceSpec spec, TestDatabase database, string broker) => new()
    {
        [$"ConnectionStrings__{spec.Database}"] = database.ConnectionString,
        ["ConnectionStrings__messaging"] = broker,
    };

    public static Dictionary<string, string> GatewayEnvironment(IReadOnlyDictionary<string, ServiceProcess> services) =>
        services.ToDictionary(s => $"services__{s.Key}__http__0", s => s.Value.Url.ToString());

    /// <summary>
    /// The gateway in front of the web client: its public and internal listeners, the web client's address, and no anonymous
    /// budget worth speaking of (the benchmark is one client at one address, asking for pages as fast as it can).
    /// </summary>
    public static Dictionary<string, string> WebClientSettings(int gatewayPort, int internalPort, int webPort) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{gatewayPort};http://127.0.0.1:{internalPort}",
        ["Gateway__InternalPort"] = internalPort.ToString(CultureInfo.InvariantCulture),
        ["services__web__http__0"] = $"http://127.0.0.1:{webPort}",
        ["Gateway__AnonymousRequestsPerMinute"] = "100000000",
    };

    /// <summary>The web client calling back on the gateway's internal listener; outside Development it needs an identity provider,
    /// which the anonymous pages measured here never ask (so any address does).</summary>
    public static Dictionary<string, string> WebEnvironment(RunMode mode, int internalPort)
    {
        var environment = new Dictionary<string, string> { ["services__gateway__internal__0"] = $"http://127.0.0.1:{internalPort}" };
        if (mode.Environment != "Development")
        {
            environment["Authentication__Authority"] = "https://login.example.org/";
            environment["Authentication__Web__ClientId"] = "benchmark";
        }
        return environment;
    }

    private ServiceProcess Start(ServiceSpec spec, RunMode mode, Dictionary<string, string> environment, int? port = null)
    {
        var process = ServiceProcess.Start(spec.Name, spec.Project, spec.Assembly, Merge(mode.Settings(), environment), port);
        _resources.Insert(0, process); // stopped before the databases are dropped
        return process;
    }

    public static Dictionary<string, string> Merge(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Concat(b).ToDictionary(kv => kv.Key, kv => kv.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources) await resource.DisposeAsync();
        _resources.Clear();
    }
}
