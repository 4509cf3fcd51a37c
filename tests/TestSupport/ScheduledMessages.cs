using Npgsql;

namespace CommunitySafety.TestSupport;

/// <summary>A message Wolverine holds in a service's inbox, awaiting its time.</summary>
public sealed record ScheduledMessage(string MessageType, DateTimeOffset ExecutionTime);

public static class ScheduledMessages
{
    /// <summary>
    /// The messages scheduled in the database's Wolverine inbox (status <c>Scheduled</c>, persisted: a restart keeps them)
    /// whose serialised body mentions <paramref name="about"/>.
    /// </summary>
    public static async Task<IReadOnlyList<ScheduledMessage>> About(string connectionString, Guid about)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string table;
        await using (var find = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_name = 'wolverine_incoming_envelopes'", connection))
            table = (string)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("No Wolverine inbox in this database."));
        await using var query = new NpgsqlCommand(
            $"select message_type, execution_time from {table} where status = 'Scheduled' and position(convert_to(@about, 'UTF8') in body) > 0", connection);
        query.Parameters.AddWithValue("about", about.ToString());
        var found = new List<ScheduledMessage>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(new ScheduledMessage(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return found;
    }

    /// <summary>An instant as PostgreSQL keeps it (microseconds), to compare with <see cref="ScheduledMessage.ExecutionTime"/>.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));
}
