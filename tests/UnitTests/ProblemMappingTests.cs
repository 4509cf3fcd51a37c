using System.Net.Sockets;
using CommunitySafety.ServiceDefaults;
using Marten.Exceptions;
using Npgsql;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Which exceptions become which answers: the database being away is a 503 clients may retry, not a 500.</summary>
public sealed class ProblemMappingTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<Exception> DatabaseAway => new()
    {
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new IOException("connection reset")),
        Postgres(PostgresErrorCodes.AdminShutdown),
        Postgres(PostgresErrorCodes.CannotConnectNow),
        Postgres(PostgresErrorCodes.ConnectionFailure),
        new MartenCommandException(new NpgsqlCommand("select 1"), new NpgsqlException("broken", new SocketException((int)SocketError.ConnectionReset))),
        new InvalidOperationException("outer", new AggregateException(new NpgsqlException("x", new IOException("broken pipe")))),
    };

    /// <summary>No connection could be had in time: the pool, the connect, or the server's slots ran out.</summary>
    public static TheoryData<Exception> DatabaseBusy => new()
    {
        // Npgsql's own words when the pool stays exhausted for its Timeout
        new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 1) or 'Timeout' (currently 1 seconds) in your connection string.",
            new TimeoutException()),
        new NpgsqlException("Exception while connecting", new TimeoutException()),
        Postgres(PostgresErrorCodes.TooManyConnections),
        new MartenCommandException(new NpgsqlCommand("select 1"), Postgres(PostgresErrorCodes.TooManyConnections)),
        new InvalidOperationException("outer", new AggregateException(new NpgsqlException("x", new TimeoutException()))),
    };

    [Theory, MemberData(nameof(DatabaseBusy))]
    public void Running_out_of_connections_is_a_503_database_busy(Exception exception)
    {
        var problem = ProblemExceptionHandler.Map(exception);
        Assert.NotNull(problem);
        Assert.Equal((503, Problems.TypeFor("database-busy")), (problem.Status, problem.Type));
    }

    [Theory, MemberData(nameof(DatabaseAway))]
    public void The_database_being_away_is_a_503_with_its_own_type(Exception exception)
    {
        var problem = ProblemExceptionHandler.Map(exception);
        Assert.NotNull(problem);
        Assert.Equal((503, Problems.TypeFor("database-unavailable")), (problem.Status, problem.Type));
    }

    [Fact]
    public void A_statement_the_server_refuses_is_not_mistaken_for_an_outage()
    {
        Assert.Null(ProblemExceptionHandler.Map(Postgres(PostgresErrorCodes.SyntaxError)));
        Assert.Null(ProblemExceptionHandler.Map(new NpgsqlException("not transient")));
        Assert.Null(ProblemExceptionHandler.Map(new InvalidOperationException("a bug")));
        Assert.Equal(409, ProblemExceptionHandler.Map(Postgres(PostgresErrorCodes.UniqueViolation))!.Status);
    }
}
