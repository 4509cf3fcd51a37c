using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// Issue 13, point 1, through the gateway and the real broker: an ASB case panel decision and an exempt item's decision,
/// naming a person and an address, reach no outbound channel — not the register for an organisation off the panel, not
/// Governance's feed, a webhook receiver, a queue an agency binds to csp.decisions or csp.decision-events, Funding, or
/// open data — and no table of Governance's or Funding's database holds their text. An open decision recorded after them
/// reaches every channel, so each check looks where the text would be.
/// </summary>
public sealed class ConfidentialDecisionScenarioTests(PlatformFixture platform)
{
    private const string DecisionRecordedType = "uk.gov.csp.meetings.decision.recorded.v1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Panel_and_exempt_decisions_reach_no_outbound_channel_while_an_open_decision_reaches_them_all()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var panelText = $"CPW to Alex Markerleak-{run}, 9 Leakfield Street";
        var exemptText = $"Closure order for 12 Markerleak-{run} Avenue";
        var openText = $"Fund the Ramsgate street pastors {run}";

        await using var decisionsQueue = await AgencyQueue.BindAsync(platform.Broker, Exchanges.Decisions);
        await using var decisionEventsQueue = await AgencyQueue.BindAsync(platform.Broker, Exchanges.DecisionEvents);
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        // the year's grant is open in Funding (awards would cite decisions from its register)
        using var fundingOfficer = platform.Client().WithToken("funding-officer");
        await (await fundingOfficer.PostJson("/api/funding/streams", new { name = $"Crime Reduction Grant {run}", source = "PCC", financialYear = 2026, budget = 50_000m }))
            .CreatedId();

        async Task<Guid> Organisation(string name) =>
            await (await admin.PostJson("/api/governance/organisations", new { name = $"{name} {run}", kind = "ResponsibleAuthority" })).CreatedId();
        var police = await Organisation("Kent Police");
        var outsider = await Organisation("Folkestone Town Council");
        async Task<(Guid Body, Guid Member)> Body(string name, string kind)
        {
            var body = await (await admin.PostJson("/api/governance/bodies", new { name = $"{name} {run}", kind, cadence = "Monthly", quorumMinimum = 1 })).CreatedId();
            var member = (await (await admin.PostJson($"/api/governance/bodies/{body}/members", new { organisationId = police, personName = "DI Patel", role = "Member" }))
                .Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();
            await Probes.Eventually(Wait, async () =>
            {
                var response = await admin.GetAsync($"/api/meetings/bodies/{body}");
                return response.StatusCode == HttpStatusCode.OK && (await response.Json(HttpStatusCode.OK))["members"]!.AsArray().Count == 1;
            });
            return (body, member);
        }
        var (panel, panelMember) = await Body("ASB Case Panel", "AsbCasePanel");
        var (group, groupMember) = await Body("Community Safety Working Group", "WorkingGroup");
        await (await admin.PostJson("/api/governance/subscriptions",
            new { organisationId = outsider, url = receiver.Url, eventTypes = new[] { DecisionRecordedType } })).Json(HttpStatusCode.Created);

        async Task<Guid> Meeting(Guid body, Guid member)
        {
            var meeting = await (await admin.PostJson("/api/meetings/meetings", new { bodyId = body, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJson($"/api/meetings/meetings/{meeting}/attendance", new { membershipId = member, kind = "Present" })).StatusCode);
            return meeting;
        }
        async Task<Guid> Decide(Guid meeting, string text, Guid? itemId = null) =>
            (await (await admin.PostJson($"/api/meetings/meetings/{meeting}/decisions", new { text, consensusReached = true, agendaReference = $"Case {run}", itemId }))
                .Json(HttpStatusCode.OK))["decisionId"]!.GetValue<Guid>();

        var panelMeeting = await Meeting(panel, panelMember);
        var panelDecision = await Decide(panelMeeting, panelText);
        var groupMeeting = await Meeting(group, groupMember);
        var exemptItem = (await (await admin.PostJson($"/api/meetings/meetings/{groupMeeting}/agenda/items", new { title = "A named household", exempt = true }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        var exemptDecision = await Decide(groupMeeting, exemptText, exemptItem);
        var openDecision = await Decide(groupMeeting, openText);
        Guid[] withheld = [panelDecision, exemptDecision];

        bool Leaks(string text) => text.Contains("Markerleak") || text.Contains(panelText) || text.Contains(exemptText);

        // csp.decisions (what agencies and Funding hear from Meetings): all three, the two without text or agenda reference
        await decisionsQueue.TakeUntilAsync(body => body.Contains(openDecision.ToString()), Wait);
        await decisionsQueue.DrainAsync(TimeSpan.FromSeconds(1));
        foreach (var id in withheld)
        {
            var message = JsonNode.Parse(Assert.Single(decisionsQueue.Received, m => m.Contains(id.ToString())))!;
            Assert.Null(Property(message, "text"));
            Assert.Null(Property(message, "agendaReference"));
        }
        Assert.True(Property(JsonNode.Parse(decisionsQueue.Received.Single(m => m.Contains(openDecision.ToString())))!, "bodyConfidential") is { } flag
            && !flag.GetValue<bool>());
        Assert.Contains(openText, decisionsQueue.Received.Single(m => m.Contains(openDecision.ToString())));
        Assert.DoesNotContain(decisionsQueue.Received, Leaks);

        // csp.decision-events (Governance's CloudEvents): the open decision, nothing of the others
        await decisionEventsQueue.TakeUntilAsync(body => body.Contains(openDecision.ToString()), Wait);
        await decisionEventsQueue.DrainAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(decisionEventsQueue.Received, Leaks);
        Assert.DoesNotContain(decisionEventsQueue.Received, m => withheld.Any(id => m.Contains(id.ToString())));

        // the webhook receiver: likewise
        await Probes.Eventually(Wait, () => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(openDecision.ToString()))));
        Assert.DoesNotContain(receiver.Received, r => Leaks(r.Body) || withheld.Any(id => r.Body.Contains(id.ToString())));

        // Governance's feed, read as the outsider agency
        using var agency = platform.Client().WithTokenFor(outsider);
        var feed = await ReadAll(agency, "/api/governance/decisions/feed?limit=500");
        Assert.Contains(openDecision.ToString(), feed);
        Assert.False(Leaks(feed), "the feed holds a withheld decision's text");
        Assert.DoesNotContain(panelDecision.ToString(), feed);
        Assert.DoesNotContain(exemptDecision.ToString(), feed);

        // open data, anonymous
        using var anonymous = platform.Client();
        await Probes.Eventually(Wait, async () => (await anonymous.GetStringAsync("/api/governance/open/decisions?limit=500")).Contains(openDecision.ToString()));
        var open = await anonymous.GetStringAsync("/api/governance/open/decisions?limit=500");
        Assert.False(Leaks(open) || withheld.Any(id => open.Contains(id.ToString())), "open data holds a withheld decision");

        // the register: nothing for an organisation off the panel, in full for the panel's member organisation
        foreach (var id in withheld)
            await (await agency.GetAsync($"/api/meetings/decisions/{id}")).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await (await agency.GetAsync($"/api/meetings/decisions?bodyId={panel}")).Json(HttpStatusCode.OK)).AsArray());
        Assert.False(Leaks(await (await agency.GetAsync("/api/meetings/decisions?limit=500")).Content.ReadAsStringAsync()));
        using var member = platform.Client().WithTokenFor(police);
        Assert.Equal(panelText, (await (await member.GetAsync($"/api/meetings/decisions/{panelDecision}")).Json(HttpStatusCode.OK))["text"]!.GetValue<string>());
        Assert.Equal(exemptText, (await (await member.GetAsync($"/api/meetings/decisions/{exemptDecision}")).Json(HttpStatusCode.OK))["text"]!.GetValue<string>());
        await (await anonymous.GetAsync($"/api/meetings/decisions/{panelDecision}")).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.False(Leaks(await (await anonymous.GetAsync("/api/meetings/decisions?limit=500")).Content.ReadAsStringAsync()));

        // the databases: Funding heard every decision (ids), Governance took in the open one; neither holds a withheld text
        await Probes.Eventually(Wait, async () => await Probes.RowsContaining(platform.FundingDatabase.ConnectionString, panelDecision.ToString()) > 0);
        await Probes.Eventually(Wait, async () => await Probes.RowsContaining(platform.FundingDatabase.ConnectionString, openDecision.ToString()) > 0);
        Assert.True(await Probes.RowsContaining(platform.GovernanceDatabase.ConnectionString, openText) > 0, "the scan must find what is stored in clear");
        Assert.True(await Probes.RowsContaining(platform.MeetingsDatabase.ConnectionString, panelText) > 0, "Meetings keeps the decision");
        foreach (var database in new[] { platform.GovernanceDatabase, platform.FundingDatabase })
        {
            Assert.Equal(0, await Probes.RowsContaining(database.ConnectionString, "Markerleak"));
            Assert.Equal(0, await Probes.RowsContaining(database.ConnectionString, "Leakfield"));
        }
    }

    private static async Task<string> ReadAll(HttpClient client, string url)
    {
        var pages = new List<string>();
        string? next = null;
        while (true)
        {
            var page = await (await client.GetAsync(next is null ? url : $"{url}&after={Uri.EscapeDataString(next)}")).Json(HttpStatusCode.OK);
            if (page["events"]!.AsArray().Count == 0) return string.Join("\n", pages);
            pages.Add(page["events"]!.ToJsonString());
            next = page["next"]!.GetValue<string>();
        }
    }

    private static JsonNode? Property(JsonNode message, string name) =>
        message.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
