using System.Diagnostics;
using System.Text;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// Webhook delivery through Wolverine's durable inbox and outbox: creating the deliveries, scheduling the attempts and
/// recording each outcome commit together, so a crash loses no delivery (at worst one attempt is repeated, with the
/// same <c>webhook-id</c>).
/// </summary>
public static class DeliveryHandler
{
    public const string HttpClientName = "webhooks";

    /// <summary>A new decision event: one delivery per active subscription that wants its type, each attempted at once.</summary>
    public static async Task<OutgoingMessages> Handle(FanOutDecisionEvent message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var e = message.Event;
        var subscriptions = await session.Query<WebhookSubscription>()
            .Where(s => s.Status == SubscriptionStatus.Active && s.EventTypes.Contains(e.Type))
            .ToListAsync(ct);
        var body = e.ToJson();
        var attempts = new OutgoingMessages();
        foreach (var subscription in subscriptions)
            if (await Start(session, subscription.Id, e.Id, e.Type, e.Time, body, clock.GetUtcNow(), ct) is { } attempt) attempts.Add(attempt);
        return attempts;
    }

    /// <summary>
    /// Creates the delivery (or, for a replay, starts a new round of one that exists) and answers the attempt to send now
    /// (null when the delivery is already on its way): returned by the handler or endpoint, it leaves with the commit.
    /// </summary>
    // Not a message handler, although Wolverine's conventions take a public static "Start" for one (pre-generating
    // the code, `codegen write`, fails on it).
    [Wolverine.Attributes.WolverineIgnore]
    public static async Task<AttemptDelivery?> Start(IDocumentSession session, Guid subscriptionId, string eventId, string eventType,
        DateTimeOffset eventTime, string body, DateTimeOffset now, CancellationToken ct)
    {
        var id = WebhookDelivery.IdFor(subscriptionId, eventId);
        var delivery = await session.LoadAsync<WebhookDelivery>(id, ct) ?? new WebhookDelivery
        {
            Id = id, SubscriptionId = subscriptionId, EventId = eventId, EventType = eventType, EventTime = eventTime, Body = body, CreatedAt = now,
        };
        if (delivery.Status == DeliveryStatus.Pending && delivery.Attempts.Count > 0) return null; // already on its way
        delivery.Status = DeliveryStatus.Pending;
        delivery.Reason = null;
        delivery.RoundAttempts = 0;
        delivery.NextAttemptAt = now;
        session.Store(delivery);
        return new AttemptDelivery(id);
    }

    public static async Task Handle(AttemptDelivery message, IDocumentSession session, IMessageBus bus, IHttpClientFactory http,
        DeliveryOptions options, WebhookOptions urls, DataKeys keys, TimeProvider clock, ILogger<WebhookDelivery> logger, CancellationToken ct)
    {
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct);
        if (delivery is not { Status: DeliveryStatus.Pending }) return; // delivered, dead-lettered or skipped meanwhile
        var subscription = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
        if (subscription is not { Status: SubscriptionStatus.Active })
        {
            delivery.Status = DeliveryStatus.Skipped;
            delivery.Reason = $"The subscription is {subscription?.Status.ToString().ToLowerInvariant() ?? "gone"}; replay the delivery once it is active.";
            session.Store(delivery);
            return;
        }

        var now = clock.GetUtcNow();
        var number = delivery.Attempts.Count + 1;
        int? status = null;
        string? error = null;
        TimeSpan? retryAfter = null;
        var watch = Stopwatch.StartNew();
        // opened only here, to sign, and never stored or sent in clear
        var secrets = await WebhookSecrets.SigningAsync(session, keys, subscription, now, ct);
        try
        {
            if (secrets.Count == 0) throw new WebhookSigningException("No signing secret of the subscription can be opened.");
            // checked again at every attempt (the name may resolve elsewhere than when the subscription was made), and
            // the connection itself is checked against the address it reaches (WebhookHttp)
            if (await WebhookUrls.CheckAsync(new Uri(subscription.Url), urls, ct) is { } refusal) throw new WebhookAddressRefusedException(refusal);
            var timestamp = now.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/cloudevents+json"),
            };
            request.Headers.TryAddWithoutValidation("webhook-id", delivery.Id);
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature",
                StandardWebhooks.SignatureHeader(secrets, delivery.Id, timestamp, delivery.Body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            retryAfter = RetryPolicy.ParseRetryAfter(response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null, now);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or WebhookAddressRefusedException
                                       or WebhookSigningException && !ct.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"No answer within {options.TimeoutSeconds} s." : ex.Message;
        }
        watch.Stop();

        delivery.Attempts.Add(new DeliveryAttempt(number, now, status, watch.ElapsedMilliseconds, error));
        delivery.RoundAttempts++;
        switch (RetryPolicy.Judge(status, delivery.RoundAttempts, options))
        {
            case AttemptVerdict.Delivered:
                delivery.Status = DeliveryStatus.Delivered;
                delivery.NextAttemptAt = null;
                break;
            case AttemptVerdict.Gone:
                delivery.Status = DeliveryStatus.DeadLettered;
                delivery.Reason = "The receiver answered 410 Gone: the subscription is disabled.";
                delivery.NextAttemptAt = null;
                session.Events.Append(subscription.Id, new SubscriptionDisabled(subscription.Id, "The endpoint answered 410 Gone.", now));
                break;
            case AttemptVerdict.Retry:
                var wait = RetryPolicy.NextDelay(delivery.RoundAttempts, options, retryAfter, Random.Shared.NextDouble());
                delivery.NextAttemptAt = now + wait;
                await bus.ScheduleAsync(new AttemptDelivery(delivery.Id), wait);
                break;
            default:
                delivery.Status = DeliveryStatus.DeadLettered;
                delivery.Reason = $"No 2xx answer after {delivery.RoundAttempts} attempts.";
                delivery.NextAttemptAt = null;
                logger.LogWarning("Webhook delivery {DeliveryId} to subscription {SubscriptionId} dead-lettered", delivery.Id, delivery.SubscriptionId);
                break;
        }
        session.Store(delivery);
    }
}

/// <summary>The delivery cannot be signed (no secret of the subscription opens): the attempt fails and is retried like any other.</summary>
public sealed class WebhookSigningException(string reason) : Exception(reason);
