using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommunitySafety.Governance.Webhooks;

public enum DeliveryStatus { Pending, Delivered, DeadLettered, Skipped }

/// <summary>One try at delivering: when, what came back (or what went wrong), and how long it took.</summary>
public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

/// <summary>
/// One decision event on its way to one subscription. <see cref="Id"/> is the Standard Webhooks <c>webhook-id</c>:
/// the same on every attempt and every replay, so that receivers can recognise a repeat. <see cref="Body"/> is the
/// CloudEvent exactly as first serialised, so every attempt sends (and signs) the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public string Id { get; set; } = "";
    public Guid SubscriptionId { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public DateTimeOffset EventTime { get; set; }
    public string Body { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Attempts in the current round (a replay starts a new round; the log keeps them all).</summary>
    public int RoundAttempts { get; set; }

    public List<DeliveryAttempt> Attempts { get; set; } = [];

    /// <summary>A stable <c>webhook-id</c> for this event and subscription.</summary>
    public static string IdFor(Guid subscriptionId, string eventId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}:{eventId}")))[..32];
}

/// <summary>How deliveries are retried (<c>Webhooks:Delivery</c>).</summary>
public sealed class DeliveryOptions : ISettings<DeliveryOptions>
{
    /// <inheritdoc />
    public static string Section => "Webhooks:Delivery";

    /// <summary>Waits before the 2nd, 3rd, … attempt, in seconds. After the last, the delivery is dead-lettered.</summary>
    public List<int> RetryScheduleSeconds { get; set; } = [];

    /// <summary>± this fraction of each wait, at random, so that retries after an outage do not arrive all at once.</summary>
    public double Jitter { get; set; } = 0.2;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The longest a receiver's <c>Retry-After</c> may defer the next attempt.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 24 * 3600;

    /// <summary>Standard Webhooks' suggested schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts over about a day).</summary>
    public static readonly int[] DefaultSchedule = [5, 300, 1800, 7200, 18000, 36000, 36000];

    public IReadOnlyList<int> Schedule => RetryScheduleSeconds.Count > 0 ? RetryScheduleSeconds : DefaultSchedule;

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (Schedule.Any(s => s < 0)) yield return "Retry waits must be 0 s or more.";
        if (Jitter is < 0 or >= 1) yield return "Jitter must be in [0, 1).";
        if (TimeoutSeconds is < 1 or > 120) yield return "TimeoutSeconds must be 1 to 120.";
        if (MaxRetryAfterSeconds < 0) yield return "MaxRetryAfterSeconds must be 0 or more.";
    }
}

/// <summary>What an attempt's answer means for the delivery.</summary>
public enum AttemptVerdict { Delivered, Gone, Retry, DeadLetter }

/// <summary>The retry rules as pure functions.</summary>
public static class RetryPolicy
{
    /// <summary>Any 2xx delivers; 410 means the receiver wants no more (the subscription is disabled); anything else retries while the schedule lasts.</summary>
    public static AttemptVerdict Judge(int? statusCode, int attemptsInRound, DeliveryOptions options) => statusCode switch
    {
        >= 200 and < 300 => AttemptVerdict.Delivered,
        410 => AttemptVerdict.Gone,
        _ => attemptsInRound <= options.Schedule.Count ? AttemptVerdict.Retry : AttemptVerdict.DeadLetter,
    };

    /// <summary>
    /// The wait before the next attempt after <paramref name="attemptsInRound"/> attempts: the schedule's, with jitter
    /// (<paramref name="random"/> in [0, 1)), unless the receiver said when (<c>Retry-After</c>), capped.
    /// </summary>
    public static TimeSpan NextDelay(int attemptsInRound, DeliveryOptions options, TimeSpan? retryAfter, double random)
    {
        if (retryAfter is { } asked && asked >= TimeSpan.Zero)
            return asked <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds) ? asked : TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        var seconds = options.Schedule[Math.Clamp(attemptsInRound - 1, 0, options.Schedule.Count - 1)];
        return TimeSpan.FromSeconds(seconds * (1 + options.Jitter * (2 * random - 1)));
    }

    /// <summary>A <c>Retry-After</c> header: seconds, or an HTTP date.</summary>
    public static TimeSpan? ParseRetryAfter(string? header, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (int.TryParse(header.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParseExact(header.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }
}

/// <summary>Local, durable message: make the next attempt at a delivery.</summary>
public sealed record AttemptDelivery(string DeliveryId);
