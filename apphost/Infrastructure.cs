using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace CommunitySafety.AppHost;

/// <summary>
/// PostgreSQL (one database per service) and RabbitMQ, as Aspire resources the services reference and wait for.
/// Either containers, or the servers <c>deploy/local/servers.sh</c> installs and provisions, reached through
/// connection-string parameters whose defaults are what that script sets up.
/// </summary>
public sealed class Infrastructure
{
    /// <summary>The broker's connection-string name: every service reads <c>ConnectionStrings:messaging</c>.</summary>
    public const string MessagingName = "messaging";
    public const string PostgresParameter = "postgres-server";
    public const string RabbitMqParameter = "rabbitmq-server";
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=csp;Password=csp";
    public const string DefaultRabbitMq = "amqp://csp:csp@127.0.0.1:5672/";

    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _database;

    private Infrastructure(string mode, Func<string, IResourceBuilder<IResourceWithConnectionString>> database,
        IResourceBuilder<IResourceWithConnectionString> messaging)
    {
        Mode = mode;
        _database = database;
        Messaging = messaging;
    }

    /// <summary>containers or servers: what was chosen.</summary>
    public string Mode { get; }
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>The database of a service, named after it (resource <c>&lt;service&gt;-db</c>).</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string service) => _database(service);

    public static Infrastructure Add(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        var mode = settings.Infrastructure.ToLowerInvariant() switch
        {
            "containers" => "containers",
            "servers" => "servers",
            "auto" => ContainerRuntimeAnswers(builder.Configuration) ? "containers" : "servers",
            var other => throw new InvalidOperationException(
                $"Platform:Infrastructure is '{other}': it must be auto, containers or servers."),
        };
        Console.WriteLine($"Platform: infrastructure '{mode}' (Platform:Infrastructure = {settings.Infrastructure}).");
        return mode == "containers" ? Containers(builder, settings) : Servers(builder, settings);
    }

    private static Infrastructure Containers(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        // PostgreSQL 15, the version Debian's servers run, so that both paths behave the same.
        var postgres = builder.AddPostgres("postgres").WithImageTag("15");
        var rabbitmq = builder.AddRabbitMQ(MessagingName).WithManagementPlugin();
        if (settings.DataVolumes)
        {
            postgres.WithDataVolume();
            rabbitmq.WithDataVolume();
        }
        return new Infrastructure("containers",
            service => postgres.AddDatabase($"{service}-db", settings.DatabaseOf(service)), rabbitmq);
    }

    private static Infrastructure Servers(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        var configuration = builder.Configuration;
        var postgres = builder.AddParameter(PostgresParameter,
            () => configuration[$"Parameters:{PostgresParameter}"] ?? DefaultPostgres, secret: true);
        var rabbitmq = builder.AddParameter(RabbitMqParameter,
            () => configuration[$"Parameters:{RabbitMqParameter}"] ?? DefaultRabbitMq, secret: true);

        var messaging = builder.AddConnectionString(MessagingName, ReferenceExpression.Create($"{rabbitmq}"));
        AddHealthCheck(builder, messaging, async (connectionString, ct) =>
        {
            var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
            await using var connection = await factory.CreateConnectionAsync(ct);
        });

        return new Infrastructure("servers", service =>
        {
            var database = builder.AddConnectionString($"{service}-db",
                ReferenceExpression.Create($"{postgres};Database={settings.DatabaseOf(service)}"));
            AddHealthCheck(builder, database, async (connectionString, ct) =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
            });
            return database;
        }, messaging);
    }

    /// <summary>A health check on the dashboard for a connection string: healthy when <paramref name="connect"/> succeeds.</summary>
    private static void AddHealthCheck(IDistributedApplicationBuilder builder, IResourceBuilder<ConnectionStringResource> resource,
        Func<string, CancellationToken, Task> connect)
    {
        var key = $"{resource.Resource.Name}-connects";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new ConnectsCheck(resource.Resource, connect),
            HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));
        resource.WithHealthCheck(key);
    }

    private sealed class ConnectsCheck(ConnectionStringResource resource, Func<string, CancellationToken, Task> connect) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct)
                                       ?? throw new InvalidOperationException("no connection string");
                await connect(connectionString, ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
            }
        }
    }

    /// <summary>
    /// Whether the container runtime Aspire would use (ASPIRE_CONTAINER_RUNTIME or DcpPublisher:ContainerRuntime,
    /// docker by default) answers <c>info</c> within a few seconds: a CLI without an engine behind it does not.
    /// </summary>
    private static bool ContainerRuntimeAnswers(IConfiguration configuration)
    {
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DcpPublisher:ContainerRuntime"] ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
