using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// Signing secrets at rest: each secret has a data key of its own (<see cref="DataKey"/> id = the secret's id), wrapped by
/// <c>Governance:KeyEncryptionKey</c>, which is held outside the database. Events and the snapshot hold only the sealed
/// secret. A key per secret, not per subscription, because a stream's events cannot be rewritten: the creation event
/// keeps the first secret's ciphertext for as long as the stream exists, so an old secret can be made unrecoverable
/// only by deleting a key that sealed it alone.
/// </summary>
public static class WebhookSecrets
{
    /// <summary>The secrets that sign a delivery to <paramref name="subscription"/> at <paramref name="now"/>, opened (newest first).</summary>
    public static async Task<IReadOnlyList<string>> SigningAsync(IQuerySession session, DataKeys keys, WebhookSubscription subscription,
        DateTimeOffset now, CancellationToken ct)
    {
        var signing = subscription.SigningSecretsAt(now);
        var opened = await keys.OpenTextsAsync(session, signing.ToDictionary(s => s.Id, s => s.Sealed), ct);
        return [.. signing.Where(s => opened.ContainsKey(s.Id)).Select(s => opened[s.Id])];
    }

    /// <summary>Deletes the data keys of the secrets <paramref name="events"/> shred, in the session's transaction.</summary>
    public static void Shred(IDocumentSession session, DataKeys keys, IEnumerable<object> events)
    {
        foreach (var id in events.OfType<SigningSecretsShredded>().SelectMany(e => e.SecretIds))
            keys.Shred(session, id);
    }
}

/// <summary>Scheduled at a rotation for the end of its grace period: shred the secrets that no longer sign.</summary>
public sealed record ShredExpiredSecrets(Guid SubscriptionId);

public static class ExpiredSecretsHandler
{
    /// <summary>The shredding, scheduled durably (Wolverine's inbox) in the rotation's transaction.</summary>
    public static OutgoingMessages Schedule(SubscriptionSecretRotated rotated)
    {
        var shred = new OutgoingMessages();
        shred.Schedule(new ShredExpiredSecrets(rotated.SubscriptionId), rotated.OldSecretsExpireAt);
        return shred;
    }

    public static (Events, OutgoingMessages) Handle(ShredExpiredSecrets message,
        [WriteAggregate(nameof(ShredExpiredSecrets.SubscriptionId), Required = false)] WebhookSubscription? subscription, IDocumentSession session,
        DataKeys keys, TimeProvider clock)
    {
        var later = new OutgoingMessages();
        if (subscription is null) return ([], later);
        var now = clock.GetUtcNow();
        var events = WebhookSubscription.DecideShredExpired(subscription, now);
        // come before its time (another node's clock): ask again for when the next secret expires
        if (events.Count == 0 && subscription.NextSecretExpiry() is { } next && next > now) later.Schedule(message, next);
        WebhookSecrets.Shred(session, keys, events);
        return ([.. events], later);
    }
}
