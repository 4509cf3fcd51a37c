using System.Diagnostics;

namespace CommunitySafety.Benchmark;

/// <summary>What one phase measured: every request's latency (exact percentiles), the errors, the rate.</summary>
public sealed record PhaseResult(string Name, string What, int Requests, int Errors, double Seconds, double P50Ms, double P95Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;

    public static PhaseResult From(string name, string what, List<long> ticks, int errors, double seconds)
    {
        ticks.Sort();
        return new(name, what, ticks.Count, errors, seconds,
            Percentile(ticks, 0.50), Percentile(ticks, 0.95), Percentile(ticks, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted Stopwatch ticks, in milliseconds.</summary>
    public static double Percentile(List<long> sorted, double p) => sorted.Count == 0
        ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)] * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send a request, wait for its answer and send the next, for a
/// warm-up (not recorded) and then for the measured duration. An operation returns false (or throws) for an error.
/// </summary>
public sealed class LoadRunner(int concurrency, TimeSpan warmup, TimeSpan duration)
{
    public int Concurrency => concurrency;

    public async Task<PhaseResult> RunAsync(string name, string what, Func<Task<bool>> operation)
    {
        Console.Error.WriteLine($"[bench] {name}: {what} — warm-up {warmup.TotalSeconds:0}s, measuring {duration.TotalSeconds:0}s at concurrency {concurrency}");
        await Loop(operation, warmup, record: false);
        var clock = Stopwatch.StartNew();
        var (ticks, errors) = await Loop(operation, duration, record: true);
        var result = PhaseResult.From(name, what, ticks, errors, clock.Elapsed.TotalSeconds);
        Console.Error.WriteLine($"[bench] {name}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.0} ms, p95 {result.P95Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {errors} errors");
        return result;
    }

    private async Task<(List<long> Ticks, int Errors)> Loop(Func<Task<bool>> operation, TimeSpan length, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var ticks = new List<long>(capacity: 4096);
            var errors = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(); }
                catch (Exception) { ok = false; }
                if (!record) continue;
                if (ok) ticks.Add(Stopwatch.GetTimestamp() - start);
                else errors++;
            }
            return (ticks, errors);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        return ([.. results.SelectMany(r => r.ticks)], results.Sum(r => r.errors));
    }
}
