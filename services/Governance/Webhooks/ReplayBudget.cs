namespace CommunitySafety.Governance.Webhooks;

/// <summary>How much the replay endpoints may re-send (<c>Webhooks:Replay</c>).</summary>
public sealed class ReplayOptions : ISettings<ReplayOptions>
{
    /// <inheritdoc />
    public static string Section => "Webhooks:Replay";

    /// <summary>The most events one call queues; a replay with more answers where to continue.</summary>
    public int MaxEventsPerCall { get; set; } = 500;

    /// <summary>The most events a subscription may have re-sent in any hour, by both replay endpoints together.</summary>
    public int MaxEventsPerHour { get; set; } = 2_000;

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (MaxEventsPerCall < 1 || MaxEventsPerHour < 1) yield return "MaxEventsPerCall and MaxEventsPerHour must be at least 1.";
    }
}

/// <summary>A replay as the subscription remembers it for its budget: when, and how many events it re-sent.</summary>
public sealed record RecentReplay(DateTimeOffset At, int Events);

/// <summary>
/// Events were queued again for the subscription (a replay since a time, or of one delivery). Recorded on the
/// subscription's stream, so the hour's budget is the same for every replica and survives restarts, and two replays at
/// once cannot both spend it: the second one's append collides (409, retry).
/// </summary>
public sealed record SubscriptionReplayed(Guid SubscriptionId, int Events, string By, DateTimeOffset At);

// The replay budget (pure): per call, and per subscription over any hour.
public sealed partial record WebhookSubscription
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(1);

    /// <summary>Replays of the last hour before the newest (older ones no longer count: <see cref="ReplayWindow"/>).</summary>
    public IReadOnlyList<RecentReplay> RecentReplays { get; init; } = [];

    public WebhookSubscription Apply(SubscriptionReplayed e) => this with
    {
        RecentReplays = [.. RecentReplays.Where(r => r.At > e.At - ReplayWindow), new RecentReplay(e.At, e.Events)],
    };

    /// <summary>Events re-sent in the hour before <paramref name="now"/>.</summary>
    public int ReplayedInHourBefore(DateTimeOffset now) => RecentReplays.Where(r => r.At > now - ReplayWindow).Sum(r => r.Events);

    /// <summary>
    /// How many events a replay may queue now: the per-call cap, or what is left of the hour's budget when that is less.
    /// None left: refused (429 <c>replay-limit</c>) with the wait until some of the hour's replays no longer count.
    /// </summary>
    public static int DecideReplayAllowance(WebhookSubscription subscription, ReplayOptions options, DateTimeOffset now)
    {
        var left = options.MaxEventsPerHour - subscription.ReplayedInHourBefore(now);
        if (left > 0) return Math.Min(options.MaxEventsPerCall, left);
        throw new DomainRuleViolation("replay-limit",
                $"A subscription may have {options.MaxEventsPerHour} events re-sent in an hour, and this one's are spent. Retry later.", Refusal.Exhausted)
            .With("maxEventsPerHour", options.MaxEventsPerHour)
            .RetryingAfter(subscription.ReplayBudgetFreesAfter(options, now));
    }

    /// <summary>The record of a replay of <paramref name="events"/> events (none when there were none), within the allowance.</summary>
    public static IReadOnlyList<object> DecideReplay(WebhookSubscription subscription, int events, ReplayOptions options, string by, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (events == 0) return [];
        var allowed = DecideReplayAllowance(subscription, options, now);
        if (events > allowed)
            throw new DomainRuleViolation("replay-limit", $"At most {allowed} events may be re-sent now.", Refusal.Exhausted).With("allowed", allowed);
        return [new SubscriptionReplayed(subscription.Id, events, by, now)];
    }

    /// <summary>The wait until the replays of the last hour that still count add up to less than the budget.</summary>
    private TimeSpan ReplayBudgetFreesAfter(ReplayOptions options, DateTimeOffset now)
    {
        var counting = RecentReplays.Where(r => r.At > now - ReplayWindow).OrderBy(r => r.At).ToList();
        var used = counting.Sum(r => r.Events);
        foreach (var replay in counting)
        {
            used -= replay.Events;
            if (used < options.MaxEventsPerHour) return replay.At + ReplayWindow - now;
        }
        return TimeSpan.Zero;
    }
}
