using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Npgsql;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// A burst of writes through the gateway, to Governance and Funding at once, stays within each service's connection budget:
/// no answer is a 500, any refusal is a 503 database-busy with Retry-After, and no service's database holds more
/// connections than its pool (Database:MaxPoolSize) and the two outside it allow. Measured before the budget:
/// 89 parallel awards gave 5 × 500 (53300) and left Funding holding 53 connections.
/// </summary>
public sealed class ConnectionBudgetTests(PlatformFixture platform)
{
    private const int WritesPerService = 60;

    [Fact]
    public async Task A_burst_of_180_parallel_writes_gets_no_500_and_every_refusal_is_a_503_database_busy()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = platform.Client().WithToken("governance-admin");
        using var officer = platform.Client().WithToken("funding-officer");
        var run = Guid.NewGuid().ToString("N")[..6];

        var writes = Enumerable.Range(0, WritesPerService).SelectMany(i => new Func<Task<HttpResponseMessage>>[]
        {
            () => admin.PostJson("/api/governance/organisations", new { name = $"Burst organisation {run} {i}", kind = "CooperatingBody" }),
            () => admin.PostJson("/api/governance/bodies", new { name = $"Burst body {run} {i}", kind = "WorkingGroup", cadence = "Quarterly" }),
            () => officer.PostJson("/api/funding/streams", new { name = $"Burst stream {run} {i}", source = "PCC", financialYear = 2026, budget = 1_000m }),
        }).ToList();
        var answers = await Task.WhenAll(writes.Select(w => Task.Run(w, ct)));

        var statuses = answers.GroupBy(a => (int)a.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"));
        Report($"burst of {answers.Length}: {summary}");
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, summary));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            await refused.Problem(HttpStatusCode.ServiceUnavailable, "database-busy");
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        // Each service's pool, its health check's pool of one and Wolverine's advisory-lock connection.
        const int budget = DatabaseConnections.DefaultMaxPoolSize + DatabaseConnections.OutsideThePool;
        foreach (var database in new[] { platform.GovernanceDatabase, platform.FundingDatabase, platform.MeetingsDatabase, platform.CaseManagementDatabase })
        {
            var held = await Connections(database.Name, ct);
            var described = await Describe(database.Name, ct);
            Report($"{database.Name} holds {held} connections after the burst: {described}");
            Assert.True(held <= budget, $"{database.Name} holds {held} connections, more than its budget of {budget}: {described}");
        }
    }

    /// <summary>The measurements, to the file BURST_REPORT names when set.</summary>
    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("BURST_REPORT") is { Length: > 0 } path) File.AppendAllText(path, line + Environment.NewLine);
    }

    private static async Task<string> Describe(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(TestServers.Maintenance(await TestServers.PostgresAsync()));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select coalesce(application_name, '-') || ' ' || coalesce(state, '-') || ' ' || left(query, 60) from pg_stat_activity where datname = @d", connection);
        command.Parameters.AddWithValue("d", database);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(reader.GetString(0));
        return string.Join(" | ", rows);
    }

    private static async Task<long> Connections(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(TestServers.Maintenance(await TestServers.PostgresAsync()));
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("select count(*) from pg_stat_activity where datname = @d", connection);
        count.Parameters.AddWithValue("d", database);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }
}
