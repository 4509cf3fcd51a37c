using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The walking skeleton's story, through the gateway only: the partnership registers its organisations and a body,
/// Meetings learns the membership over the broker, and a decision is refused until the meeting is quorate.
/// </summary>
public sealed class DecisionScenarioTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_decision_is_refused_without_quorum_accepted_with_a_substitute_and_published_to_the_broker()
    {
        // An agency on the partnership network binds its own queue to the decisions exchange.
        await using var agency = await AgencyQueue.BindAsync(platform.Broker, Exchanges.Decisions);

        using var client = platform.Client();
        var token = await DevelopmentToken(client, "governance-admin", "meetings-secretary");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var authorities = new List<Guid>();
        foreach (var name in new[] { "Kent Police", "Kent Fire and Rescue", "Kent County Council", "NHS Kent and Medway ICB", "Probation Service" })
            authorities.Add(await (await client.PostJson("/api/governance/organisations", new { name, kind = "ResponsibleAuthority" })).CreatedId());
        var vru = await (await client.PostJson("/api/governance/organisations", new { name = "Violence Reduction Unit", kind = "CooperatingBody" })).CreatedId();
        var body = await (await client.PostJson("/api/governance/bodies", new { name = "KCSP Working Group", kind = "WorkingGroup", cadence = "Quarterly" })).CreatedId();

        async Task<Guid> Appoint(Guid organisationId, string personName, string role = "Member") =>
            (await (await client.PostJson($"/api/governance/bodies/{body}/members", new { organisationId, personName, role }))
                .Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();

        var members = new List<Guid>();
        for (var i = 0; i < 4; i++) members.Add(await Appoint(authorities[i], $"Representative {i}", i == 0 ? "Chair" : "Member"));
        var vruMember = await Appoint(vru, "VRU lead");
        var substitute = (await (await client.PostJson($"/api/governance/bodies/{body}/members/{members[3]}/substitutes", new { name = "Named Deputy" }))
            .Json(HttpStatusCode.OK))["substituteId"]!.GetValue<Guid>();

        // Meetings learns the membership from Governance's events over RabbitMQ.
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
        {
            var response = await client.GetAsync($"/api/meetings/bodies/{body}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var view = await response.Json(HttpStatusCode.OK);
            return view["members"]!.AsArray().Count == 5
                   && view["organisations"]!.AsArray().Count == 5
                   && view["members"]!.AsArray().Any(m => m!["substitutes"]!.AsArray().Count == 1);
        });

        var meeting = await (await client.PostJson("/api/meetings/meetings",
            new { bodyId = body, startsAt = "2026-12-03T10:00:00+00:00", location = "Kent Police HQ, Maidstone" })).CreatedId();
        foreach (var m in new[] { members[0], members[1], members[2], vruMember })
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostJson($"/api/meetings/meetings/{meeting}/attendance", new { membershipId = m, kind = "Present" })).StatusCode);

        var decision = new { text = "Allocate £25,000 of the Crime Reduction Grant to the Margate youth diversion project", consensusReached = true, agendaReference = "5" };
        var refused = await (await client.PostJson($"/api/meetings/meetings/{meeting}/decisions", decision)).Problem(HttpStatusCode.Conflict, "quorum-not-met");
        Assert.Equal(3, refused["represented"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJson($"/api/meetings/meetings/{meeting}/attendance",
            new { membershipId = members[3], kind = "Substitute", substituteId = substitute })).StatusCode);
        var decisionId = (await (await client.PostJson($"/api/meetings/meetings/{meeting}/decisions", decision))
            .Json(HttpStatusCode.OK))["decisionId"]!.GetValue<Guid>();

        var published = await agency.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(decisionId, Property(published, "decisionId")!.GetValue<Guid>());
        Assert.Equal(body, Property(published, "bodyId")!.GetValue<Guid>());
        Assert.True(Property(published, "consensusReached")!.GetValue<bool>());
        Assert.Equal(4, Property(published, "authoritiesRepresented")!.AsArray().Count);

        var register = await (await client.GetAsync($"/api/meetings/decisions?bodyId={body}")).Json(HttpStatusCode.OK);
        var entry = Assert.Single(register.AsArray())!;
        Assert.Equal(decisionId, entry["id"]!.GetValue<Guid>());
        Assert.Equal(decision.text, entry["text"]!.GetValue<string>());
    }

    internal static async Task<string> DevelopmentToken(HttpClient client, params string[] roles)
    {
        var response = await client.PostAsJsonAsync("/api/dev/token", new { name = "Partnership officer", roles });
        return (await response.Json(HttpStatusCode.OK))["access_token"]!.GetValue<string>();
    }

    private static JsonNode? Property(JsonNode message, string name) =>
        message.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
