using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The whole platform (Governance, Meetings, CaseManagement, Funding and the gateway) as processes on loopback ports,
/// each service with a fresh database on the real PostgreSQL and all of them on the real RabbitMQ. A test project uses it as its assembly fixture:
/// <c>[assembly: AssemblyFixture(typeof(PlatformFixture))]</c>.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>Small enough that a test can exhaust it.</summary>
    public const int AnonymousRequestsPerMinute = 30;

    private readonly List<IAsyncDisposable> _resources = [];

    public ServiceProcess Governance { get; private set; } = null!;
    public ServiceProcess Meetings { get; private set; } = null!;
    public ServiceProcess CaseManagement { get; private set; } = null!;
    public TestDatabase CaseManagementDatabase { get; private set; } = null!;
    public TestDatabase GovernanceDatabase { get; private set; } = null!;
    public TestDatabase MeetingsDatabase { get; private set; } = null!;
    public TestDatabase FundingDatabase { get; private set; } = null!;
    public ServiceProcess Funding { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public Uri Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Broker = await TestServers.RabbitMqAsync();
        var governanceDb = GovernanceDatabase = await TestServers.CreateDatabaseAsync("e2e_governance");
        var meetingsDb = MeetingsDatabase = await TestServers.CreateDatabaseAsync("e2e_meetings");
        CaseManagementDatabase = await TestServers.CreateDatabaseAsync("e2e_casemanagement");
        _resources.Add(governanceDb);
        _resources.Add(meetingsDb);
        _resources.Add(CaseManagementDatabase);
        var fundingDb = FundingDatabase = await TestServers.CreateDatabaseAsync("e2e_funding");
        _resources.Add(fundingDb);

        Governance = Start("governance", "services/Governance", "CommunitySafety.Governance", new()
        {
            ["ConnectionStrings__governance"] = governanceDb.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.ToString(),
            // the tests' webhook receivers listen on loopback, and retries come within seconds
            ["Webhooks__AllowLoopbackHttp"] = "true",
            ["Webhooks__Delivery__RetryScheduleSeconds__0"] = "1",
            ["Webhooks__Delivery__RetryScheduleSeconds__1"] = "1",
            ["Webhooks__Delivery__RetryScheduleSeconds__2"] = "1",
            ["Webhooks__Delivery__Jitter"] = "0",
        });
        Meetings = Start("meetings", "services/Meetings", "CommunitySafety.Meetings", new()
        {
            ["ConnectionStrings__meetings"] = meetingsDb.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.ToString(),
            // scenarios hold a public meeting within seconds of scheduling it; the 14-day notice is tested in Meetings.IntegrationTests
            ["Meetings__Public__AdvertiseDays"] = "0",
        });
        CaseManagement = Start("casemanagement", "services/CaseManagement", "CommunitySafety.CaseManagement", new()
        {
            ["ConnectionStrings__casemanagement"] = CaseManagementDatabase.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.ToString(),
        });
        Funding = Start("funding", "services/Funding", "CommunitySafety.Funding", new()
        {
            ["ConnectionStrings__funding"] = fundingDb.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.ToString(),
        });
        await Task.WhenAll(Governance.WaitHealthyAsync(TimeSpan.FromSeconds(90)), Meetings.WaitHealthyAsync(TimeSpan.FromSeconds(90)),
            CaseManagement.WaitHealthyAsync(TimeSpan.FromSeconds(90)), Funding.WaitHealthyAsync(TimeSpan.FromSeconds(90)));

        Gateway = Start("gateway", "gateway", "CommunitySafety.Gateway", new()
        {
            ["services__governance__http__0"] = Governance.Url.ToString(),
            ["services__meetings__http__0"] = Meetings.Url.ToString(),
            ["services__casemanagement__http__0"] = CaseManagement.Url.ToString(),
            ["services__funding__http__0"] = Funding.Url.ToString(),
            ["Gateway__AnonymousRequestsPerMinute"] = AnonymousRequestsPerMinute.ToString(),
        });
        await Gateway.WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    private ServiceProcess Start(string name, string project, string assembly, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, project, assembly, environment);
        _resources.Insert(0, process); // stopped before the databases are dropped
        return process;
    }

    public IEnumerable<ServiceProcess> Services => [Governance, Meetings, CaseManagement, Funding];

    public HttpClient Client() => new() { BaseAddress = Gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A client whose connections come from another loopback address, so that it has its own anonymous rate-limit
    /// budget at the gateway and exhausting it does not starve the other tests.
    /// </summary>
    public HttpClient ClientFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = Gateway.Url, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources) await resource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
