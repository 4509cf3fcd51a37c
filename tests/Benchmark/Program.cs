using System.Globalization;
using CommunitySafety.Benchmark;
using CommunitySafety.TestSupport;
using Npgsql;

// The benchmark command: see README, "Benchmark", and tests/Benchmark/run.sh which builds what it needs and runs this.
var options = Options.Parse(args);
if (options is null) return 2;

var mode = options.Development ? RunMode.Development : RunMode.Production;
Console.Error.WriteLine($"[bench] starting the platform ({mode}, {Repository.Configuration} build)");
await using var platform = await Platform.StartAsync(mode);
using var workload = new Workload(platform.Gateway.Url, platform.Services["governance"].Url, options.Concurrency);
var runner = new LoadRunner(options.Concurrency, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Duration));
var phases = new List<PhaseResult>();

await using (var raw = await TestServers.CreateDatabaseAsync("bench_raw"))
await using (var source = NpgsqlDataSource.Create(raw.ConnectionString))
    phases.Add(await runner.RunAsync("a", "raw PostgreSQL: 1 event-sized row per transaction (Npgsql)", await Workload.RawInsertAsync(source)));
var a = phases[^1];
phases.Add(await runner.RunAsync("b", "POST /api/governance/organisations, direct to Governance", workload.RegisterOrganisation(workload.Governance)));
var b = phases[^1];
phases.Add(await runner.RunAsync("c", "POST /api/governance/organisations, through the gateway", workload.RegisterOrganisation(workload.Gateway)));
var c = phases[^1];

// Lag: the same write load as c, with a sampler alongside, once Meetings has caught up with the writes of b and c.
LagResult lag;
Console.Error.WriteLine($"[bench] Meetings caught up with b and c's integration events in {await workload.DrainAsync():0.0} s");
using (var stop = new CancellationTokenSource())
{
    var sampler = Task.Run(() => workload.SampleLagAsync(TimeSpan.FromMilliseconds(100), stop.Token));
    phases.Add(await runner.RunAsync("c+lag", "c again, while sampling read-model lag every 100 ms", workload.RegisterOrganisation(workload.Gateway)));
    await stop.CancelAsync();
    lag = await sampler;
}
Console.Error.WriteLine($"[bench] lag: p50 {lag.P50Ms:0} ms, p99 {lag.P99Ms:0} ms, max {lag.MaxMs:0} ms, {lag.Samples} samples, {lag.Timeouts} failed");

// d: reads over every organisation in the store, topped up to 10 k events first; d@large repeats them at 1 M events.
await using var governanceStore = NpgsqlDataSource.Create(platform.Databases["governance"].ConnectionString);
await Seeder.SeedUpToAsync(governanceStore, 10_000);
var smallEvents = await Seeder.EventCountAsync(governanceStore);
var readIds = await Seeder.OrganisationIdsAsync(governanceStore);
Console.Error.WriteLine($"[bench] Meetings caught up with the lag phase's integration events in {await workload.DrainAsync():0.0} s");
phases.Add(await runner.RunAsync("d", $"GET /api/governance/organisations/{{id}} through the gateway ({smallEvents:N0} events in the store)",
    workload.ReadOrganisation(readIds)));
var d = phases[^1];

// e: the website's home page (the agreement in force and the next public meetings, two calls through the gateway's internal
// listener), anonymous, by one resident and then by 16 at once
var oneClient = new LoadRunner(1, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Duration));
phases.Add(await oneClient.RunAsync("e", "GET / (the website's home page) through the gateway, one client", workload.ReadPage("/")));
var e = phases[^1];
phases.Add(await runner.RunAsync("e16", $"GET / through the gateway, {options.Concurrency} clients", workload.ReadPage("/")));

var ratios = new List<Ratio>
{
    new("b/a (direct service / raw PostgreSQL)", b.RequestsPerSecond / a.RequestsPerSecond, "–", true),
    new("c/a (through the gateway / raw PostgreSQL)", c.RequestsPerSecond / a.RequestsPerSecond, "≥ 0.25", c.RequestsPerSecond / a.RequestsPerSecond >= 0.25),
    new("c/b (gateway / direct)", c.RequestsPerSecond / b.RequestsPerSecond, "≥ 0.90", c.RequestsPerSecond / b.RequestsPerSecond >= 0.90),
    new("public page p50, one client (e), ms", e.P50Ms, "< 100", e.P50Ms < 100),
};
var lagTarget = new Ratio("read-model lag p99, ms", lag.P99Ms, "≤ 250", lag.P99Ms <= 250);

// Cold starts after the write and read phases (their extra processes would disturb them), before the scale phase (a
// service's first API request lists the organisations: a page of 100, but counting every one, a million after it).
var coldStarts = new List<ColdStartResult>();
var coldTargets = new List<Ratio>();
if (!options.SkipColdStart)
{
    foreach (var coldMode in new[] { RunMode.Development, RunMode.Production })
        coldStarts.AddRange(await ColdStart.MeasureAsync(platform, coldMode, options.ColdStartRuns));
    coldTargets.AddRange(coldStarts.Where(s => s.Mode == RunMode.Production.ToString()).Select(s =>
        new Ratio($"cold start {s.Service} ({s.Mode}) to first API request, ms", s.FirstRequestMedianMs, "≤ 1000", !double.IsNaN(s.FirstRequestMaxMs) && s.FirstRequestMedianMs <= 1000)));
}


ScaleResult? scale = null;
if (!options.SkipScale)
{
    // d again just before seeding, as the baseline: the first read run (d) is often slower, on a machine still busy
    // with the writes before it
    var baseline = await runner.RunAsync("d again", $"d again, just before seeding ({smallEvents:N0} events in the store)", workload.ReadOrganisation(readIds));
    phases.Add(baseline);
    var seconds = await Seeder.SeedUpToAsync(governanceStore, options.ScaleEvents);
    var largeEvents = await Seeder.EventCountAsync(governanceStore);
    // the same reads as d (the same organisations), now with the store 100 times larger around them
    var large = await runner.RunAsync("d@large", $"d with {largeEvents:N0} events in the store", workload.ReadOrganisation(readIds));
    scale = new ScaleResult(smallEvents, largeEvents, seconds, baseline, large,
        new("read p50 at large / at small store", large.P50Ms / baseline.P50Ms, "≤ 1.25", large.P50Ms / baseline.P50Ms <= 1.25),
        new("read p99 at large / at small store", large.P99Ms / baseline.P99Ms, "≤ 1.25", large.P99Ms / baseline.P99Ms <= 1.25));
}

var report = new Report(DateTimeOffset.UtcNow, Report.Describe(), $"{mode}, {Repository.Configuration} build", options.Concurrency,
    options.Duration, options.Warmup, phases, ratios, lag, lagTarget, coldStarts, coldTargets, scale);
Console.WriteLine(report.ToTable());
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Json))!);
await File.WriteAllTextAsync(options.Json, report.ToJson());
Console.WriteLine($"JSON: {Path.GetFullPath(options.Json)}");
return 0;

internal sealed record Options(int Concurrency, double Duration, double Warmup, string Json, bool SkipScale, bool SkipColdStart,
    bool Development, int ColdStartRuns, long ScaleEvents)
{
    public const string Usage = """
        usage: CommunitySafety.Benchmark [--concurrency 16] [--duration 10] [--warmup 3] [--json .benchmark/results.json]
                                         [--skip-scale] [--scale-events 1000000] [--skip-coldstart] [--coldstart-runs 3]
                                         [--development]
          Starts the four services and the gateway (Production with pre-generated code, or --development: Development,
          code generated at start-up) against fresh databases on TEST_POSTGRES and the broker TEST_RABBITMQ, and measures.
        """;

    public static Options? Parse(string[] args)
    {
        var o = new Options(16, 10, 3, ".benchmark/results.json", false, false, false, 3, 1_000_000);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--concurrency" => o with { Concurrency = (int)Number() },
                "--duration" => o with { Duration = Number() },
                "--warmup" => o with { Warmup = Number() },
                "--json" => o with { Json = Next() },
                "--skip-scale" => o with { SkipScale = true },
                "--scale-events" => o with { ScaleEvents = (long)Number() },
                "--skip-coldstart" => o with { SkipColdStart = true },
                "--coldstart-runs" => o with { ColdStartRuns = (int)Number() },
                "--development" => o with { Development = true },
                _ => null,
            };
            if (o is null)
            {
                Console.Error.WriteLine(Usage);
                return null;
            }
        }
        return o;
    }
}
