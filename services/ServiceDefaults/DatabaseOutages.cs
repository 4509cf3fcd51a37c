using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace CommunitySafety.ServiceDefaults;

/// <summary>What kind of trouble with PostgreSQL an exception reports, if any.</summary>
public enum DatabaseTrouble { None, Busy, Unavailable }

/// <summary>
/// The database being away (restarting, unreachable) or out of connections: a request is answered 503 with Retry-After
/// (<see cref="ProblemExceptionHandler"/>); a message waits for the database instead of failing (<see cref="RideOutDatabaseOutages"/>).
/// </summary>
public static class DatabaseOutages
{
    /// <summary>
    /// Busy: no connection could be had in time — the pool stayed exhausted for its <c>Timeout</c>, connecting timed
    /// out, or the server has no slot left (53300 too_many_connections). Unavailable: the connection failed or was cut
    /// (server stopped, restarting, unreachable). Anything else is the server refusing the statement. Marten and
    /// Wolverine wrap Npgsql's exceptions, so the whole chain is searched.
    /// </summary>
    public static DatabaseTrouble Trouble(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.SqlState == PostgresErrorCodes.TooManyConnections ? DatabaseTrouble.Busy
                    // class 08: connection exception; class 57: operator intervention (shutting down, starting up)
                    : postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57", StringComparison.Ordinal) ? DatabaseTrouble.Unavailable
                    : DatabaseTrouble.None;
            // Npgsql's pool exhaustion ("The connection pool has been exhausted…") and its connect timeout both carry a
            // TimeoutException; checked before IsTransient, which is true for them too.
            if (e is NpgsqlException { InnerException: TimeoutException }) return DatabaseTrouble.Busy;
            if (e is NpgsqlException { IsTransient: true }) return DatabaseTrouble.Unavailable;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(Trouble).DefaultIfEmpty().Max();
        }
        return DatabaseTrouble.None;
    }

    public static bool IsOutage(Exception exception) => Trouble(exception) != DatabaseTrouble.None;

    /// <summary>How soon a message that failed for want of the database is tried again inline, then how long its scheduled retries wait
    /// (the last one repeated for as long as the outage lasts).</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
    public static readonly TimeSpan[] Waits = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// Every message handler: a message that failed because the database was away or busy is tried again, a few times at
    /// once and then on a schedule, for as long as the outage lasts; it is never dead-lettered for it. Without this rule
    /// Wolverine's default (three attempts, then the error queue) moved events received just before PostgreSQL went down to
    /// RabbitMQ's dead-letter queue and marked them handled: measured, a restart under load left 2 of 355 organisations
    /// Governance had answered missing from Meetings' read model.
    /// </summary>
    public static void RideOutDatabaseOutages(this WolverineOptions wolverine) =>
        wolverine.OnException(IsOutage, "PostgreSQL unavailable or busy").RetryWithCooldown(Cooldowns)
            .Then.ScheduleRetryIndefinitely(Waits);
}
