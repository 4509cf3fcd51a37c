using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace CommunitySafety.TestSupport;

/// <summary>
/// One service hosted in memory (Alba/TestServer) against a fresh database on the real PostgreSQL. The broker
/// transports are stubbed so a test sees exactly the messages its own requests published (tracked sessions);
/// the end-to-end tests run the real broker between real processes.
/// </summary>
public abstract class ServiceFixture<TProgram> : IAsyncLifetime where TProgram : class
{
    private TestDatabase? _database;

    /// <summary>The service's connection-string name (its database).</summary>
    protected abstract string DatabaseName { get; }

    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Makes the next writes to a stream lose their race (disarmed unless a test arms it).</summary>
    public StreamRaces Races { get; } = new();

    /// <summary>Makes the next writes of a kind of document fail as if PostgreSQL had gone away (disarmed unless a test arms it).</summary>
    public DatabaseOutage Outage { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _database = await TestServers.CreateDatabaseAsync("it_" + DatabaseName);
        // Program reads its configuration while building the host, so hand it over through the environment
        // (one test project = one process = one service under test).
        Environment.SetEnvironmentVariable($"ConnectionStrings__{DatabaseName}", _database.ConnectionString);
        Environment.SetEnvironmentVariable("ConnectionStrings__messaging", (await TestServers.RabbitMqAsync()).ToString());

        Host = await AlbaHost.For<TProgram>(b => b.ConfigureServices(services =>
        {
            services.DisableAllExternalWolverineTransports();
            services.RunWolverineInSoloMode();
            services.ConfigureMarten(marten => {
                marten.Listeners.Add(Races);
                marten.Listeners.Add(Outage);
            });
        }));
    }

    /// <summary>An HTTP client of the in-memory server, carrying a development token with the given roles.</summary>
    public HttpClient Client(params string[] roles)
    {
        var client = Host.Server.CreateClient();
        return roles.Length == 0 ? client : client.WithToken(roles);
    }

    /// <summary>Delivers an integration event to the service's handler, as the broker would, and waits until it is handled.</summary>
    public Task Receive(object message) => ReceiveTracked(message);

    /// <summary>
    /// As <see cref="Receive"/>, returning the tracked session. It waits for everything the message set off, which
    /// can be a lot (a decision fans out to every webhook subscription the test run created): up to 30 s, not
    /// Wolverine's default 5 s, which a busy CI machine exceeded.
    /// </summary>
    public Task<ITrackedSession> ReceiveTracked(object message) => Host.TrackActivity(TimeSpan.FromSeconds(30)).InvokeMessageAndWaitAsync(message);

    /// <summary>A client whose token names the user's organisation.</summary>
    public HttpClient ClientFor(Guid organisationId, params string[] roles) => Host.Server.CreateClient().WithTokenFor(organisationId, roles);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
