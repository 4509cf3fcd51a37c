using Npgsql;
using System.Globalization;

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

    /// <summary>Waits until <paramref name="probe"/> gives a value, polling; fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyValue<T>(TimeSpan timeout, Func<Task<T?>> probe) where T : struct
    {
        T? value = null;
        await Eventually(timeout, async () => (value = await probe()) is not null);
        return value!.Value;
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
        var tables = await Tables(connection);
        var count = 0;
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from {table} t where t::text like @needle", connection);
            search.Parameters.AddWithValue("needle", "%" + needle + "%");
            count += Convert.ToInt32(await search.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return count;
    }

    /// <summary>
    /// The forms in which <paramref name="secret"/> can be read from the database: every table (the event store, documents,
    /// Wolverine's inbox, outbox and dead letters) searched for it in clear (any case), as hex of its UTF-8 bytes (how
    /// PostgreSQL prints bytea, e.g. a message body) and as base64 at each of the three byte alignments it could have
    /// inside a longer encoded value. Each hit is "table: form". Empty when nothing reveals it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RowsRevealing(string connectionString, string secret)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 6) throw new ArgumentException("Too short to search for without false hits: use at least 6 bytes.", nameof(secret));
        var forms = new List<(string Form, string Pattern, bool IgnoreCase)>
        {
            ("clear", secret, true),
            ("hex", Convert.ToHexString(bytes), true),
        };
        forms.AddRange(Base64Fragments(bytes).Select((f, i) => ($"base64 (alignment {i})", f, false)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var hits = new List<string>();
        foreach (var table in await Tables(connection))
            foreach (var (form, pattern, ignoreCase) in forms)
            {
                await using var search = new NpgsqlCommand(
                    $"select count(*) from {table} t where t::text {(ignoreCase ? "ilike" : "like")} @pattern", connection);
                search.Parameters.AddWithValue("pattern", "%" + EscapeLike(pattern) + "%");
                if (Convert.ToInt32(await search.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0) hits.Add($"{table}: {form}");
            }
        return hits;
    }

    /// <summary>The characters of base64 that depend only on <paramref name="bytes"/>, for each offset (mod 3) they could start at.</summary>
    public static IReadOnlyList<string> Base64Fragments(byte[] bytes) =>
    [
        .. new[] { 0, 1, 2 }.Select(offset =>
        {
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var skip = offset switch { 0 => 0, 1 => 2, _ => 3 };
            var determined = (offset + bytes.Length) * 8 / 6;
            return encoded[skip..determined];
        }),
    ];

    private static string EscapeLike(string pattern) => pattern.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static async Task<List<string>> Tables(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        if (!tables.Any(t => t.EndsWith(".mt_events", StringComparison.Ordinal))) throw new InvalidOperationException("No event store in this database.");
        return tables;
    }
}
