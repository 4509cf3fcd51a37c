using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// Decision events reach agencies: a decision recorded in Meetings travels over RabbitMQ to Governance, which delivers
/// it to a real HTTP receiver on loopback, signed (Standard Webhooks) as a CloudEvent, retrying until it is taken,
/// and keeps it in the catch-up feed.
/// </summary>
public sealed class WebhookScenarioTests(PlatformFixture platform)
{
    private const string DecisionRecordedType = "uk.gov.csp.meetings.decision.recorded.v1";

    [Fact]
    public async Task A_decision_arrives_signed_retried_with_one_webhook_id_and_410_disables_the_subscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 200);
        await using var gone = await WebhookReceiver.StartAsync(410);
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var agency = await (await clerk.PostJson("/api/governance/organisations", new { name = "Kent Fire and Rescue " + Guid.NewGuid().ToString("N")[..4], kind = "ResponsibleAuthority" })).CreatedId();

        async Task<(Guid Id, string Secret)> Subscribe(Uri url)
        {
            var created = await (await clerk.PostJson("/api/governance/subscriptions",
                new { organisationId = agency, url, eventTypes = new[] { DecisionRecordedType } })).Json(HttpStatusCode.Created);
            return (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
        }
        var (subscription, secret) = await Subscribe(receiver.Url);
        var (goneSubscription, _) = await Subscribe(gone.Url);

        var decisionId = await Scenario.QuorateDecision(clerk, "Fund the Margate night-time economy patrols");

        // 500, 500, then 200: three attempts, one webhook-id, and the last one verifiable with the secret
        try
        {
            await Probes.Eventually(TimeSpan.FromSeconds(90), () => Task.FromResult(receiver.Received.Count(r => r.Body.Contains(decisionId.ToString())) >= 3));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} {await WebhookDiagnostics.Describe(platform, clerk, subscription, decisionId, receiver)}", e);
        }
        var attempts = receiver.Received.Where(r => r.Body.Contains(decisionId.ToString())).ToList();
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        var last = attempts[^1];
        Assert.True(WebhookReceiver.Verify(secret, last), "the signature must verify as a receiver checks it");
        Assert.False(WebhookReceiver.Verify(secret, last with { Body = last.Body.Replace("patrols", "patrol") }));
        Assert.False(WebhookReceiver.Verify("whsec_" + Convert.ToBase64String(new byte[32]), last));
        Assert.StartsWith("application/cloudevents+json", last.ContentType);
        var cloudEvent = JsonNode.Parse(last.Body)!;
        Assert.Equal((decisionId.ToString(), DecisionRecordedType, "1.0"),
            (cloudEvent["id"]!.GetValue<string>(), cloudEvent["type"]!.GetValue<string>(), cloudEvent["specversion"]!.GetValue<string>()));
        Assert.Equal("Fund the Margate night-time economy patrols", cloudEvent["data"]!["text"]!.GetValue<string>());

        // the delivery log: delivered once, after three attempts
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
        {
            var log = await (await clerk.GetAsync($"/api/governance/subscriptions/{subscription}/deliveries")).Json(HttpStatusCode.OK);
            var delivery = log.AsArray().SingleOrDefault(d => d!["eventId"]!.GetValue<string>() == decisionId.ToString());
            return delivery?["status"]!.GetValue<string>() == "Delivered"
                   && delivery["attempts"]!.AsArray().Select(a => a!["statusCode"]?.GetValue<int>()).SequenceEqual(new int?[] { 500, 500, 200 });
        });
        Assert.Equal(3, receiver.Received.Count(r => r.Body.Contains(decisionId.ToString()))); // and not again

        // 410 Gone: the subscription is disabled
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (await (await clerk.GetAsync($"/api/governance/subscriptions/{goneSubscription}")).Json(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Disabled");
        Assert.Single(gone.Received);

        // the catch-up feed has the same event
        var feed = await (await clerk.GetAsync("/api/governance/decisions/feed?limit=500")).Json(HttpStatusCode.OK);
        var all = feed["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(decisionId.ToString(), all);

        // …and gives the same events in the same order however it is paged, from any cursor
        var walked = new List<string>();
        var cursors = new List<string?>();
        string? cursor = null;
        while (true)
        {
            var page = await (await clerk.GetAsync("/api/governance/decisions/feed?limit=1" + (cursor is null ? "" : "&after=" + cursor))).Json(HttpStatusCode.OK);
            var events = page["events"]!.AsArray();
            if (events.Count == 0 || walked.Count >= all.Count) break;
            walked.Add(events[0]!["id"]!.GetValue<string>());
            cursors.Add(cursor);
            cursor = page["next"]!.GetValue<string>();
        }
        Assert.Equal(all, walked);
        var middle = cursors[cursors.Count / 2];
        var fromMiddle = await (await clerk.GetAsync("/api/governance/decisions/feed?limit=500" + (middle is null ? "" : "&after=" + middle))).Json(HttpStatusCode.OK);
        Assert.Equal(all.Skip(cursors.Count / 2), fromMiddle["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Signing_secrets_are_in_no_table_of_Governances_database_and_after_a_rotation_only_the_new_one_signs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var agency = await (await clerk.PostJson("/api/governance/organisations", new { name = "Kent Police " + Guid.NewGuid().ToString("N")[..4], kind = "ResponsibleAuthority" })).CreatedId();
        var created = await (await clerk.PostJson("/api/governance/subscriptions",
            new { organisationId = agency, url = receiver.Url, eventTypes = new[] { DecisionRecordedType } })).Json(HttpStatusCode.Created);
        var (subscription, first) = (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());

        // no grace: the old secret's key is shredded at once, by the message the rotation scheduled
        var second = (await (await clerk.PostJson($"/api/governance/subscriptions/{subscription}/rotate-secret", new { graceHours = 0 }))
            .Json(HttpStatusCode.OK))["secret"]!.GetValue<string>();
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (await (await clerk.GetAsync($"/api/governance/subscriptions/{subscription}")).Json(HttpStatusCode.OK))["secrets"]!.AsArray()
            .Count(s => s!["shreddedAt"] is not null) == 1);

        var decisionId = await Scenario.QuorateDecision(clerk, "Fund the Dover seafront patrols");
        await Probes.Eventually(TimeSpan.FromSeconds(90), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(decisionId.ToString()))));
        var delivered = receiver.Received.First(r => r.Body.Contains(decisionId.ToString()));
        Assert.True(WebhookReceiver.Verify(second, delivered));
        Assert.False(WebhookReceiver.Verify(first, delivered));

        foreach (var secret in new[] { first, second })
        {
            Assert.Empty(await Probes.RowsRevealing(platform.GovernanceDatabase.ConnectionString, secret));
            Assert.Empty(await Probes.RowsRevealing(platform.GovernanceDatabase.ConnectionString, secret["whsec_".Length..]));
        }
    }
}

/// <summary>Nothing is lost to a crash: Governance dies while delivering, and the delivery still arrives after it restarts.</summary>
public sealed class WebhookCrashTests(PlatformFixture platform)
{
    [Fact]
    public async Task Governance_killed_during_a_delivery_delivers_it_after_restart_with_the_same_webhook_id()
    {
        // the receiver holds the first attempt open, so that Governance is killed with the delivery in flight
        await using var receiver = await WebhookReceiver.StartAsync(TimeSpan.FromSeconds(60));
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var agency = await (await clerk.PostJson("/api/governance/organisations", new { name = "Probation " + Guid.NewGuid().ToString("N")[..4], kind = "ResponsibleAuthority" })).CreatedId();
        var created = await (await clerk.PostJson("/api/governance/subscriptions",
            new { organisationId = agency, url = receiver.Url, eventTypes = new[] { "uk.gov.csp.meetings.decision.recorded.v1" } })).Json(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();

        var decisionId = await Scenario.QuorateDecision(clerk, "Commission a drugs outreach worker");
        await Probes.Eventually(TimeSpan.FromSeconds(60), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(decisionId.ToString()))));

        await platform.Governance.CrashAndRestartAsync(TimeSpan.FromSeconds(90));

        await Probes.Eventually(TimeSpan.FromSeconds(120), () => Task.FromResult(receiver.Received.Count(r => r.Body.Contains(decisionId.ToString())) >= 2));
        var attempts = receiver.Received.Where(r => r.Body.Contains(decisionId.ToString())).ToList();
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.True(WebhookReceiver.Verify(secret, attempts[^1]));
    }
}

internal static class WebhookDiagnostics
{
    /// <summary>What a stuck delivery test saw: the receiver, the delivery log, Governance's queues and its log's end.</summary>
    public static async Task<string> Describe(PlatformFixture platform, HttpClient clerk, Guid subscription, Guid decisionId, WebhookReceiver receiver)
    {
        var said = new System.Text.StringBuilder();
        said.AppendLine(CultureInfo.InvariantCulture, $"Receiver got {receiver.Received.Count} requests, {receiver.Received.Count(r => r.Body.Contains(decisionId.ToString()))} for the decision.");
        try
        {
            said.AppendLine("Delivery log: " + await (await clerk.GetAsync($"/api/governance/subscriptions/{subscription}/deliveries")).Content.ReadAsStringAsync());
            await using var connection = new Npgsql.NpgsqlConnection(platform.GovernanceDatabase.ConnectionString);
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                "select count(*) || ' active subscriptions' from mt_doc_webhooksubscription where data->>'Status' = 'Active'",
                "select coalesce(string_agg(s, '; '), 'none') from (select data->>'Status' || ': ' || count(*) as s from mt_doc_webhookdelivery group by 1) x",
                "select coalesce(string_agg(s, '; '), 'none') from (select status || ' ' || message_type || ': ' || count(*) as s from wolverine_incoming_envelopes group by status, message_type) x",
            })
            {
                try
                {
                    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                    said.AppendLine(Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
                }
                catch (Npgsql.PostgresException e)
                {
                    said.AppendLine(CultureInfo.InvariantCulture, $"({sql}: {e.MessageText})");
                }
            }
        }
        catch (Exception e)
        {
            said.AppendLine("(diagnostics failed: " + e.Message + ")");
        }
        said.AppendLine("Governance log tail:");
        said.AppendLine(string.Join('\n', platform.Governance.Log.Split('\n').TakeLast(60)));
        return said.ToString();
    }
}
