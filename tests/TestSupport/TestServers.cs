using System.Diagnostics;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against. <c>TEST_POSTGRES</c> (an Npgsql connection string
/// for a role that may create databases) and <c>TEST_RABBITMQ</c> (an amqp:// URI) are used when set — the
/// test script sets them to the Debian-packaged servers it starts. Otherwise Testcontainers starts both,
/// which needs a Docker engine.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? Postgres;
    private static string? Rabbit;

    public static async Task<string> PostgresAsync()
    {
        await EnsureAsync();
        return Postgres!;
    }

    public static async Task<Uri> RabbitMqAsync()
    {
        await EnsureAsync();
        return new Uri(Rabbit!);
    }

    private static async Task EnsureAsync()
    {
        if (Postgres is not null) return;
        await Gate.WaitAsync();
        try
        {
            if (Postgres is not null) return;
            var pg = Environment.GetEnvironmentVariable("TEST_POSTGRES");
            var rabbit = Environment.GetEnvironmentVariable("TEST_RABBITMQ");
            if (string.IsNullOrWhiteSpace(pg))
            {
                var container = new PostgreSqlBuilder("postgres:15").Build();
                await container.StartAsync();
                pg = container.GetConnectionString();
            }
            if (string.IsNullOrWhiteSpace(rabbit))
            {
                var container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
                await container.StartAsync();
                rabbit = container.GetConnectionString();
            }
            (Postgres, Rabbit) = (pg, rabbit);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Stops or starts one of the servers the tests run against, for the reliability tests that take them away under
    /// load. <c>TEST_SERVERS_CONTROL</c> names a script taking <c>stop|start postgres|rabbitmq</c>: the test script sets
    /// it to <c>deploy/local/servers.sh</c>, which controls the Debian-packaged servers it started.
    /// </summary>
    public static async Task ControlAsync(string verb, string server)
    {
        var script = Environment.GetEnvironmentVariable("TEST_SERVERS_CONTROL");
        if (string.IsNullOrWhiteSpace(script))
            throw new InvalidOperationException(
                "TEST_SERVERS_CONTROL is not set: the reliability tests stop and start PostgreSQL and RabbitMQ through it " +
                "(deploy/local/test.sh sets it to deploy/local/servers.sh).");
        // Output goes to a file, not a pipe: a server started in the background inherits the script's descriptors and
        // would hold a pipe open long after the script is done.
        var log = Path.GetTempFileName();
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash",
                ["-c", "bash \"$0\" \"$1\" \"$2\" >\"$3\" 2>&1 </dev/null", script, verb, server, log]))!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{script} {verb} {server}' exited with {process.ExitCode}: {await File.ReadAllTextAsync(log)}");
        }
        finally
        {
            File.Delete(log);
        }
    }

    /// <summary>Creates a new, empty database for one test run and returns its connection string.</summary>
    public static Task<TestDatabase> CreateDatabaseAsync(string prefix) =>
        CreateNamedDatabaseAsync($"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant());

    /// <summary>Creates a new, empty database of the given name; dropped when the result is disposed.</summary>
    public static async Task<TestDatabase> CreateNamedDatabaseAsync(string name)
    {
        var server = await PostgresAsync();
        await using (var connection = new NpgsqlConnection(Maintenance(server)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabase(server, name);
    }

    /// <summary>The server's maintenance database, for CREATE and DROP DATABASE.</summary>
    public static string Maintenance(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}

public sealed class TestDatabase(string server, string name) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // A process stopped a moment ago may still be closing its connections: try again briefly before failing the run.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(TestServers.Maintenance(server));
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }
}
