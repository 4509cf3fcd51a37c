using CommunitySafety.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Each service's pool is bounded, so that four services (and their replicas) fit the server's max_connections.</summary>
public sealed class DatabaseConnectionsTests
{
    private const string Plain = "Host=db;Database=funding;Username=csp;Password=csp";

    private static NpgsqlConnectionStringBuilder Bounded(string connectionString, params (string Key, string Value)[] settings) =>
        new(DatabaseConnections.Bounded(connectionString, new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build()));

    [Fact]
    public void Without_a_setting_the_pool_is_bounded_by_the_default_not_npgsqls_100()
    {
        var bounded = Bounded(Plain);
        Assert.Equal(DatabaseConnections.DefaultMaxPoolSize, bounded.MaxPoolSize);
        Assert.Equal("funding", bounded.Database);
        Assert.True(4 * (DatabaseConnections.DefaultMaxPoolSize + DatabaseConnections.OutsideThePool) <= 100 - 3);
    }

    [Fact]
    public void The_setting_wins_and_a_pool_size_in_the_connection_string_is_kept_without_one()
    {
        Assert.Equal(7, Bounded(Plain, ("Database:MaxPoolSize", "7")).MaxPoolSize);
        Assert.Equal(7, Bounded(Plain + ";Maximum Pool Size=30", ("Database:MaxPoolSize", "7")).MaxPoolSize);
        Assert.Equal(30, Bounded(Plain + ";Maximum Pool Size=30").MaxPoolSize);
        Assert.Equal(12, Bounded(Plain + "; MaxPoolSize = 12").MaxPoolSize);
        Assert.Equal(3, Bounded(Plain, ("Database:TimeoutSeconds", "3")).Timeout);
    }

    [Fact]
    public void A_pool_of_nothing_is_refused_at_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => Bounded(Plain, ("Database:MaxPoolSize", "0")));
        Assert.Throws<InvalidOperationException>(() => Bounded(Plain, ("Database:TimeoutSeconds", "0")));
    }

    [Fact]
    public void The_health_check_has_a_pool_of_one_of_its_own()
    {
        var check = new NpgsqlConnectionStringBuilder(DatabaseConnections.ForHealthCheck(Bounded(Plain).ConnectionString));
        Assert.Equal(1, check.MaxPoolSize);
    }
}
