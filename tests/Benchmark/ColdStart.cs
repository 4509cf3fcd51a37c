using System.Diagnostics;
using System.Net;
using CommunitySafety.TestSupport;

namespace CommunitySafety.Benchmark;

/// <summary>One process started cold: time from process start to its first 200 on /health and on a real API request.</summary>
public sealed record ColdStartResult(string Service, string Mode, double[] HealthMs, double[] FirstRequestMs)
{
    public double HealthMedianMs => Median(HealthMs);
    public double FirstRequestMedianMs => Median(FirstRequestMs);
    public double FirstRequestMaxMs => FirstRequestMs.Any(double.IsNaN) ? double.NaN : FirstRequestMs.Max();

    /// <summary>The median of the starts that succeeded (NaN if none did).</summary>
    private static double Median(double[] values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(sorted.Length - 1) / 2];
    }
}

/// <summary>
/// Starts a second process of each service (against the running platform's database and broker, so the schema exists
/// as after a restart) and of the gateway (in front of the running services), one at a time, and times it.
/// </summary>
public static class ColdStart
{
    public static async Task<List<ColdStartResult>> MeasureAsync(Platform platform, RunMode mode, int runs)
    {
        var broker = (await TestServers.RabbitMqAsync()).ToString();
        var results = new List<ColdStartResult>();
        foreach (var spec in ServiceSpec.Services.Append(ServiceSpec.Gateway))
        {
            var environment = spec.Database is null
                ? Platform.GatewayEnvironment(platform.Services)
                : Platform.ServiceEnvironment(spec, platform.Databases[spec.Name], broker);
            var health = new double[runs];
            var first = new double[runs];
            for (var run = 0; run < runs; run++)
            {
                try
                {
                    (health[run], first[run]) = await OnceAsync(spec, Platform.Merge(mode.Settings(), environment));
                }
                catch (TimeoutException e)
                {
                    // a start that failed is reported (NaN), not allowed to lose the rest of the run
                    Console.Error.WriteLine($"[bench] cold start {spec.Name} {mode} failed: {e.Message.Split('\n')[0]}");
                    (health[run], first[run]) = (double.NaN, double.NaN);
                }
            }
            var result = new ColdStartResult(spec.Name, mode.ToString(), health, first);
            Console.Error.WriteLine($"[bench] cold start {spec.Name} {mode}: /health {result.HealthMedianMs:0} ms, first API request {result.FirstRequestMedianMs:0} ms (median of {runs})");
            results.Add(result);
        }
        return results;
    }

    private static async Task<(double HealthMs, double FirstRequestMs)> OnceAsync(ServiceSpec spec, Dictionary<string, string> environment)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var token = Http.Token(spec.Role);
        var clock = Stopwatch.StartNew();
        await using var process = ServiceProcess.Start(spec.Name + "-cold", spec.Project, spec.Assembly, environment);
        var health = await FirstOkAsync(client, new Uri(process.Url, "/health"), null, clock, process);
        var first = await FirstOkAsync(client, new Uri(process.Url, spec.FirstRequest), token, clock, process);
        return (health, first);
    }

    /// <summary>Polls every 5 ms until the address answers 200; returns the elapsed milliseconds since the process start.</summary>
    private static async Task<double> FirstOkAsync(HttpClient client, Uri address, string? token, Stopwatch clock, ServiceProcess process)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                if (token is not null) request.Headers.Authorization = new("Bearer", token);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed.TotalMilliseconds;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(5);
        }
        throw new TimeoutException($"{process.Name}: {address} did not answer 200 within 90 s (exited: {process.HasExited}). Log tail:\n{string.Join('\n', process.Log.Split('\n').TakeLast(30))}");
    }
}
