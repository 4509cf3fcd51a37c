using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Webhook delivery to a real HTTP receiver on loopback: signing, retries, dead-letter, 410, the log and replay.</summary>
public sealed class DeliveryTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private async Task<(Guid Subscription, string Secret)> Subscribe(Uri url)
    {
        var organisation = await (await _admin.PostJson("/api/governance/organisations", new { name = "Agency " + Guid.NewGuid().ToString("N")[..6], kind = "CooperatingBody" })).CreatedId();
        var created = await (await _admin.PostJson("/api/governance/subscriptions",
            new { organisationId = organisation, url, eventTypes = new[] { DecisionEvents.DecisionRecordedType } })).Json(HttpStatusCode.Created);
        return (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    /// <summary>Hands the event to Governance's intake as the broker would, without waiting for the deliveries it starts.</summary>
    private async Task Deliver(object message)
    {
        using var scope = fixture.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(message);
    }

    private static DecisionRecorded Decision() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Fund the patrols", true, "4", [], DateTimeOffset.UtcNow);

    private async Task<JsonNode?> DeliveryOf(Guid subscription, Guid eventId) =>
        (await (await _admin.GetAsync($"/api/governance/subscriptions/{subscription}/deliveries")).Json(HttpStatusCode.OK))
        .AsArray().SingleOrDefault(d => d!["eventId"]!.GetValue<string>() == eventId.ToString());

    private async Task<string?> StatusOf(Guid subscription, Guid eventId) => (await DeliveryOf(subscription, eventId))?["status"]!.GetValue<string>();

    [Fact]
    public async Task A_decision_is_delivered_signed_and_retried_with_one_webhook_id_until_taken()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var (subscription, secret) = await Subscribe(receiver.Url);
        var decision = Decision();

        await Deliver(decision);
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(receiver.Received.Count >= 3));

        var received = receiver.Received.ToList();
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.All(received, r => Assert.True(WebhookReceiver.Verify(secret, r)));
        Assert.Equal(decision.DecisionId.ToString(), JsonNode.Parse(received[^1].Body)!["id"]!.GetValue<string>());
        await Probes.Eventually(TimeSpan.FromSeconds(10), async () => await StatusOf(subscription, decision.DecisionId) == "Delivered");
        var delivery = (await DeliveryOf(subscription, decision.DecisionId))!;
        Assert.Equal([500, 503, 200], delivery["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task After_the_last_attempt_a_delivery_is_dead_lettered_and_can_be_replayed_and_410_disables_the_subscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 500, 200);
        var (subscription, _) = await Subscribe(receiver.Url);
        var decision = Decision();
        await Deliver(decision);
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () => await StatusOf(subscription, decision.DecisionId) == "DeadLettered");
        Assert.Equal(3, receiver.Received.Count);

        var deliveryId = (await DeliveryOf(subscription, decision.DecisionId))!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/deliveries/{deliveryId}/replay", null)).StatusCode);
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () => await StatusOf(subscription, decision.DecisionId) == "Delivered");
        Assert.Equal(4, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());

        await using var gone = await WebhookReceiver.StartAsync(410);
        var (goneSubscription, _) = await Subscribe(gone.Url);
        await Deliver(Decision());
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await (await _admin.GetAsync($"/api/governance/subscriptions/{goneSubscription}")).Json(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Disabled");
        await (await _admin.PostJson($"/api/governance/subscriptions/{goneSubscription}/replay", new { since = DateTimeOffset.UtcNow.AddHours(-1) }))
            .Problem(HttpStatusCode.Conflict, "subscription-not-active");
    }

    [Fact]
    public async Task Replay_since_a_time_sends_the_events_a_new_receiver_missed_and_the_log_refuses_bad_input()
    {
        var earlier = Decision();
        await Deliver(earlier);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, _) = await Subscribe(receiver.Url);

        var replayed = await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/replay", new { since = DateTimeOffset.UtcNow.AddMinutes(-5) }))
            .Json(HttpStatusCode.Accepted);
        Assert.True(replayed["events"]!.GetValue<int>() >= 1);
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(earlier.DecisionId.ToString()))));

        await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/replay", new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _admin.GetAsync($"/api/governance/subscriptions/{subscription}/deliveries?limit=0")).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _admin.GetAsync($"/api/governance/subscriptions/{Guid.NewGuid()}/deliveries")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/deliveries/msg_nothing/replay", null)).Problem(HttpStatusCode.NotFound, "delivery-not-found");
        await (await fixture.ClientFor(Guid.NewGuid(), GovernanceRoles.OrganisationAdmin).GetAsync($"/api/governance/subscriptions/{subscription}/deliveries"))
            .Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAsync($"/api/governance/subscriptions/{subscription}/deliveries")).StatusCode);
    }
}
