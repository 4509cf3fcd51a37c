namespace CommunitySafety.Governance.Webhooks;

public enum SubscriptionStatus { Active, Paused, Disabled, Deleted }

/// <summary>
/// A signing secret (<c>whsec_</c> + base64 of 32 random bytes), never held in clear: <see cref="Sealed"/> is the secret
/// sealed (AES-256-GCM, base64) under a data key of its own, the <c>DataKey</c> with the id
/// <see cref="Id"/>, itself wrapped by <c>Governance:KeyEncryptionKey</c> outside the database (see
/// <see cref="WebhookSecrets"/>). After a rotation the old one signs too until <see cref="ExpiresAt"/>; then its key is
/// shredded (<see cref="SigningSecretsShredded"/>) and the copies of it in this stream's events can no longer be opened.
/// </summary>
public sealed record SigningSecret(Guid Id, string Sealed, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>When its data key was shredded (set in the snapshot): from then on it cannot be opened and signs nothing.</summary>
    public DateTimeOffset? ShreddedAt { get; init; }
}

public sealed record SubscriptionCreated(
    Guid SubscriptionId, Guid OrganisationId, string Url, IReadOnlyList<string> EventTypes, SigningSecret Secret, string CreatedBy, DateTimeOffset CreatedAt);
public sealed record SubscriptionSecretRotated(Guid SubscriptionId, SigningSecret NewSecret, DateTimeOffset OldSecretsExpireAt, string RotatedBy, DateTimeOffset RotatedAt);
public sealed record SubscriptionPaused(Guid SubscriptionId, string By, DateTimeOffset At);
public sealed record SubscriptionResumed(Guid SubscriptionId, string By, DateTimeOffset At);
/// <summary>The receiver answered 410 Gone: no more deliveries until an admin resumes it.</summary>
public sealed record SubscriptionDisabled(Guid SubscriptionId, string Reason, DateTimeOffset At);
public sealed record SubscriptionDeleted(Guid SubscriptionId, string By, DateTimeOffset At);
/// <summary>The data keys of these secrets were deleted (their grace period ended, or the subscription was deleted).</summary>
public sealed record SigningSecretsShredded(Guid SubscriptionId, IReadOnlyList<Guid> SecretIds, string Reason, DateTimeOffset At);

/// <summary>
/// An agency's webhook subscription to decision events. The snapshot is what delivery reads: where to send, which
/// types, whether active, and the secrets that sign (the newest first).
/// </summary>
public sealed partial record WebhookSubscription(Guid Id, Guid OrganisationId, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt)
{
    public long Version { get; set; }
    public SubscriptionStatus Status { get; init; } = SubscriptionStatus.Active;
    public string? DisabledReason { get; init; }

    /// <summary>Newest first. Never shown by a read endpoint: a secret is returned once, when created or rotated.</summary>
    public IReadOnlyList<SigningSecret> Secrets { get; init; } = [];

    /// <summary>The secrets that sign a delivery at <paramref name="now"/>: the current one and any still in their grace period.</summary>
    public IReadOnlyList<SigningSecret> SigningSecretsAt(DateTimeOffset now) =>
        Secrets.Where(s => s.ShreddedAt is null && (s.ExpiresAt is null || s.ExpiresAt > now)).ToList();

    public bool Wants(string eventType) => Status == SubscriptionStatus.Active && EventTypes.Contains(eventType);

    public static WebhookSubscription Create(SubscriptionCreated e) =>
        new(e.SubscriptionId, e.OrganisationId, e.Url, e.EventTypes, e.CreatedAt) { Secrets = [e.Secret] };

    public WebhookSubscription Apply(SubscriptionSecretRotated e) => this with
    {
        Secrets = [e.NewSecret, .. Secrets.Select(s => s.ExpiresAt is null || s.ExpiresAt > e.OldSecretsExpireAt ? s with { ExpiresAt = e.OldSecretsExpireAt } : s)],
    };

    public WebhookSubscription Apply(SubscriptionPaused e) => this with { Status = SubscriptionStatus.Paused };
    public WebhookSubscription Apply(SubscriptionResumed e) => this with { Status = SubscriptionStatus.Active, DisabledReason = null };
    public WebhookSubscription Apply(SubscriptionDisabled e) => this with { Status = SubscriptionStatus.Disabled, DisabledReason = e.Reason };
    public WebhookSubscription Apply(SubscriptionDeleted e) => this with { Status = SubscriptionStatus.Deleted };

    public WebhookSubscription Apply(SigningSecretsShredded e) => this with
    {
        Secrets = [.. Secrets.Select(s => e.SecretIds.Contains(s.Id) && s.ShreddedAt is null ? s with { ShreddedAt = e.At } : s)],
    };
}
