using System.Net;
using System.Text.Json;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults.DataProtection;
using CommunitySafety.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Signing secrets at rest: sealed under a data key per secret (wrapped by a key outside the database), so no table of
/// Governance's database — events, snapshots, Wolverine's inbox and outbox — reveals one; deliveries still sign with
/// them; an old secret's key is shredded when its grace period ends, and every key when the subscription is deleted.
/// </summary>
public sealed class WebhookSecretTests(GovernanceFixture fixture)
{
    private const string SubscriptionsUrl = "/api/governance/subscriptions";
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);
    private static string Database => Environment.GetEnvironmentVariable("ConnectionStrings__governance")!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<(Guid Id, string Secret)> Subscribe(Uri url)
    {
        var organisation = await (await _admin.PostJson("/api/governance/organisations",
            new { name = "Agency " + Guid.NewGuid().ToString("N")[..6], kind = "CooperatingBody" })).CreatedId();
        var created = await (await _admin.PostJson(SubscriptionsUrl,
            new { organisationId = organisation, url, eventTypes = new[] { DecisionEvents.DecisionRecordedType } })).Json(HttpStatusCode.Created);
        return (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    private async Task<(string Secret, DateTimeOffset OldSecretsExpireAt)> Rotate(Guid id, int graceHours)
    {
        var body = await (await _admin.PostJson($"{SubscriptionsUrl}/{id}/rotate-secret", new { graceHours })).Json(HttpStatusCode.OK);
        return (body["secret"]!.GetValue<string>(), body["oldSecretsExpireAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>A decision event for every subscription that wants it (not through the feed: these tests are about signing).</summary>
    private async Task<string> Deliver()
    {
        var id = Guid.NewGuid().ToString();
        var e = new CloudEvent(id, "/api/meetings", DecisionEvents.DecisionRecordedType, "1.0", DateTimeOffset.UtcNow, $"meetings/x/decisions/{id}",
            "application/json", JsonSerializer.SerializeToElement(new { decisionId = id, text = "Fund the patrols" }));
        using var scope = fixture.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new FanOutDecisionEvent(e), Ct);
        return id;
    }

    private static async Task<ReceivedWebhook> Arrival(WebhookReceiver receiver, string eventId)
    {
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(eventId))));
        return receiver.Received.First(r => r.Body.Contains(eventId));
    }

    private async Task<WebhookSubscription> Stored(Guid id)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<WebhookSubscription>(id, Ct))!;
    }

    private async Task<bool> KeyExists(Guid secretId)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<DataKey>(secretId, Ct) is not null;
    }

    /// <summary>
    /// Every form the database could hold a secret in: the secret as issued, its base64 part alone, and its key bytes
    /// (as hex, the way PostgreSQL prints bytea) — each searched in clear, hex and base64 by the probe.
    /// </summary>
    private static async Task<IReadOnlyList<string>> Revealing(string secret)
    {
        var key = StandardWebhooks.Key(secret);
        var hits = new List<string>();
        foreach (var form in new[] { secret, secret[StandardWebhooks.SecretPrefix.Length..], Convert.ToHexString(key) })
            hits.AddRange(await Probes.RowsRevealing(Database, form));
        return hits;
    }

    /// <summary>The scheduled shredding as if it ran at <paramref name="now"/>: the handler's events appended as Wolverine would.</summary>
    private async Task RunShredding(Guid subscription, DateTimeOffset now)
    {
        await using var session = fixture.Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<WebhookSubscription>(subscription, Ct);
        var (events, _) = ExpiredSecretsHandler.Handle(new ShredExpiredSecrets(subscription), stream.Aggregate, session,
            fixture.Host.Services.GetRequiredService<DataKeys>(), new FixedClock(now));
        stream.AppendMany(events);
        await session.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task No_table_reveals_a_secret_both_sign_during_the_grace_period_and_afterwards_the_old_one_is_shredded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, first) = await Subscribe(receiver.Url);
        Assert.Empty(await Revealing(first));

        var (second, expiresAt) = await Rotate(id, graceHours: 1);
        var firstId = (await Stored(id)).Secrets.Single(s => s.ExpiresAt is not null).Id;

        // during the grace period a delivery carries a signature under each secret
        var during = await Arrival(receiver, await Deliver());
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(WebhookReceiver.Verify(first, during), "the old secret verifies during the grace period");
        Assert.True(WebhookReceiver.Verify(second, during), "the new secret verifies");

        // the shredding waits in Wolverine's persisted inbox for the end of the grace period
        var scheduled = Assert.Single(await ScheduledMessages.About(Database, id), m => m.MessageType.Contains(nameof(ShredExpiredSecrets)));
        Assert.Equal(ScheduledMessages.AsStored(expiresAt), scheduled.ExecutionTime);
        await RunShredding(id, expiresAt.AddMinutes(-1)); // early (another node's clock): shreds nothing
        Assert.True(await KeyExists(firstId));

        await RunShredding(id, expiresAt);
        Assert.False(await KeyExists(firstId));
        var secrets = (await (await _admin.GetAsync($"{SubscriptionsUrl}/{id}")).Json(HttpStatusCode.OK))["secrets"]!.AsArray();
        Assert.Equal([false, true], secrets.Select(s => s!["shreddedAt"] is not null)); // newest first: only the old one is gone

        var after = await Arrival(receiver, await Deliver());
        Assert.Single(after.Signature.Split(' '));
        Assert.True(WebhookReceiver.Verify(second, after));
        Assert.False(WebhookReceiver.Verify(first, after));

        // neither secret, in any form, in any table (events, snapshots, data keys, Wolverine's inbox, outbox, dead letters)
        Assert.Empty(await Revealing(first));
        Assert.Empty(await Revealing(second));
    }

    [Fact]
    public async Task A_rotation_without_grace_has_the_old_secret_shredded_by_the_scheduled_message_itself()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, first) = await Subscribe(receiver.Url);
        var (second, _) = await Rotate(id, graceHours: 0);
        var firstId = (await Stored(id)).Secrets.Single(s => s.ExpiresAt is not null).Id;

        await Probes.Eventually(TimeSpan.FromSeconds(30), async () => !await KeyExists(firstId))
            .Explained(() => "the scheduled ShredExpiredSecrets did not run");
        Assert.NotNull((await Stored(id)).Secrets.Single(s => s.Id == firstId).ShreddedAt);

        var delivered = await Arrival(receiver, await Deliver());
        Assert.True(WebhookReceiver.Verify(second, delivered));
        Assert.False(WebhookReceiver.Verify(first, delivered));
        Assert.Empty(await Revealing(first));
        Assert.Empty(await Revealing(second));
    }

    [Fact]
    public async Task Deleting_a_subscription_shreds_every_secret_it_held()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, first) = await Subscribe(receiver.Url);
        var (second, _) = await Rotate(id, graceHours: 24);
        var secretIds = (await Stored(id)).Secrets.Select(s => s.Id).ToList();
        Assert.Equal(2, secretIds.Count);
        Assert.True(await KeyExists(secretIds[0]) && await KeyExists(secretIds[1]));

        var deleted = await _admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{SubscriptionsUrl}/{id}"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("\"4\"", deleted.ETag()); // created, rotated, deleted, its secrets shredded
        foreach (var secretId in secretIds) Assert.False(await KeyExists(secretId));
        var view = await (await _admin.GetAsync($"{SubscriptionsUrl}/{id}")).Json(HttpStatusCode.OK);
        Assert.All(view["secrets"]!.AsArray(), s => Assert.NotNull(s!["shreddedAt"]));
        Assert.Empty(await Revealing(first));
        Assert.Empty(await Revealing(second));

        // the shredding scheduled by the rotation finds nothing left to do
        await RunShredding(id, DateTimeOffset.UtcNow.AddDays(2));
        Assert.Equal(4, (await Stored(id)).Version);
    }
}
