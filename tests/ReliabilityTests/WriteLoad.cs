using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace CommunitySafety.ReliabilityTests;

/// <summary>
/// Writers sending commands in a closed loop until stopped, keeping every answer, so that a test can take a part of the
/// platform away under load and then check that nothing answered 2xx was lost. A request in flight when the load is
/// stopped is allowed to finish: its answer counts like any other.
/// </summary>
public sealed class WriteLoad
{
    /// <summary>One request: its answer (status and body), or the error that stood for one (connection refused, timeout).</summary>
    public sealed record Outcome(HttpStatusCode? Status, string Body, string? Error, TimeSpan At)
    {
        public bool Succeeded => Status is { } s && (int)s is >= 200 and < 300;
    }

    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile bool _stopping;
    private Task[] _workers = [];

    /// <param name="client">The client the workers send with.</param>
    /// <param name="workers">How many workers send at once.</param>
    /// <param name="command">The path and JSON body of the worker's n-th command.</param>
    public static WriteLoad Start(HttpClient client, int workers, Func<int, int, (string Path, object Body)> command)
    {
        var load = new WriteLoad();
        load._workers = Enumerable.Range(0, workers).Select(w => Task.Run(() => load.Work(client, w, command))).ToArray();
        return load;
    }

    private async Task Work(HttpClient client, int worker, Func<int, int, (string Path, object Body)> command)
    {
        for (var n = 0; !_stopping; n++)
        {
            var (path, body) = command(worker, n);
            Outcome outcome;
            try
            {
                using var response = await client.PostAsJsonAsync(path, body);
                outcome = new(response.StatusCode, await response.Content.ReadAsStringAsync(), null, _clock.Elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = new(null, "", e.GetType().Name + ": " + e.Message, _clock.Elapsed);
            }
            _outcomes.Enqueue(outcome);
            // While the platform is down, do not spin: a real client backs off too.
            if (!outcome.Succeeded) await Task.Delay(50);
        }
    }

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Waits until <paramref name="count"/> commands have succeeded after <paramref name="since"/>.</summary>
    public async Task SucceededAfter(TimeSpan since, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_outcomes.Count(o => o.Succeeded && o.At >= since) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Fewer than {count} commands succeeded within {timeout}; answers so far: {Summary(_outcomes)}");
            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<Outcome>> StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_workers);
        return _outcomes.ToList();
    }

    /// <summary>How many answers of each kind, for assertion messages: "201 × 340, 502 × 12, HttpRequestException × 3".</summary>
    public static string Summary(IEnumerable<Outcome> outcomes) => string.Join(", ", outcomes
        .GroupBy(o => o.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : o.Error!.Split(':')[0])
        .OrderBy(g => g.Key)
        .Select(g => $"{g.Key} × {g.Count()}"));
}
