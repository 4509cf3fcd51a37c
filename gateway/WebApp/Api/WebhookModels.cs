namespace CommunitySafety.Web.Api;

// Governance's webhook subscriptions (/api/governance/subscriptions…) as an organisation's integrators manage them. A
// signing secret is in an answer only once (create, rotate-secret); reads never carry it.

public enum WebhookStatus { Active, Paused, Disabled, Deleted }

public enum WebhookDeliveryStatus { Pending, Delivered, DeadLettered, Skipped }

public sealed record WebhookSecretView(DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ShreddedAt);

public sealed record WebhookSubscription(
    Guid Id, Guid OrganisationId, string Url, IReadOnlyList<string> EventTypes, WebhookStatus Status, string? DisabledReason, DateTimeOffset CreatedAt,
    IReadOnlyList<WebhookSecretView> Secrets, long Version);

public sealed record NewWebhookSubscription(Guid OrganisationId, string Url, IReadOnlyList<string> EventTypes);

/// <summary>The answer to a creation: the secret, shown to the admin once.</summary>
public sealed record WebhookCreated(Guid Id, string Url, string Secret);

public sealed record WebhookRotation(int GraceHours);

public sealed record WebhookSecretRotated(string Secret, DateTimeOffset OldSecretsExpireAt);

public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

public sealed record WebhookDelivery(
    string Id, Guid SubscriptionId, string EventId, string EventType, DateTimeOffset EventTime, WebhookDeliveryStatus Status, string? Reason,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<WebhookAttempt> Attempts);

public sealed record WebhookReplaySince(DateTimeOffset Since);

public sealed record WebhookReplayQueued(int Events, DateTimeOffset? Next, int LeftThisHour);

/// <summary>The decision events an agency may subscribe to, in words.</summary>
public static class WebhookEventTypes
{
    public const string DecisionRecorded = "uk.gov.csp.meetings.decision.recorded.v1";
    public const string GrantAwarded = "uk.gov.csp.funding.grant.awarded.v1";

    public static readonly IReadOnlyList<(string Type, string Name)> All =
        [(DecisionRecorded, "A decision recorded at a meeting"), (GrantAwarded, "A grant awarded")];

    public static string Name(string type) => All.FirstOrDefault(t => t.Type == type).Name ?? type;
}
