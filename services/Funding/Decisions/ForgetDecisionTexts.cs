using Npgsql;

namespace CommunitySafety.Funding.Decisions;

/// <summary>
/// Funding once kept each decision's text in its register (issue 13: a confidential body's decision must not be kept
/// outside Meetings). At start-up, the texts stored then are removed from the register's documents: once done, there is
/// nothing left to remove. A database that cannot be reached now is cleaned at the next start.
/// </summary>
public sealed class ForgetDecisionTexts(IDocumentStore store, ILogger<ForgetDecisionTexts> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await RunAsync(store, cancellationToken) is > 0 and var removed)
                log.LogInformation("Removed the text of {Count} decisions from Funding's decision register.", removed);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            log.LogWarning(e, "Could not remove old decision texts from Funding's decision register; trying again at the next start.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes any decision text from the register's documents; answers how many documents held one.</summary>
    public static async Task<int> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_knowndecision";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection))
        {
            exists.Parameters.AddWithValue("table", table);
            if (await exists.ExecuteScalarAsync(ct) is not true) return 0;
        }
        await using var update = new NpgsqlCommand(
            $"update {table} set data = data - 'Text' - 'text' where data ? 'Text' or data ? 'text'", connection);
        return await update.ExecuteNonQueryAsync(ct);
    }
}
