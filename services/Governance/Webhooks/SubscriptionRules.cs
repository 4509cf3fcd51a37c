using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Webhooks;

// The rules of subscriptions (pure: state + command → events, or a DomainRuleViolation). Who may act is part of them:
// actingOrganisation is null for a governance admin (any organisation), else the organisation admin's own organisation.
public sealed partial record WebhookSubscription
{
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 168;

    /// <summary>Refuses an organisation admin acting for another organisation (403).</summary>
    public static void EnsureMayManage(Guid organisationId, Guid? actingOrganisation)
    {
        if (actingOrganisation is { } acting && acting != organisationId)
            throw new DomainRuleViolation("not-your-organisation",
                    "An organisation admin manages only their own organisation's webhook subscriptions.", Refusal.Forbidden)
                .With("organisationId", organisationId);
    }

    /// <summary>
    /// A new subscription with its first secret, <paramref name="secretId"/>: <paramref name="seal"/> seals it (creating its
    /// data key) and is called only once every rule has passed.
    /// </summary>
    public static SubscriptionCreated DecideCreate(
        Guid id, Organisation? organisation, Guid organisationId, Guid? actingOrganisation, Uri url, IReadOnlyList<string> eventTypes,
        Guid secretId, Func<string> seal, string by, DateTimeOffset now)
    {
        EnsureMayManage(organisationId, actingOrganisation);
        if (organisation is null)
            throw new DomainRuleViolation("organisation-not-registered",
                $"Organisation '{organisationId}' is not registered with the partnership.", Refusal.Inconsistent);
        var unknown = eventTypes.Where(t => !DecisionEvents.Types.Contains(t)).ToList();
        if (unknown.Count > 0 || eventTypes.Count == 0)
            throw new DomainRuleViolation("unknown-event-type",
                $"A subscription names one or more of: {string.Join(", ", DecisionEvents.Types)}.", Refusal.OutOfRange).With("unknown", unknown);

        return new SubscriptionCreated(id, organisationId, url.AbsoluteUri, eventTypes.Distinct().ToList(),
            new SigningSecret(secretId, seal(), now, null), by, now);
    }

    /// <summary>
    /// A new secret, <paramref name="secretId"/> (sealed by <paramref name="seal"/>, called only if the rotation is allowed),
    /// signs from now on; the others sign too until the grace period ends, and are then shredded (<see cref="DecideShredExpired"/>).
    /// </summary>
    public static IReadOnlyList<object> DecideRotate(
        WebhookSubscription subscription, Guid? actingOrganisation, Guid secretId, Func<string> seal, int graceHours, string by, DateTimeOffset now)
    {
        subscription.EnsureLive(actingOrganisation);
        if (graceHours is < 0 or > MaxGraceHours)
            throw new DomainRuleViolation("grace-out-of-range", $"The grace period is 0 to {MaxGraceHours} hours.", Refusal.OutOfRange);
        return [new SubscriptionSecretRotated(subscription.Id, new SigningSecret(secretId, seal(), now, null), now.AddHours(graceHours), by, now)];
    }

    /// <summary>
    /// The secrets whose grace period is over by <paramref name="now"/> and whose data keys still exist: their keys are
    /// to be shredded, so an old secret cannot be recovered from the stream once it no longer signs. Nothing when none is due.
    /// </summary>
    public static IReadOnlyList<object> DecideShredExpired(WebhookSubscription subscription, DateTimeOffset now)
    {
        var expired = subscription.Secrets.Where(s => s.ShreddedAt is null && s.ExpiresAt <= now).Select(s => s.Id).ToList();
        return expired.Count == 0 ? [] : [new SigningSecretsShredded(subscription.Id, expired, "The grace period after a rotation ended.", now)];
    }

    /// <summary>When the next secret still held stops signing (null: none is due to).</summary>
    public DateTimeOffset? NextSecretExpiry() =>
        Secrets.Where(s => s.ShreddedAt is null && s.ExpiresAt is not null).Min(s => s.ExpiresAt);

    public static IReadOnlyList<object> DecidePause(WebhookSubscription subscription, Guid? actingOrganisation, string by, DateTimeOffset now)
    {
        subscription.EnsureLive(actingOrganisation);
        return subscription.Status switch
        {
            SubscriptionStatus.Paused => throw new DomainRuleViolation("subscription-already-paused", "The subscription is already paused."),
            SubscriptionStatus.Disabled => throw new DomainRuleViolation("subscription-disabled",
                    $"The subscription is disabled ({subscription.DisabledReason}) and receives nothing; resume it to re-enable it.")
                .With("disabledReason", subscription.DisabledReason),
            _ => [new SubscriptionPaused(subscription.Id, by, now)],
        };
    }

    /// <summary>Resumes a paused subscription, or re-enables one the receiver disabled (410 Gone).</summary>
    public static IReadOnlyList<object> DecideResume(WebhookSubscription subscription, Guid? actingOrganisation, string by, DateTimeOffset now)
    {
        subscription.EnsureLive(actingOrganisation);
        if (subscription.Status == SubscriptionStatus.Active)
            throw new DomainRuleViolation("subscription-already-active", "The subscription is already active.");
        return [new SubscriptionResumed(subscription.Id, by, now)];
    }

    /// <summary>Deletes the subscription and shreds every secret it still holds: nothing of them can be opened afterwards.</summary>
    public static IReadOnlyList<object> DecideDelete(WebhookSubscription subscription, Guid? actingOrganisation, string by, DateTimeOffset now)
    {
        subscription.EnsureLive(actingOrganisation);
        var held = subscription.Secrets.Where(s => s.ShreddedAt is null).Select(s => s.Id).ToList();
        return held.Count == 0
            ? [new SubscriptionDeleted(subscription.Id, by, now)]
            : [new SubscriptionDeleted(subscription.Id, by, now), new SigningSecretsShredded(subscription.Id, held, "The subscription was deleted.", now)];
    }

    private void EnsureLive(Guid? actingOrganisation)
    {
        EnsureMayManage(OrganisationId, actingOrganisation);
        if (Status == SubscriptionStatus.Deleted)
            throw new DomainRuleViolation("subscription-deleted", "The subscription was deleted: it can no longer be changed.");
    }
}

/// <summary>A subscription as the read endpoints show it: never its secrets, only when each was created, expires and was shredded.</summary>
public sealed record WebhookSubscriptionView(
    Guid Id, Guid OrganisationId, string Url, IReadOnlyList<string> EventTypes, SubscriptionStatus Status, string? DisabledReason,
    DateTimeOffset CreatedAt, IReadOnlyList<SigningSecretView> Secrets, long Version)
{
    public static WebhookSubscriptionView Of(WebhookSubscription s) =>
        new(s.Id, s.OrganisationId, s.Url, s.EventTypes, s.Status, s.DisabledReason, s.CreatedAt,
            s.Secrets.Select(x => new SigningSecretView(x.CreatedAt, x.ExpiresAt, x.ShreddedAt)).ToList(), s.Version);
}

public sealed record SigningSecretView(DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ShreddedAt);
