using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Issue 13, points 1 and 6: decisions of a confidential body or under an exempt item never enter Governance's feed, and
/// so never reach webhooks, the csp.decision-events exchange or open data — also when Meetings sent text for a body
/// Governance already knows as confidential; their adoptions are still acted on, by ids. A version of terms of reference
/// is adopted only by a decision of its body or that body's parent.
/// </summary>
public sealed class ConfidentialDecisionTests(GovernanceFixture fixture)
{
    private const string Feed = DecisionFeedEndpoint.Url;
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);
    private HttpClient Reader => fixture.ClientFor(Guid.NewGuid());

    private static DecisionRecorded Decision(Guid bodyId, string? text, bool confidential = false, bool exempt = false, params Guid[] adopts) =>
        new(Guid.NewGuid(), Guid.NewGuid(), bodyId, text, true, text is null ? null : "4", [Guid.NewGuid()], DateTimeOffset.UtcNow, adopts,
            confidential, exempt);

    private async Task<Guid> DraftTerms(Guid bodyId) =>
        (await (await _admin.PostJson($"{BodyUrl(bodyId)}/terms-of-reference",
            new { purpose = "To review cases", cadence = "Monthly", quorumMinimum = 1, decisionMaking = "Consensus" })).Json(HttpStatusCode.Created))["versionId"]!
        .GetValue<Guid>();

    private async Task<JsonNode> Terms(Guid bodyId) => await (await _admin.GetAsync($"{BodyUrl(bodyId)}/terms-of-reference")).Json(HttpStatusCode.OK);

    private async Task<IReadOnlyList<JsonNode>> FeedAfter(string cursor)
    {
        var body = await (await Reader.GetAsync($"{Feed}?after={Uri.EscapeDataString(cursor)}&limit=500")).Json(HttpStatusCode.OK);
        return [.. body["events"]!.AsArray().Select(e => e!)];
    }

    private async Task<string> End()
    {
        var next = (await (await Reader.GetAsync($"{Feed}?limit=500")).Json(HttpStatusCode.OK))["next"]!.GetValue<string>();
        while (true)
        {
            var page = await (await Reader.GetAsync($"{Feed}?after={Uri.EscapeDataString(next)}&limit=500")).Json(HttpStatusCode.OK);
            if (page["events"]!.AsArray().Count == 0) return next;
            next = page["next"]!.GetValue<string>();
        }
    }

    [Fact]
    public async Task Confidential_and_exempt_decisions_reach_no_channel_while_their_adoptions_take_effect()
    {
        var marker = "CPW to Jo Markerperson-Gov " + Guid.NewGuid().ToString("N")[..8];
        var openText = "Fund the night-time economy patrols " + Guid.NewGuid().ToString("N")[..8];
        await using var receiver = await WebhookReceiver.StartAsync();
        var agency = await _admin.RegisterOrganisation(Unique("Agency"), "CooperatingBody");
        await (await _admin.PostJson("/api/governance/subscriptions",
            new { organisationId = agency, url = receiver.Url, eventTypes = new[] { DecisionEvents.DecisionRecordedType } })).Json(HttpStatusCode.Created);

        var panel = await _admin.CreateBody(Unique("ASB case panel"), "AsbCasePanel");
        var group = await _admin.CreateBody();
        var marked = await _admin.CreateBody(Unique("Hate crime panel"));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{BodyUrl(marked)}/confidential")).StatusCode);
        var panelTerms = await DraftTerms(panel);
        var start = await End();

        var withheld = new[]
        {
            Decision(panel, null, confidential: true, adopts: panelTerms), // as Meetings sends a panel decision
            Decision(group, null, exempt: true), // an exempt item's
            Decision(marked, null, confidential: true),
            Decision(marked, marker), // text for a body Governance knows as confidential (Meetings had not heard yet)
            Decision(panel, marker), // …or the ASB case panel's, from a Meetings that did not withhold it
        };
        foreach (var decision in withheld)
        {
            var tracked = await fixture.ReceiveTracked(decision);
            Assert.Empty(tracked.Sent.MessagesOf<TakeInDecisionEvent>());
            Assert.Empty(tracked.Sent.MessagesOf<FanOutDecisionEvent>());
            Assert.Empty(tracked.Sent.MessagesOf<CloudEvent>()); // the csp.decision-events exchange
        }
        var open = Decision(group, openText);
        var openTracked = await fixture.ReceiveTracked(open);
        Assert.Equal(open.DecisionId.ToString(), Assert.Single(openTracked.Sent.MessagesOf<CloudEvent>()).Id);

        // the panel's decision adopted its terms of reference all the same: ids are enough
        var terms = await Terms(panel);
        Assert.Equal((panelTerms, withheld[0].DecisionId), (terms["inEffect"]!["versionId"]!.GetValue<Guid>(), terms["inEffect"]!["adoption"]!["decisionId"]!.GetValue<Guid>()));

        // the feed has the open decision only
        Assert.Equal([open.DecisionId.ToString()], (await FeedAfter(start)).Select(e => e["id"]!.GetValue<string>()));

        // the webhook receiver gets the open decision, and nothing of the others
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(open.DecisionId.ToString()))));
        Assert.All(receiver.Received, r =>
        {
            Assert.DoesNotContain(marker, r.Body);
            Assert.All(withheld, w => Assert.DoesNotContain(w.DecisionId.ToString(), r.Body));
        });

        // open data: the open decision, none of the others
        var openData = await fixture.Client().AllPages("/api/governance/open/decisions?limit=500");
        Assert.Contains(openData, d => d!["id"]!.GetValue<Guid>() == open.DecisionId);
        Assert.DoesNotContain(openData, d => withheld.Any(w => w.DecisionId == d!["id"]!.GetValue<Guid>()));

        // and no row of Governance's database holds the marker (the scan finds what is stored: the open decision's text)
        Assert.True(await RowsContaining(openText) > 0, "the scan must find what is stored in clear");
        Assert.Equal(0, await RowsContaining(marker));
        Assert.Equal(0, await RowsContaining("Markerperson-Gov"));
    }

    [Fact]
    public async Task A_body_marked_confidential_later_takes_its_earlier_decisions_out_of_the_feed_replays_and_open_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var agency = await _admin.RegisterOrganisation(Unique("Agency"), "CooperatingBody");
        var subscription = (await (await _admin.PostJson("/api/governance/subscriptions",
            new { organisationId = agency, url = receiver.Url, eventTypes = new[] { DecisionEvents.DecisionRecordedType } })).Json(HttpStatusCode.Created))["id"]!
            .GetValue<Guid>();
        var body = await _admin.CreateBody();
        var start = await End();
        var startedAt = DateTimeOffset.UtcNow;
        var earlier = Decision(body, "Commission a drugs outreach worker");
        var other = Decision(await _admin.CreateBody(), "Fund the street pastors");
        await fixture.Receive(earlier);
        await fixture.Receive(other);
        int Deliveries(Guid id) => receiver.Received.Count(r => r.Body.Contains(id.ToString()));
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(Deliveries(earlier.DecisionId) == 1 && Deliveries(other.DecisionId) == 1));
        async Task<bool> InOpenData() => (await fixture.Client().AllPages("/api/governance/open/decisions?limit=500"))
            .Any(d => d!["id"]!.GetValue<Guid>() == earlier.DecisionId);
        Assert.True(await InOpenData());
        Assert.Equal([earlier.DecisionId.ToString(), other.DecisionId.ToString()], (await FeedAfter(start)).Select(e => e["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{BodyUrl(body)}/confidential")).StatusCode);

        Assert.False(await InOpenData());
        Assert.Equal([other.DecisionId.ToString()], (await FeedAfter(start)).Select(e => e["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Accepted, (await _admin.PostJson($"/api/governance/subscriptions/{subscription}/replay",
            new { since = startedAt })).StatusCode);
        await Probes.Eventually(TimeSpan.FromSeconds(30), () => Task.FromResult(Deliveries(other.DecisionId) == 2));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // whatever else the replay sends has arrived
        Assert.Equal(1, Deliveries(earlier.DecisionId)); // not sent again
    }

    [Fact]
    public async Task Terms_of_reference_are_adopted_by_their_bodys_or_its_parents_decision_and_refused_for_any_other()
    {
        var executive = await _admin.CreateBody(Unique("Executive"), "Executive");
        var group = await _admin.CreateBody(Unique("Working Group"));
        var other = await _admin.CreateBody(Unique("Quorum-1 group"));
        var version = await DraftTerms(group);

        // another body's decision (a quorum-1 group lowering the group's quorum): refused, recorded with the rule, nothing in effect
        var byOther = Decision(other, "Adopt the Working Group's revised terms", adopts: version);
        var tracked = await fixture.ReceiveTracked(byOther);
        Assert.Empty(tracked.Sent.MessagesOf<BodyTermsAdopted>());
        var terms = await Terms(group);
        Assert.Null(terms["inEffect"]);
        var refusal = Assert.Single(terms["drafts"]![0]!["refusedAdoptions"]!.AsArray())!;
        Assert.Equal((byOther.DecisionId, TermsOfReferenceAdoption.Rule), (refusal["decisionId"]!.GetValue<Guid>(), refusal["reason"]!.GetValue<string>()));
        Assert.Equal(4, (await _admin.ReadBody(group)).Body["quorumMinimum"]!.GetValue<int>());

        // the executive is not the group's parent yet: refused too; once it is, its decision adopts them
        await fixture.Receive(Decision(executive, "Adopt", adopts: version));
        Assert.Null((await Terms(group))["inEffect"]);
        var parent = new HttpRequestMessage(HttpMethod.Put, $"{BodyUrl(group)}/parent") { Content = System.Net.Http.Json.JsonContent.Create(new { parentBodyId = executive }) };
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.SendAsync(parent)).StatusCode);
        var byParent = Decision(executive, "Adopt the Working Group's revised terms", adopts: version);
        tracked = await fixture.ReceiveTracked(byParent);
        Assert.Equal((group, version, byParent.DecisionId), (tracked.Sent.SingleMessage<BodyTermsAdopted>().BodyId, tracked.Sent.SingleMessage<BodyTermsAdopted>().VersionId,
            tracked.Sent.SingleMessage<BodyTermsAdopted>().DecisionId));
        terms = await Terms(group);
        Assert.Equal((version, executive), (terms["inEffect"]!["versionId"]!.GetValue<Guid>(), terms["inEffect"]!["adoption"]!["decidingBodyId"]!.GetValue<Guid>()));
        Assert.Equal(2, terms["inEffect"]!["refusedAdoptions"]!.AsArray().Count);
        Assert.Equal(1, (await _admin.ReadBody(group)).Body["quorumMinimum"]!.GetValue<int>());
    }

    private static Task<int> RowsContaining(string needle) =>
        Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__governance")!, needle);
}
