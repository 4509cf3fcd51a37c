using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How much a subscription may have re-sent: per call, and over any hour by both replay endpoints.</summary>
public sealed class ReplayBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReplayOptions Options = new() { MaxEventsPerCall = 500, MaxEventsPerHour = 2_000 };

    private static WebhookSubscription Subscription(params (TimeSpan Ago, int Events)[] replays)
    {
        var subscription = new WebhookSubscription(Guid.NewGuid(), Guid.NewGuid(), "https://police.example/hooks", [DecisionEvents.DecisionRecordedType],
            Now.AddDays(-1));
        return replays.Aggregate(subscription, (s, r) => s.Apply(new SubscriptionReplayed(s.Id, r.Events, "Jo", Now - r.Ago)));
    }

    [Fact]
    public void A_replay_may_queue_the_per_call_cap_or_what_is_left_of_the_hours_budget()
    {
        Assert.Equal(500, WebhookSubscription.DecideReplayAllowance(Subscription(), Options, Now));
        Assert.Equal(500, WebhookSubscription.DecideReplayAllowance(Subscription((TimeSpan.FromMinutes(30), 1_500)), Options, Now));
        Assert.Equal(200, WebhookSubscription.DecideReplayAllowance(Subscription((TimeSpan.FromMinutes(50), 1_000), (TimeSpan.FromMinutes(5), 800)), Options, Now));
    }

    [Fact]
    public void Replays_more_than_an_hour_ago_no_longer_count()
    {
        var subscription = Subscription((TimeSpan.FromHours(3), 2_000), (TimeSpan.FromMinutes(60), 2_000), (TimeSpan.FromMinutes(59), 1_900));
        Assert.Equal(1_900, subscription.ReplayedInHourBefore(Now));
        Assert.Equal(100, WebhookSubscription.DecideReplayAllowance(subscription, Options, Now));
        // the snapshot keeps only the replays of the hour before its newest one
        Assert.Equal([Now.AddMinutes(-60), Now.AddMinutes(-59)], subscription.RecentReplays.Select(r => r.At));
    }

    [Fact]
    public void A_spent_budget_is_a_429_replay_limit_that_says_when_some_of_it_frees()
    {
        // 1,500 fifty minutes ago and 500 ten minutes ago: nothing left until the first no longer counts, in ten minutes
        var spent = Subscription((TimeSpan.FromMinutes(50), 1_500), (TimeSpan.FromMinutes(10), 500));
        var refusal = Assert.Throws<DomainRuleViolation>(() => WebhookSubscription.DecideReplayAllowance(spent, Options, Now));
        Assert.Equal("replay-limit", refusal.Rule);
        Assert.Equal(Refusal.Exhausted, refusal.Kind);
        Assert.Contains("2000 events re-sent in an hour", refusal.Message);
        Assert.Equal(TimeSpan.FromMinutes(10), refusal.RetryAfter);
        Assert.Equal(600L, refusal.Facts["retryAfterSeconds"]);

        // a budget lowered below what was already sent waits until enough of it no longer counts
        var lowered = new ReplayOptions { MaxEventsPerCall = 500, MaxEventsPerHour = 400 };
        var refused = Assert.Throws<DomainRuleViolation>(() => WebhookSubscription.DecideReplayAllowance(spent, lowered, Now));
        Assert.Equal(TimeSpan.FromMinutes(50), refused.RetryAfter);
    }

    [Fact]
    public void A_replay_is_recorded_with_its_count_and_none_when_nothing_was_sent()
    {
        var subscription = Subscription((TimeSpan.FromMinutes(50), 1_800));
        Assert.Empty(WebhookSubscription.DecideReplay(subscription, 0, Options, "Jo", Now));
        var replayed = Assert.IsType<SubscriptionReplayed>(Assert.Single(WebhookSubscription.DecideReplay(subscription, 200, Options, "Jo", Now)));
        Assert.Equal(new SubscriptionReplayed(subscription.Id, 200, "Jo", Now), replayed);
        Assert.Equal(2_000, subscription.Apply(replayed).ReplayedInHourBefore(Now));
        Assert.Equal("replay-limit", Assert.Throws<DomainRuleViolation>(() => WebhookSubscription.DecideReplay(subscription, 201, Options, "Jo", Now)).Rule);
    }

    [Theory]
    [InlineData(0, 2_000)]
    [InlineData(500, 0)]
    public void Budgets_must_be_at_least_one(int perCall, int perHour) =>
        Assert.NotEmpty(new ReplayOptions { MaxEventsPerCall = perCall, MaxEventsPerHour = perHour }.Faults());

    [Fact]
    public void Retry_after_is_whole_seconds_rounded_up() =>
        Assert.Equal(TimeSpan.FromSeconds(2), new DomainRuleViolation("r", "d").RetryingAfter(TimeSpan.FromMilliseconds(1_200)).RetryAfter);
}
