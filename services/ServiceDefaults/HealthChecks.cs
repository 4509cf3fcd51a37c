using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace CommunitySafety.ServiceDefaults;

/// <summary>Answers whether the service's own PostgreSQL database takes a query.</summary>
internal sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        // Cancelled: either the check's timeout (the health check service reports that itself) or the caller went
        // away (nothing to report): neither says the server is unreachable.
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL unreachable: " + e.Message, e);
        }
    }
}

/// <summary>Answers whether the broker accepts an AMQP connection.</summary>
internal sealed class RabbitMqHealthCheck(Uri uri) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = uri, RequestedConnectionTimeout = TimeSpan.FromSeconds(2), ClientProvidedName = "health-check" };
            await using var connection = await factory.CreateConnectionAsync(ct);
            return connection.IsOpen
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "RabbitMQ connection closed");
        }
        // Cancelled: either the check's timeout (the health check service reports that itself) or the caller went
        // away (nothing to report): neither says the server is unreachable.
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "RabbitMQ unreachable: " + e.Message, e);
        }
    }
}
