using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>Webhook subscriptions, their secrets, delivery log and replays, for an organisation's admin.</summary>
public sealed partial class GovernanceApi
{
    public const string Subscriptions = Base + "/subscriptions";

    public const int DeliveriesPerPage = 20;

    public Task<ApiResult<List<WebhookSubscription>>> WebhookSubscriptions(Guid organisationId, CancellationToken ct) =>
        Gateway.Get<List<WebhookSubscription>>(MeetingsApi.Query(Subscriptions, ("organisationId", organisationId.ToString()), ("limit", "500")), ct);

    public Task<ApiResult<WebhookSubscription>> WebhookSubscription(Guid id, CancellationToken ct) =>
        Gateway.Get<WebhookSubscription>($"{Subscriptions}/{id}", ct);

    public Task<ApiResult<WebhookCreated>> CreateWebhookSubscription(NewWebhookSubscription subscription, CancellationToken ct) =>
        Gateway.Post<WebhookCreated>(Subscriptions, subscription, ct);

    public Task<ApiResult<WebhookSecretRotated>> RotateWebhookSecret(Guid id, int graceHours, CancellationToken ct) =>
        Gateway.Post<WebhookSecretRotated>($"{Subscriptions}/{id}/rotate-secret", new WebhookRotation(graceHours), ct);

    public Task<Problem?> PauseWebhookSubscription(Guid id, CancellationToken ct) => Gateway.Send(HttpMethod.Post, $"{Subscriptions}/{id}/pause", null, ct);

    public Task<Problem?> ResumeWebhookSubscription(Guid id, CancellationToken ct) => Gateway.Send(HttpMethod.Post, $"{Subscriptions}/{id}/resume", null, ct);

    public Task<Problem?> DeleteWebhookSubscription(Guid id, CancellationToken ct) => Gateway.Send(HttpMethod.Delete, $"{Subscriptions}/{id}", null, ct);

    /// <summary>The delivery log, newest first, a page at a time.</summary>
    public Task<ApiResult<List<WebhookDelivery>>> WebhookDeliveries(Guid id, int page, CancellationToken ct) =>
        Gateway.Get<List<WebhookDelivery>>(MeetingsApi.Query($"{Subscriptions}/{id}/deliveries", ("limit", DeliveriesPerPage.ToString(CultureInfo.InvariantCulture)),
            ("page", page.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<Problem?> ReplayWebhookDelivery(Guid id, string deliveryId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Subscriptions}/{id}/deliveries/{Uri.EscapeDataString(deliveryId)}/replay", null, ct);

    public Task<ApiResult<WebhookReplayQueued>> ReplayWebhookSince(Guid id, DateTimeOffset since, CancellationToken ct) =>
        Gateway.Post<WebhookReplayQueued>($"{Subscriptions}/{id}/replay", new WebhookReplaySince(since), ct);
}
