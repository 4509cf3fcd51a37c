using System.Net;
using Xunit;

namespace CommunitySafety.TestSupport;

/// <summary>Steps several scenarios share, done through the gateway as users would.</summary>
public static class Scenario
{
    /// <summary>Four responsible authorities on a new body attend a meeting, which records a decision by consensus.</summary>
    public static async Task<Guid> QuorateDecision(HttpClient clerk, string text)
    {
        var meeting = (await QuorateMeetings(clerk, 1))[0];
        return (await (await clerk.PostJson($"/api/meetings/meetings/{meeting}/decisions", new { text, consensusReached = true, agendaReference = "3" }))
            .Json(HttpStatusCode.OK))["decisionId"]!.GetValue<Guid>();
    }

    /// <summary>A new body of four responsible authorities, and <paramref name="count"/> of its meetings that all four attend.</summary>
    public static async Task<IReadOnlyList<Guid>> QuorateMeetings(HttpClient clerk, int count)
    {
        var body = await (await clerk.PostJson("/api/governance/bodies", new { name = "Working Group " + Guid.NewGuid().ToString("N")[..4], kind = "WorkingGroup", cadence = "Quarterly" })).CreatedId();
        var members = new List<Guid>();
        foreach (var name in new[] { "Police", "Fire", "Council", "NHS" })
        {
            var organisationId = await (await clerk.PostJson("/api/governance/organisations", new { name = $"{name} {Guid.NewGuid():N}"[..12], kind = "ResponsibleAuthority" })).CreatedId();
            members.Add((await (await clerk.PostJson($"/api/governance/bodies/{body}/members", new { organisationId, personName = name + " lead", role = "Member" }))
                .Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>());
        }
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
        {
            var response = await clerk.GetAsync($"/api/meetings/bodies/{body}");
            return response.StatusCode == HttpStatusCode.OK && (await response.Json(HttpStatusCode.OK))["members"]!.AsArray().Count == 4;
        });
        var meetings = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var meeting = await (await clerk.PostJson("/api/meetings/meetings", new { bodyId = body, startsAt = DateTimeOffset.UtcNow.AddHours(-1) })).CreatedId();
            foreach (var m in members)
                Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJson($"/api/meetings/meetings/{meeting}/attendance", new { membershipId = m, kind = "Present" })).StatusCode);
            meetings.Add(meeting);
        }
        return meetings;
    }
}
