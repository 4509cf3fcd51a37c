using System.Diagnostics;
using Npgsql;

namespace CommunitySafety.Benchmark;

/// <summary>
/// Fills Governance's store with registered organisations in the shape Marten writes them (inspected from real rows):
/// a stream in <c>mt_streams</c>, its <c>organisation_registered</c> event in <c>mt_events</c> (sequence numbers from
/// <c>mt_events_sequence</c>, as Marten takes them) and the inline snapshot in <c>mt_doc_organisation</c> — in batches,
/// with set-based SQL, far faster than the API.
/// </summary>
public static class Seeder
{
    private const int Batch = 100_000;

    public static async Task<long> EventCountAsync(NpgsqlDataSource source)
    {
        await using var count = source.CreateCommand("select count(*) from mt_events");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Adds organisations until the store holds <paramref name="events"/> events; returns the seconds it took.</summary>
    public static async Task<double> SeedUpToAsync(NpgsqlDataSource source, long events)
    {
        var clock = Stopwatch.StartNew();
        var missing = events - await EventCountAsync(source);
        while (missing > 0)
        {
            var batch = (int)Math.Min(Batch, missing);
            await using (var insert = source.CreateCommand(SeedSql))
            {
                insert.CommandTimeout = 600;
                insert.Parameters.Add(new NpgsqlParameter { Value = batch });
                await insert.ExecuteNonQueryAsync();
            }
            missing -= batch;
            Console.Error.WriteLine($"[bench] seeded {events - missing:N0} events ({clock.Elapsed.TotalSeconds:0} s)");
        }
        // vacuumed and analysed now, so that autovacuum does not do it during the read phase that follows
        await using (var vacuum = source.CreateCommand("vacuum analyze mt_streams, mt_events, mt_doc_organisation"))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>All organisation ids (the read phase picks among them at random).</summary>
    public static async Task<List<Guid>> OrganisationIdsAsync(NpgsqlDataSource source)
    {
        var ids = new List<Guid>();
        await using var select = source.CreateCommand("select id from mt_doc_organisation");
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private const string SeedSql = """
        with seeded as (
            select gen_random_uuid() as id, now() - make_interval(secs => n) as at, 'Seeded organisation ' || n as name
            from generate_series(1, $1) as n
        ), streams as (
            insert into mt_streams (id, type, version, timestamp, created)
            select id, 'organisation', 1, at, at from seeded
        ), events as (
            insert into mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type)
            select nextval('mt_events_sequence'), gen_random_uuid(), id, 1,
                   jsonb_build_object('Kind', 'ResponsibleAuthority', 'Name', name, 'RegisteredAt', at, 'OrganisationId', id),
                   'organisation_registered', at,
                   'CommunitySafety.Governance.Organisations.OrganisationRegistered, CommunitySafety.Governance'
            from seeded
        )
        insert into mt_doc_organisation (id, data, mt_last_modified, mt_dotnet_type, mt_version)
        select id,
               jsonb_build_object('Id', id, 'Kind', 'ResponsibleAuthority', 'Name', name, 'Version', 1, 'IsaHistory', '[]'::jsonb,
                                  'IsaSignedBy', null, 'IsaSignedOn', null, 'IsaSignatory', false, 'RegisteredAt', at),
               at, 'CommunitySafety.Governance.Organisations.Organisation', 1
        from seeded
        """;
}
