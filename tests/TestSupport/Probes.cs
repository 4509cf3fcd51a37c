using Npgsql;

namespace CommunitySafety.TestSupport;

public static class Probes
{
    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails after <paramref name="timeout"/>.</summary>
    public static async Task Eventually(TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met within {timeout}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Adds what was last seen to the timeout of a probe, so that its failure says why.</summary>
    public static async Task Explained(this Task probe, Func<string> explanation)
    {
        try
        {
            await probe;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} {explanation()}", e);
        }
    }

    /// <summary>Rows, in every table of the database (the event store included), whose text contains <paramref name="needle"/>.</summary>
    public static async Task<int> RowsContaining(string connectionString, string needle)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        if (!tables.Any(t => t.EndsWith(".mt_events"))) throw new InvalidOperationException("No event store in this database.");

        var count = 0;
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from {table} t where t::text like @needle", connection);
            search.Parameters.AddWithValue("needle", "%" + needle + "%");
            count += Convert.ToInt32(await search.ExecuteScalarAsync());
        }
        return count;
    }
}
