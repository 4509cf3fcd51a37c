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
        var since = DateTimeOffset.UtcNow;
        var earlier = Decision();
        await Deliver(earlier);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, _) = await Subscribe(receiver.Url);

        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/replay", new { since })).Json(HttpStatusCode.Accepted))["events"]!
            .GetValue<int>() == 1);
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(earlier.DecisionId.ToString()))));

        await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/replay", new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _admin.GetAsync($"/api/governance/subscriptions/{subscription}/deliveries?limit=0")).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _admin.GetAsync($"/api/governance/subscriptions/{Guid.NewGuid()}/deliveries")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/deliveries/msg_nothing/replay", null)).Problem(HttpStatusCode.NotFound, "delivery-not-found");
        await (await fixture.ClientFor(Guid.NewGuid(), GovernanceRoles.OrganisationAdmin).GetAsync($"/api/governance/subscriptions/{subscription}/deliveries"))
            .Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAsync($"/api/governance/subscriptions/{subscription}/deliveries")).StatusCode);
    }

    private string ReplayUrl(Guid subscription) => $"/api/governance/subscriptions/{subscription}/replay";

    /// <summary>A subscription whose <paramref name="receiver"/> has had <paramref name="count"/> new decisions, taken in at or after the time returned.</summary>
    private async Task<(Guid Subscription, DateTimeOffset Since, List<DecisionRecorded> Decisions)> SubscriptionWithDecisions(WebhookReceiver receiver, int count)
    {
        var (subscription, _) = await Subscribe(receiver.Url);
        var since = DateTimeOffset.UtcNow;
        var decisions = Enumerable.Range(0, count).Select(_ => Decision()).ToList();
        foreach (var decision in decisions) await Deliver(decision);
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(decisions.All(d => Received(receiver, d) == 1)));
        return (subscription, since, decisions);
    }

    private static int Received(WebhookReceiver receiver, DecisionRecorded decision) =>
        receiver.Received.Count(r => r.Body.Contains(decision.DecisionId.ToString()));

    private async Task<IReadOnlyList<SubscriptionReplayed>> ReplaysOnStream(Guid subscription)
    {
        await using var session = fixture.Store.LightweightSession();
        return (await session.Events.FetchStreamAsync(subscription, token: TestContext.Current.CancellationToken))
            .Select(e => e.Data).OfType<SubscriptionReplayed>().ToList();
    }

    [Fact]
    public async Task A_replay_queues_at_most_the_per_call_cap_and_says_where_to_continue()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, since, decisions) = await SubscriptionWithDecisions(receiver, 5);

        var first = await (await _admin.PostJson(ReplayUrl(subscription), new { since })).Json(HttpStatusCode.Accepted);
        Assert.Equal(GovernanceFixture.ReplayEventsPerCall, first["events"]!.GetValue<int>());
        Assert.Equal(GovernanceFixture.ReplayEventsPerHour - 3, first["leftThisHour"]!.GetValue<int>());
        var next = first["next"]!.GetValue<DateTimeOffset>();
        Assert.True(next > since);

        var second = await (await _admin.PostJson(ReplayUrl(subscription), new { since = next })).Json(HttpStatusCode.Accepted);
        Assert.Equal(2, second["events"]!.GetValue<int>());
        Assert.Null(second["next"]);

        // each decision sent once more, none twice more: the second call went on where the first stopped
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(decisions.All(d => Received(receiver, d) == 2)));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.All(decisions, d => Assert.Equal(2, Received(receiver, d)));
    }

    [Fact]
    public async Task Both_replay_endpoints_spend_the_hours_budget_and_a_spent_one_is_a_429_with_Retry_After_kept_in_the_database()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, since, decisions) = await SubscriptionWithDecisions(receiver, 4);
        var deliveryId = (await DeliveryOf(subscription, decisions[0].DecisionId))!["id"]!.GetValue<string>();
        var replayOne = $"/api/governance/subscriptions/{subscription}/deliveries/{deliveryId}/replay";

        // 3 + 3 + 1 of the 8: the hour's budget then allows one more event, which the next call queues, naming the rest
        Assert.Equal(3, (await (await _admin.PostJson(ReplayUrl(subscription), new { since })).Json(HttpStatusCode.Accepted))["events"]!.GetValue<int>());
        Assert.Equal(3, (await (await _admin.PostJson(ReplayUrl(subscription), new { since })).Json(HttpStatusCode.Accepted))["events"]!.GetValue<int>());
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () => await StatusOf(subscription, decisions[0].DecisionId) == "Delivered");
        Assert.Equal(HttpStatusCode.Accepted, (await _admin.PostJson(replayOne, null)).StatusCode);
        var last = await (await _admin.PostJson(ReplayUrl(subscription), new { since })).Json(HttpStatusCode.Accepted);
        Assert.Equal(1, last["events"]!.GetValue<int>());
        Assert.Equal(0, last["leftThisHour"]!.GetValue<int>());
        Assert.NotNull(last["next"]);

        var refusedSince = await _admin.PostJson(ReplayUrl(subscription), new { since });
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () => await StatusOf(subscription, decisions[0].DecisionId) == "Delivered");
        foreach (var refused in new[] { refusedSince, await _admin.PostJson(replayOne, null) })
        {
            var problem = await refused.Problem(HttpStatusCode.TooManyRequests, "replay-limit");
            Assert.Contains($"{GovernanceFixture.ReplayEventsPerHour} events re-sent in an hour", problem["detail"]!.GetValue<string>());
            // the first replay of the hour stops counting an hour after it was made
            Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.FromMinutes(58) && wait <= TimeSpan.FromHours(1),
                $"Retry-After: {refused.Headers.RetryAfter}");
        }

        // the count is the subscription's stream in the database, not the memory of this process
        Assert.Equal([3, 3, 1, 1], (await ReplaysOnStream(subscription)).Select(r => r.Events));
    }

    [Fact]
    public async Task Replays_at_once_or_by_another_replica_never_spend_more_than_the_budget()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, since, _) = await SubscriptionWithDecisions(receiver, 4);
        // another replica replayed 5 events a moment ago: it wrote that to the subscription's stream
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(subscription, new SubscriptionReplayed(subscription, 5, "another replica", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // four replays at once, each wanting 3 of the 3 left: together they queue at most 3, the others are refused
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _admin.PostJson(ReplayUrl(subscription), new { since })));
        var queued = 0;
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Accepted) queued += (await answer.Json(HttpStatusCode.Accepted))["events"]!.GetValue<int>();
            else Assert.Contains((await answer.Problem(answer.StatusCode))["type"]!.GetValue<string>(),
                new[] { "urn:csp:problem:concurrent-write", "urn:csp:problem:replay-limit" });
        }
        Assert.InRange(queued, 1, 3);
        Assert.Equal(5 + queued, (await ReplaysOnStream(subscription)).Sum(r => r.Events));
    }
}
