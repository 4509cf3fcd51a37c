using System.Net;
using Alba;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>
/// A service that has used up its connection budget (Database:MaxPoolSize) refuses a write with a 503
/// database-busy and Retry-After, never a 500: a host of its own with a pool of two, both held by the test.
/// </summary>
public sealed class ConnectionBudgetTests
{
    [Fact]
    public async Task A_write_that_waits_longer_than_the_pool_timeout_is_a_503_database_busy_and_the_next_one_succeeds()
    {
        await using var database = await TestServers.CreateDatabaseAsync("it_funding_pool");
        var ct = TestContext.Current.CancellationToken;
        IAlbaHost host;
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__funding");
        try
        {
            // Program reads its configuration while building the host (see ServiceFixture)
            Environment.SetEnvironmentVariable("ConnectionStrings__funding", database.ConnectionString);
            Environment.SetEnvironmentVariable("Database__MaxPoolSize", "2");
            Environment.SetEnvironmentVariable("Database__TimeoutSeconds", "1");
            host = await AlbaHost.For<Program>(b => b.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__funding", previous);
            Environment.SetEnvironmentVariable("Database__MaxPoolSize", null);
            Environment.SetEnvironmentVariable("Database__TimeoutSeconds", null);
        }

        await using (host)
        {
            var officer = host.Server.CreateClient().WithToken(FundingRoles.FundingOfficer);
            var stream = new { name = "Crime Reduction Grant", source = "PCC", financialYear = 2026, budget = 1_000m };

            // Both of the pool's connections taken (a transaction keeps each session's connection open).
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var held = new List<IDocumentSession>();
            for (var i = 0; i < 2; i++)
            {
                var session = store.LightweightSession();
                await session.BeginTransactionAsync(ct);
                await session.QueryAsync<int>("select 1", ct);
                held.Add(session);
            }

            var refused = await officer.CreateStream(stream);
            await refused.Problem(HttpStatusCode.ServiceUnavailable, "database-busy");
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");

            foreach (var session in held) await session.DisposeAsync();
            Assert.Equal(HttpStatusCode.Created, (await officer.CreateStream(stream)).StatusCode);
            await host.StopAsync(ct);
        }
    }
}
