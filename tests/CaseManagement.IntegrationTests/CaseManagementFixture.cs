using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// An organisation Governance announced, optionally one that signed the ISA (due for review on <paramref name="reviewOn"/>:
    /// by default a year after today; a date in the past makes a lapsed signatory).
    /// </summary>
    public async Task<Guid> Organisation(bool signedIsa, DateOnly? reviewOn = null)
    {
        var id = Guid.NewGuid();
        await Receive(new OrganisationRegistered(id, "Organisation " + id.ToString("N")[..6], OrganisationKind.ResponsibleAuthority, DateTimeOffset.UtcNow));
        if (signedIsa)
            await Receive(new IsaSigned(id, new DateOnly(2026, 1, 5), "Chief Executive", DateTimeOffset.UtcNow, "1.0",
                reviewOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)));
        return id;
    }

    /// <summary>An organisation whose ISA signature is past its review date (signed, never withdrawn).</summary>
    public Task<Guid> LapsedSignatory() => Organisation(signedIsa: true, reviewOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));

    /// <summary>The access audit's entries written since <paramref name="since"/>, oldest first (read from the store, not through the API).</summary>
    public async Task<IReadOnlyList<Audit.AuditEntry>> AuditSince(DateTimeOffset since)
    {
        await using var session = Store.QuerySession();
        return await session.Query<Audit.AuditEntry>().Where(e => e.At >= since).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>A text sealed under the case's current text key, as the service would seal it (for history arranged by appending events).</summary>
    public async Task<PersonalData.SealedText> Seal(Guid caseId, string text)
    {
        await using var session = Store.QuerySession();
        var file = await session.LoadAsync<Cases.CaseFile>(caseId) ?? throw new InvalidOperationException($"No case {caseId}.");
        return (await Host.Services.GetRequiredService<PersonalData.CaseKeys>().TextAsync(session, file, default)).Seal(text);
    }

    /// <summary>Where the service's database reveals <paramref name="secret"/>: in clear, as hex or as base64 (empty: nowhere).</summary>
    public Task<IReadOnlyList<string>> RowsRevealing(string secret) =>
        Probes.RowsRevealing(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, secret);

    public sealed record ScheduledMessage(string MessageType, DateTimeOffset ExecutionTime);

    /// <summary>The messages scheduled (persisted in Wolverine's inbox, awaiting their time) whose body mentions <paramref name="about"/>.</summary>
    public async Task<IReadOnlyList<ScheduledMessage>> ScheduledMessages(Guid about)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement"));
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

    /// <summary>Rows of the service's database whose text contains <paramref name="needle"/>.</summary>
    public Task<int> RowsContaining(string needle) =>
        Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, needle);
}
