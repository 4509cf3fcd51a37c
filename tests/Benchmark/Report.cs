using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunitySafety.Benchmark;

public sealed record Ratio(string Name, double Value, string Target, bool Met);

public sealed record ScaleResult(long SmallEvents, long LargeEvents, double SeedSeconds, PhaseResult Small, PhaseResult Large, Ratio P50, Ratio P99);

/// <summary>Everything one run measured, printed as a table and written as JSON.</summary>
public sealed record Report(
    DateTimeOffset At, string Machine, string Mode, int Concurrency, double DurationSeconds, double WarmupSeconds,
    List<PhaseResult> Phases, List<Ratio> Ratios, LagResult? Lag, Ratio? LagTarget,
    List<ColdStartResult> ColdStarts, List<Ratio> ColdStartTargets, ScaleResult? Scale)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load generator, services, gateway, PostgreSQL and RabbitMQ on the same machine";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Benchmark {At:yyyy-MM-dd HH:mm} UTC — {Mode}, concurrency {Concurrency}, {DurationSeconds:0} s per phase after {WarmupSeconds:0} s warm-up");
        s.AppendLine(Machine);
        s.AppendLine();
        s.AppendLine("| phase | req/s | p50 ms | p95 ms | p99 ms | errors |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var p in Phases)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name}: {p.What} | {p.RequestsPerSecond:0} | {F(p.P50Ms)} | {F(p.P95Ms)} | {F(p.P99Ms)} | {p.Errors} |");
        s.AppendLine();
        s.AppendLine("| ratio (req/s) | value | target | |");
        s.AppendLine("|---|---:|---|---|");
        foreach (var r in Ratios.Append(LagTarget).Concat(ColdStartTargets).Concat(Scale is null ? [] : [Scale.P50, Scale.P99]).OfType<Ratio>())
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {F(r.Value)} | {r.Target} | {(r.Target == "–" ? "" : r.Met ? "met" : "NOT met")} |");
        if (Lag is not null)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"Async read-model lag under write load (c), {Lag.What}: p50 {F(Lag.P50Ms)} ms, p99 {F(Lag.P99Ms)} ms, max {F(Lag.MaxMs)} ms ({Lag.Samples} samples, {Lag.Timeouts} failed or over 60 s)");
        }
        if (ColdStarts.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("| cold start (process start →) | mode | first /health 200, ms (median) | first API request 200, ms (median) | (max) |");
            s.AppendLine("|---|---|---:|---:|---:|");
            foreach (var c in ColdStarts)
                s.AppendLine(CultureInfo.InvariantCulture, $"| {c.Service} | {c.Mode} | {F(c.HealthMedianMs)} | {F(c.FirstRequestMedianMs)} | {F(c.FirstRequestMaxMs)} |");
        }
        if (Scale is not null)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"Reads (d) with {Scale.SmallEvents:N0} and {Scale.LargeEvents:N0} events in Governance's store (seeding took {Scale.SeedSeconds:0} s):");
            foreach (var p in new[] { Scale.Small, Scale.Large })
                s.AppendLine(CultureInfo.InvariantCulture, $"  {p.Name}: {p.RequestsPerSecond:0} req/s, p50 {F(p.P50Ms)} ms, p95 {F(p.P95Ms)} ms, p99 {F(p.P99Ms)} ms, {p.Errors} errors");
        }
        return s.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);
}
