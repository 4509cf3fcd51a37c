using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Npgsql;
using Xunit;

namespace CommunitySafety.ReliabilityTests;

/// <summary>
/// Nothing acknowledged is lost: under a write load through the gateway, a service is killed without warning,
/// PostgreSQL is restarted, RabbitMQ is restarted. Afterwards every command that was answered 2xx is in its service's
/// store, and every integration event it published has reached its consumers' read models exactly once in effect.
/// Each test is bounded in time, and leaves the platform healthy for the tests after it.
/// </summary>
public sealed class ReliabilityTests(PlatformFixture platform)
{
    private const int Workers = 8;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 300_000)]
    public async Task Meetings_killed_during_a_decision_load_loses_no_answered_decision_and_its_consumers_take_each_once()
    {
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        // one quorate meeting per writer: writers never race on a stream, so every refusal is the crash's doing
        var meetings = await Scenario.QuorateMeetings(clerk, Workers);
        var run = Guid.NewGuid().ToString("N")[..8];
        var load = WriteLoad.Start(clerk, Workers, (worker, n) => ($"/api/meetings/meetings/{meetings[worker]}/decisions",
            new { text = $"Reliability {run} decision {worker}.{n}", consensusReached = true, agendaReference = "7" }));

        await load.SucceededAfter(TimeSpan.Zero, 30, Recovery);
        await platform.Meetings.CrashAndRestartAsync(Recovery);
        await load.SucceededAfter(load.Now, 30, Recovery);
        var outcomes = await load.StopAsync();

        var answered = outcomes.Where(o => o.Succeeded).Select(o => JsonNode.Parse(o.Body)!["decisionId"]!.GetValue<Guid>()).ToList();
        Assert.True(outcomes.Any(o => !o.Succeeded), "the crash must have refused some commands: " + WriteLoad.Summary(outcomes));
        Assert.Equal(answered.Count, answered.Distinct().Count());

        // in Meetings' store, each one
        foreach (var id in answered)
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/meetings/decisions/{id}")).StatusCode);

        // Governance's decision feed took each one, once (its outbox was recovered by the restarted node)
        List<Guid> feed = [];
        await Probes.Eventually(Recovery, async () =>
        {
            feed = await DecisionFeed(clerk);
            return answered.All(feed.Contains);
        }).Explained(() => $"{answered.Count(id => !feed.Contains(id))} of {answered.Count} answered decisions missing from the feed");
        Assert.Empty(feed.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));

        // …and so did Funding's register of decisions
        await ReadModelHoldsEach(platform.FundingDatabase, "mt_doc_knowndecision", answered);
    }

    [Fact(Timeout = 300_000)]
    public async Task PostgreSQL_restarted_during_a_load_the_services_report_unhealthy_recover_on_their_own_and_lose_nothing_answered()
    {
        using var clerk = platform.Client().WithToken("governance-admin");
        var load = await OrganisationsRegistered(clerk, "ResponsibleAuthority");

        var stopped = load.Now;
        await TestServers.ControlAsync("stop", "postgres");
        try
        {
            var server = new NpgsqlConnectionStringBuilder(await TestServers.PostgresAsync());
            await Refuses(server.Host!, server.Port);
            await EveryService(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await TestServers.ControlAsync("start", "postgres");
            NpgsqlConnection.ClearAllPools();
        }
        var started = load.Now;
        await EveryService(HttpStatusCode.OK, Recovery);
        await load.SucceededAfter(started, 30, Recovery);
        var outcomes = await load.StopAsync();

        // while the database was away, commands were refused with a ProblemDetails, not left hanging or answered 2xx
        var refused = outcomes.Where(o => o.At > stopped && o.At < started && !o.Succeeded).ToList();
        Assert.True(refused.Count > 0, "some commands must have been refused while PostgreSQL was down: " + WriteLoad.Summary(outcomes));
        Assert.All(refused, o => Assert.Equal(HttpStatusCode.ServiceUnavailable, o.Status));

        var answered = Created(outcomes);
        foreach (var id in answered)
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/governance/organisations/{id}")).StatusCode);
        await ReadModelHoldsEach(platform.MeetingsDatabase, "mt_doc_organisationref", answered);
        await ReadModelHoldsEach(platform.FundingDatabase, "mt_doc_knownorganisation", answered);
    }

    [Fact(Timeout = 300_000)]
    public async Task RabbitMQ_restarted_during_a_load_commands_still_succeed_and_their_events_are_delivered_once_it_is_back()
    {
        using var clerk = platform.Client().WithToken("governance-admin");
        var load = await OrganisationsRegistered(clerk, "CooperatingBody");

        await TestServers.ControlAsync("stop", "rabbitmq");
        try
        {
            await Refuses(platform.Broker.Host, platform.Broker.IsDefaultPort ? 5672 : platform.Broker.Port);
            // the outbox is in the service's own database: commands go on being recorded while the broker is away
            await load.SucceededAfter(load.Now, 30, Recovery);
            await EveryService(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await TestServers.ControlAsync("start", "rabbitmq");
        }
        await EveryService(HttpStatusCode.OK, Recovery);
        await load.SucceededAfter(load.Now, 30, Recovery);
        var outcomes = await load.StopAsync();

        var answered = Created(outcomes);
        await ReadModelHoldsEach(platform.MeetingsDatabase, "mt_doc_organisationref", answered);
        await ReadModelHoldsEach(platform.FundingDatabase, "mt_doc_knownorganisation", answered);
        await ReadModelHoldsEach(platform.CaseManagementDatabase, "mt_doc_isasignatory", answered);
    }

    /// <summary>Writers registering organisations through the gateway, once the load is under way.</summary>
    private static async Task<WriteLoad> OrganisationsRegistered(HttpClient clerk, string kind)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var load = WriteLoad.Start(clerk, Workers, (worker, n) => ("/api/governance/organisations",
            new { name = $"Reliability {run} organisation {worker}.{n}", kind }));
        await load.SucceededAfter(TimeSpan.Zero, 30, Recovery);
        return load;
    }

    private static List<Guid> Created(IEnumerable<WriteLoad.Outcome> outcomes)
    {
        var ids = outcomes.Where(o => o.Succeeded).Select(o => JsonNode.Parse(o.Body)!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    /// <summary>Checks that the server really is down: nothing accepts a connection on its port.</summary>
    private static async Task Refuses(string host, int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        var connected = false;
        try
        {
            await client.ConnectAsync(host, port).WaitAsync(TimeSpan.FromSeconds(5));
            connected = true;
        }
        catch (System.Net.Sockets.SocketException)
        {
        }
        Assert.False(connected, $"{host}:{port} still accepts connections after the server was stopped");
    }

    /// <summary>Waits until every service's <c>/health</c> answers <paramref name="status"/>.</summary>
    private async Task EveryService(HttpStatusCode status, TimeSpan timeout)
    {
        var last = new Dictionary<string, string>();
        await Probes.Eventually(timeout, async () =>
        {
            foreach (var service in platform.Services)
            {
                using var client = new HttpClient { BaseAddress = service.Url, Timeout = TimeSpan.FromSeconds(10) };
                try
                {
                    last[service.Name] = ((int)(await client.GetAsync("/health")).StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    last[service.Name] = e.GetType().Name;
                }
            }
            return last.Values.All(v => v == ((int)status).ToString(CultureInfo.InvariantCulture));
        }).Explained(() => $"/health should answer {(int)status} everywhere; last answers: " + string.Join(", ", last.Select(kv => $"{kv.Key} {kv.Value}")));
    }

    /// <summary>The decision feed, walked to its end.</summary>
    private static async Task<List<Guid>> DecisionFeed(HttpClient client)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        while (true)
        {
            var page = await (await client.GetAsync("/api/governance/decisions/feed?limit=500" + (cursor is null ? "" : "&after=" + cursor))).Json(HttpStatusCode.OK);
            var events = page["events"]!.AsArray();
            if (events.Count == 0) return ids;
            ids.AddRange(events.Select(e => Guid.Parse(e!["id"]!.GetValue<string>())));
            cursor = page["next"]!.GetValue<string>();
        }
    }

    /// <summary>
    /// Waits until a consumer's read model (a Marten document table in its own database) holds a row for every id, and
    /// checks it holds exactly one each.
    /// </summary>
    private static async Task ReadModelHoldsEach(PlatformDatabase database, string table, IReadOnlyCollection<Guid> ids)
    {
        long rows = 0, distinct = 0;
        await Probes.Eventually(Recovery, async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand($"select count(*), count(distinct id) from {table} where id = any(@ids)", connection);
            count.Parameters.AddWithValue("ids", ids.ToArray());
            try
            {
                await using var reader = await count.ExecuteReaderAsync();
                await reader.ReadAsync();
                (rows, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Marten creates a document table when the first document is stored
            }
            return distinct == ids.Count;
        }).Explained(() => $"{table} holds {distinct} of the {ids.Count} answered ids. Messages of the consumer: " +
                           Messages(database).GetAwaiter().GetResult());
        Assert.Equal(ids.Count, rows);
    }

    /// <summary>What Wolverine holds in a database (inbox, outbox, dead letters), to say where missing messages went.</summary>
    private static async Task<string> Messages(PlatformDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var query in new[]
                 {
                     "select 'incoming ' || status || ' ' || count(*) from wolverine_incoming_envelopes group by status",
                     "select 'outgoing ' || count(*) from wolverine_outgoing_envelopes",
                     "select 'dead ' || message_type || ' ' || exception_type || ': ' || left(exception_message, 300) || ' × ' || count(*) " +
                     "from wolverine_dead_letters group by message_type, exception_type, exception_message",
                 })
        {
            try
            {
                await using var command = new NpgsqlCommand(query, connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            }
            catch (PostgresException e)
            {
                lines.Add(e.MessageText);
            }
        }
        return string.Join("; ", lines);
    }
}
