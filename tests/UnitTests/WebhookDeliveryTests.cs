using CommunitySafety.Governance.Webhooks;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class WebhookDeliveryTests
{
    private static readonly DeliveryOptions Options = new() { RetryScheduleSeconds = [10, 60, 600], Jitter = 0.2 };

    [Theory]
    [InlineData(200, 1, AttemptVerdict.Delivered)]
    [InlineData(204, 4, AttemptVerdict.Delivered)]
    [InlineData(299, 2, AttemptVerdict.Delivered)]
    [InlineData(410, 1, AttemptVerdict.Gone)]
    [InlineData(500, 1, AttemptVerdict.Retry)]
    [InlineData(301, 1, AttemptVerdict.Retry)]     // redirects are not followed: not delivered
    [InlineData(null, 3, AttemptVerdict.Retry)]    // no answer (timeout, refused connection)
    [InlineData(500, 4, AttemptVerdict.DeadLetter)] // three waits scheduled → four attempts in all
    [InlineData(429, 4, AttemptVerdict.DeadLetter)]
    public void Any_2xx_delivers_410_disables_and_anything_else_retries_while_the_schedule_lasts(int? status, int attempts, AttemptVerdict expected) =>
        Assert.Equal(expected, RetryPolicy.Judge(status, attempts, Options));

    [Fact]
    public void Waits_follow_the_schedule_with_jitter_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RetryPolicy.NextDelay(1, Options, null, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(8), RetryPolicy.NextDelay(1, Options, null, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(72), RetryPolicy.NextDelay(2, Options, null, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(600), RetryPolicy.NextDelay(3, Options, null, 0.5));
    }

    [Fact]
    public void Retry_After_is_honoured_in_seconds_or_as_a_date_and_capped()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.ParseRetryAfter("120", now));
        Assert.Equal(TimeSpan.FromMinutes(5), RetryPolicy.ParseRetryAfter("Mon, 23 Nov 2026 10:05:00 GMT", now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now));
        Assert.Null(RetryPolicy.ParseRetryAfter("soon", now));
        Assert.Null(RetryPolicy.ParseRetryAfter(null, now));

        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.NextDelay(1, Options, TimeSpan.FromSeconds(120), 0.9));
        Assert.Equal(TimeSpan.FromHours(24), RetryPolicy.NextDelay(1, Options, TimeSpan.FromDays(30), 0.5));
    }

    [Fact]
    public void The_default_schedule_is_Standard_Webhooks_and_a_delivery_keeps_one_webhook_id()
    {
        Assert.Equal([5, 300, 1800, 7200, 18000, 36000, 36000], new DeliveryOptions().Schedule);
        var subscription = Guid.NewGuid();
        Assert.Equal(WebhookDelivery.IdFor(subscription, "e1"), WebhookDelivery.IdFor(subscription, "e1"));
        Assert.NotEqual(WebhookDelivery.IdFor(subscription, "e1"), WebhookDelivery.IdFor(Guid.NewGuid(), "e1"));
        Assert.StartsWith("msg_", WebhookDelivery.IdFor(subscription, "e1"));
        Assert.Empty(Options.Faults());
        Assert.Equal("Jitter must be in [0, 1).", Assert.Single(new DeliveryOptions { Jitter = 1.5 }.Faults()));
    }
}
