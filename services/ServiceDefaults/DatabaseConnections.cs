using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// How many PostgreSQL connections a service may hold. Npgsql's default pool is 100 per connection string, and four
/// services sharing one server with <c>max_connections = 100</c> could then ask for four times what it allows: measured,
/// a burst of 89 awards left Funding holding 53 connections and others were refused (53300). Each service's pool is
/// therefore bounded by <c>Database:MaxPoolSize</c> (README: the arithmetic). Marten and Wolverine's message store
/// (IntegrateWithWolverine) share that one pool; measured after a burst of 180 parallel writes through the
/// gateway: 20 pooled connections, plus the health check's one and Wolverine's advisory-lock connection
/// (application name <c>wolverine-advisory-lock:…</c>, held for the node's leadership, outside the pool).
/// </summary>
public static class DatabaseConnections
{
    /// <summary>Four services × (20 + <see cref="OutsideThePool"/>) = 88, under 100 − 3 reserved for superusers.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Connections a replica holds besides its pool: the health check's and Wolverine's advisory lock.</summary>
    public const int OutsideThePool = 2;

    public const string MaxPoolSizeKey = "Database:MaxPoolSize";
    public const string TimeoutKey = "Database:TimeoutSeconds";

    /// <summary>
    /// The connection string with <c>Maximum Pool Size</c> from <c>Database:MaxPoolSize</c>, else as the connection
    /// string says, else <see cref="DefaultMaxPoolSize"/>; and <c>Timeout</c> (how long a request waits for a free
    /// connection before it is answered 503 <c>database-busy</c>) from <c>Database:TimeoutSeconds</c> when set.
    /// </summary>
    public static string Bounded(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (configuration.GetValue<int?>(MaxPoolSizeKey) is { } size)
            builder.MaxPoolSize = size >= 1 ? size : throw new InvalidOperationException($"{MaxPoolSizeKey} must be at least 1.");
        else if (!Names(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            builder.MaxPoolSize = DefaultMaxPoolSize;
        if (configuration.GetValue<int?>(TimeoutKey) is { } timeout)
            builder.Timeout = timeout >= 1 ? timeout : throw new InvalidOperationException($"{TimeoutKey} must be at least 1.");
        if (builder.MinPoolSize > builder.MaxPoolSize) builder.MinPoolSize = builder.MaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>The health check's own pool of one: a probe never takes a connection a request needs, nor holds more.</summary>
    public static string ForHealthCheck(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString;

    private static bool Names(string connectionString, params string[] keys)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Any(p => keys.Any(k => p.StartsWith(k + "=", StringComparison.OrdinalIgnoreCase) ||
                                            p.StartsWith(k + " =", StringComparison.OrdinalIgnoreCase)));
    }
}
