using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// How the platform absorbs a lost optimistic-concurrency race, in one place for every HTTP command and every message
/// handler. A command reads its stream, decides, and appends at the version it read; if another writer (a user, a scheduled
/// message such as the agenda's publication) appended in between, the commit fails. The decision is then made again on
/// the fresh state, a bounded number of times with jittered back-off, unless the client asked for the version it read
/// (<c>If-Match</c>): its expectation failed, and it gets 409 <c>concurrent-write</c> (412 when already stale at the read).
/// </summary>
public static class ConcurrentWrites
{
    /// <summary><c>Writes:ConflictRetries</c> (default 5): how many times a command is decided again after losing a race.</summary>
    public const string RetriesKey = "Writes:ConflictRetries";

    public const int DefaultRetries = 5;

    /// <summary>The back-off before retry <c>n</c> (1-based) doubles from this, each drawn from [½, 1½] of its nominal value.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(20);

    public const string MeterName = "CommunitySafety.Writes";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("csp.writes.conflict_retries", unit: "{retry}",
        description: "Commands decided again after losing an optimistic-concurrency race");

    private static readonly Counter<long> Exhausted = Meter.CreateCounter<long>("csp.writes.conflicts_exhausted", unit: "{request}",
        description: "Commands that still lost the race after every retry (answered 409)");

    /// <summary>
    /// Whether the failure is a lost race on an event stream: Marten's <see cref="JasperFx.ConcurrencyException"/> (a stale
    /// expected version, or its unique index on (stream, version) violated by a concurrent append), anywhere in the chain
    /// of inner exceptions, or that unique violation itself if it escaped Marten's translation. A collision on a new stream's
    /// id, or any other unique key, is not: deciding again would collide again.
    /// </summary>
    public static bool IsLostRace(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case JasperFx.ConcurrencyException:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: { } table }
                    when table.StartsWith("mt_events", StringComparison.Ordinal):
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsLostRace);
            }
        }
        return false;
    }

    /// <summary>The pause before retry <paramref name="retry"/> (1-based): <see cref="BaseDelay"/> × 2^(retry−1) × [½, 1½).</summary>
    public static TimeSpan Delay(int retry, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var nominal = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 10));
        return TimeSpan.FromMilliseconds(nominal * (0.5 + Math.Clamp(random, 0, 1)));
    }

    /// <summary>A write whose client expressed no expectation of the version: no <c>If-Match</c>, or <c>If-Match: *</c>.</summary>
    public static bool MayRetry(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Headers.IfMatch.ToString().Trim() is "" or "*";

    /// <summary>Reads <see cref="RetriesKey"/>: a whole number from 0 (never retry) to 20.</summary>
    public static int RetriesFrom(IConfiguration configuration)
    {
        var value = configuration[RetriesKey];
        if (value is null) return DefaultRetries;
        if (!int.TryParse(value, out var retries) || retries is < 0 or > 20)
            throw new InvalidOperationException($"{RetriesKey.Replace(":", "__")} must be a whole number from 0 to 20, not '{value}'.");
        return retries;
    }

    /// <summary>
    /// Every message handler: a lost race is handled again on the fresh state, with the same jittered back-off as a request,
    /// then once more a few seconds later; only a message that keeps losing goes to the error queue.
    /// </summary>
    public static void RetryLostRaces(this WolverineOptions wolverine, int retries)
    {
        if (retries == 0) return;
        var delays = Enumerable.Range(1, retries).Select(n => Delay(n, 0.5)).ToArray();
        wolverine.OnException(IsLostRace, "a lost optimistic-concurrency race").RetryWithCooldown(delays).WithFullJitter()
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }

    /// <summary>The HTTP side: <see cref="RetryMiddleware"/>, after authentication and authorisation, just before the endpoint.</summary>
    public static IApplicationBuilder UseConcurrentWriteRetries(this IApplicationBuilder app) => app.UseMiddleware<RetryMiddleware>();

    internal static void Count(bool exhausted, PathString path)
    {
        var tag = new KeyValuePair<string, object?>("http.route.prefix", RoutePrefix(path));
        if (exhausted) Exhausted.Add(1, tag);
        else Retries.Add(1, tag);
    }

    /// <summary><c>/api/meetings/meetings/{id}/attendance</c> → <c>/api/meetings</c>: a tag of few values, no ids.</summary>
    private static string RoutePrefix(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? $"/{segments[0]}/{segments[1]}" : "/";
    }

    /// <summary>
    /// Runs a write request again when it lost a race and its client did not send <c>If-Match</c>. Safe because the endpoint's
    /// whole effect is its Marten session and Wolverine outbox, which commit together (AutoApplyTransactions) or not at all:
    /// the failed attempt wrote nothing, sent nothing and answered nothing. Each attempt gets the request body afresh (read once,
    /// within the body size limit) and a cleared response; the endpoint opens a new session, so it reads the stream anew.
    /// </summary>
    public sealed class RetryMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<RetryMiddleware> logger)
    {
        private readonly int _retries = RetriesFrom(configuration);

        public async Task InvokeAsync(HttpContext http)
        {
            if (_retries == 0 || !MayRetry(http.Request))
            {
                await next(http);
                return;
            }

            var body = await ReadBodyAsync(http.Request);
            for (var attempt = 1; ; attempt++)
            {
                if (body is not null) http.Request.Body = new MemoryStream(body, writable: false);
                try
                {
                    await next(http);
                    return;
                }
                catch (Exception e) when (IsLostRace(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
                {
                    if (attempt > _retries)
                    {
                        Count(exhausted: true, http.Request.Path);
                        logger.LogWarning("{Method} {Path} lost the race for its stream {Attempts} times; answering 409",
                            http.Request.Method, http.Request.Path, attempt);
                        throw;
                    }
                    Count(exhausted: false, http.Request.Path);
                    var delay = Delay(attempt, Random.Shared.NextDouble());
                    logger.LogDebug("{Method} {Path} lost the race for its stream (attempt {Attempt}); deciding again in {Delay} ms",
                        http.Request.Method, http.Request.Path, attempt, (int)delay.TotalMilliseconds);
                    Activity.Current?.AddEvent(new ActivityEvent("concurrent-write.retry",
                        tags: new ActivityTagsCollection { ["attempt"] = attempt }));
                    http.Response.Clear();
                    await Task.Delay(delay, http.RequestAborted);
                }
            }
        }

        /// <summary>The whole body, to give each attempt; null for a request without one.</summary>
        private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
        {
            if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false }) return null;
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            return copy.ToArray();
        }
    }
}
