using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Npgsql;
using Wolverine.Tracking;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.CaseManagement.IntegrationTests.CaseManagementFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class CaseManagementFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "casemanagement";

    /// <summary>Delivers a Governance integration event to CaseManagement's handler, as the broker would.</summary>
    public Task Receive(object governanceEvent) => Host.InvokeMessageAndWaitAsync(governanceEvent);

    /// <summary>An organisation Governance announced, optionally one that signed the ISA.</summary>
    public async Task<Guid> Organisation(bool signedIsa)
    {
        var id = Guid.NewGuid();
        await Receive(new OrganisationRegistered(id, "Organisation " + id.ToString("N")[..6], OrganisationKind.ResponsibleAuthority, DateTimeOffset.UtcNow));
        if (signedIsa) await Receive(new IsaSigned(id, new DateOnly(2026, 1, 5), "Chief Executive", DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>Counts the rows of every table in the service's database whose text contains <paramref name="needle"/>.</summary>
    public async Task<int> RowsContaining(string needle)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains(tables, t => t.EndsWith(".mt_events"));

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
