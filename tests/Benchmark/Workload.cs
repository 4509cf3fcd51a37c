using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunitySafety.TestSupport;
using Npgsql;

namespace CommunitySafety.Benchmark;

/// <summary>Async read-model lag: from a write's 201 to the first 200 of the other service's read model.</summary>
public sealed record LagResult(string What, int Samples, int Timeouts, double P50Ms, double P99Ms, double MaxMs);

/// <summary>The requests the phases send: one shared HTTP client (keep-alive, enough connections), one token.</summary>
public sealed class Workload(Uri gateway, Uri governance, int concurrency) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency * 2,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    private readonly AuthenticationHeaderValue _token = new("Bearer", Http.Token("governance-admin", "meetings-secretary"));
    private int _counter;

    /// <summary>About 200 bytes of JSON, the size of an <c>OrganisationRegistered</c> event as Marten stores it.</summary>
    public const string EventJson =
        """{"organisationId":"0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","name":"Benchmark organisation 000000","kind":"ResponsibleAuthority","registeredAt":"2026-01-01T12:00:00.0000000+00:00","padding":"xxxxxxxxxxxx"}""";

    public Uri Gateway => gateway;

    /// <summary>a. One event-sized row per transaction, straight into PostgreSQL.</summary>
    public static async Task<Func<Task<bool>>> RawInsertAsync(NpgsqlDataSource source)
    {
        await using (var create = source.CreateCommand(
            "create table bench_events(stream_id uuid not null, version int not null, data jsonb not null, primary key (stream_id, version))"))
            await create.ExecuteNonQueryAsync();
        return async () =>
        {
            await using var insert = source.CreateCommand("insert into bench_events(stream_id, version, data) values ($1, 1, $2::jsonb)");
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = EventJson });
            return await insert.ExecuteNonQueryAsync() == 1; // autocommit: one row per commit
        };
    }

    /// <summary>b/c. Registers an organisation (one event on a new stream + one outbox message), at the given host.</summary>
    public Func<Task<bool>> RegisterOrganisation(Uri host) => async () =>
    {
        var n = Interlocked.Increment(ref _counter);
        using var response = await Send(HttpMethod.Post, new Uri(host, "/api/governance/organisations"),
            JsonContent.Create(new { name = $"Benchmark organisation {n:000000}", kind = "ResponsibleAuthority" }));
        return response.StatusCode == HttpStatusCode.Created;
    };

    /// <summary>A page of the website through the gateway, as a resident's browser asks for it (anonymous, HTML).</summary>
    public Func<Task<bool>> ReadPage(string path) => async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, path));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await _http.SendAsync(request);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("</html>");
    };

    /// <summary>d. Reads one organisation (its inline snapshot) through the gateway, picked at random among <paramref name="ids"/>.</summary>
    public Func<Task<bool>> ReadOrganisation(IReadOnlyList<Guid> ids) => async () =>
    {
        var id = ids[Random.Shared.Next(ids.Count)];
        using var response = await Send(HttpMethod.Get, new Uri(gateway, $"/api/governance/organisations/{id}"));
        return response.StatusCode == HttpStatusCode.OK;
    };

    /// <summary>
    /// Until <paramref name="stop"/>: every <paramref name="interval"/> starts a sample that creates a body in Governance
    /// through the gateway and polls Meetings' copy (<c>GET /api/meetings/bodies/{id}</c>, built from <c>BodyCreated</c>
    /// over RabbitMQ) — every 5 ms for the first 250 ms, then every 50 ms — for up to 60 s.
    /// </summary>
    public async Task<LagResult> SampleLagAsync(TimeSpan interval, CancellationToken stop)
    {
        var samples = new List<Task<long?>>();
        while (!stop.IsCancellationRequested)
        {
            samples.Add(Task.Run(LagSampleAsync));
            try { await Task.Delay(interval, stop); }
            catch (OperationCanceledException) { }
        }
        var results = await Task.WhenAll(samples);
        var lags = results.OfType<long>().ToList();
        lags.Sort();
        return new LagResult("Governance POST /bodies 201 → Meetings GET /bodies/{id} 200 (BodyCreated over RabbitMQ), through the gateway",
            lags.Count, results.Length - lags.Count, PhaseResult.Percentile(lags, 0.50), PhaseResult.Percentile(lags, 0.99), PhaseResult.Percentile(lags, 1.0));
    }

    /// <summary>Waits until Meetings has caught up with what Governance published (a new body is visible there); returns the seconds (NaN: not within 60 s).</summary>
    public async Task<double> DrainAsync()
    {
        var clock = Stopwatch.StartNew();
        return await LagSampleAsync() is null ? double.NaN : clock.Elapsed.TotalSeconds;
    }

    /// <returns>Stopwatch ticks from the 201 to the first 200, or null when it failed or took over 60 s.</returns>
    private async Task<long?> LagSampleAsync()
    {
        try
        {
            using var created = await Send(HttpMethod.Post, new Uri(gateway, "/api/governance/bodies"),
                JsonContent.Create(new { name = $"Benchmark body {Interlocked.Increment(ref _counter)}", kind = "WorkingGroup", cadence = "Monthly" }));
            if (created.StatusCode != HttpStatusCode.Created) return null;
            var answered = Stopwatch.GetTimestamp();
            var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
            while (Stopwatch.GetElapsedTime(answered) < TimeSpan.FromSeconds(60))
            {
                using var read = await Send(HttpMethod.Get, new Uri(gateway, $"/api/meetings/bodies/{id}"));
                if (read.StatusCode == HttpStatusCode.OK) return Stopwatch.GetTimestamp() - answered;
                await Task.Delay(Stopwatch.GetElapsedTime(answered) < TimeSpan.FromMilliseconds(250) ? 5 : 50);
            }
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }
        return null;
    }

    private sealed record IdOnly(Guid Id);

    public Uri Governance => governance;

    private async Task<HttpResponseMessage> Send(HttpMethod method, Uri address, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, address) { Content = content };
        request.Headers.Authorization = _token;
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
