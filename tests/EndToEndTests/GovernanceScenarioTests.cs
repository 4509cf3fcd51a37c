using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>Governance in full, through the gateway only.</summary>
public sealed class GovernanceScenarioTests(PlatformFixture platform)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 5)];

    [Fact]
    public async Task A_collective_seat_without_every_approval_is_refused_and_with_them_counts_once_in_meetings()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var kcsp = await (await admin.PostJson("/api/governance/bodies", new { name = Unique("KCSP"), kind = "Executive", cadence = "Quarterly" })).CreatedId();
        var districts = new List<Guid>();
        foreach (var name in new[] { "Dover District Council", "Thanet District Council", "Swale Borough Council" })
            districts.Add(await (await admin.PostJson("/api/governance/organisations", new { name = Unique(name), kind = "ResponsibleAuthority" })).CreatedId());

        async Task Approve(Guid organisationId) => Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJson($"/api/governance/bodies/{kcsp}/representation-approvals",
            new { organisationId, personName = "Pat Officer", approvedBy = "Chief Executive", approvedOn = DateTime.UtcNow.ToString("yyyy-MM-dd") })).StatusCode);
        await Approve(districts[0]);
        await Approve(districts[1]);

        var seat = new { organisationId = districts[0], personName = "Pat Officer", role = "Member", represents = districts };
        var refused = await (await admin.PostJson($"/api/governance/bodies/{kcsp}/members", seat)).Problem(HttpStatusCode.Conflict, "approvals-missing");
        Assert.Equal([districts[2]], refused["missing"]!.AsArray().Select(m => m!.GetValue<Guid>()));

        await Approve(districts[2]);
        var membershipId = (await (await admin.PostJson($"/api/governance/bodies/{kcsp}/members", seat)).Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();

        // Meetings hears of the seat with the authorities it represents
        JsonNode? member = null;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
        {
            var response = await admin.GetAsync($"/api/meetings/bodies/{kcsp}");
            member = response.StatusCode == HttpStatusCode.OK
                ? (await response.Json(HttpStatusCode.OK))["members"]!.AsArray().FirstOrDefault(m => m!["id"]!.GetValue<Guid>() == membershipId)
                : null;
            return member is not null;
        });
        Assert.Equal(districts, member!["represents"]!.AsArray().Select(m => m!.GetValue<Guid>()));
    }
}
