using System.Text;
using CommunitySafety.TestSupport;
using Npgsql;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The database scan the erasure and leak tests rely on finds a secret in every form it could be stored in.</summary>
public sealed class ProbesTests
{
    [Fact]
    public async Task The_scan_finds_a_secret_in_clear_in_hex_and_in_base64_at_any_alignment_and_nothing_else()
    {
        await using var database = await TestServers.CreateDatabaseAsync("probes");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        const string secret = "Jordan Example, 7 Quiet Lane";
        await using (var create = new NpgsqlCommand(
            "create table mt_events (id int, data text); create table clear_rows (data jsonb); create table hex_rows (body bytea); create table b64_rows (data text)", connection))
            await create.ExecuteNonQueryAsync();
        var prefixes = new[] { "", "x", "xy" };

        Assert.Empty(await Probes.RowsRevealing(database.ConnectionString, secret));

        await Insert(connection, "insert into clear_rows values (@v::jsonb)", $$"""{"name": "{{secret.ToUpperInvariant()}}"}""");
        await Insert(connection, "insert into hex_rows values (@v)", Encoding.UTF8.GetBytes("{\"n\":\"" + secret + "\"}"));
        foreach (var prefix in prefixes)
            await Insert(connection, "insert into b64_rows values (@v)", Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + secret + "!")));

        var hits = await Probes.RowsRevealing(database.ConnectionString, secret);
        Assert.Contains("public.clear_rows: clear", hits);
        Assert.Contains("public.hex_rows: hex", hits);
        foreach (var alignment in new[] { 0, 1, 2 }) Assert.Contains($"public.b64_rows: base64 (alignment {alignment})", hits);
        Assert.DoesNotContain(hits, h => h.StartsWith("public.mt_events", StringComparison.Ordinal));
        Assert.Equal(0, await Probes.RowsContaining(database.ConnectionString, "Someone Else"));
    }

    private static async Task Insert(NpgsqlConnection connection, string sql, object value)
    {
        await using var insert = new NpgsqlCommand(sql, connection);
        insert.Parameters.AddWithValue("v", value);
        await insert.ExecuteNonQueryAsync();
    }
}
