using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>The year of meetings the partnership's documents describe, through the gateway only.</summary>
public sealed class MeetingsScenarioTests(PlatformFixture platform)
{
    private static readonly string Suffix = Guid.NewGuid().ToString("N")[..4];

    /// <summary>Creates a body in Governance and waits until Meetings has heard of it.</summary>
    private static async Task<Guid> Body(HttpClient clerk, string name, string kind, string cadence)
    {
        var body = await (await clerk.PostJson("/api/governance/bodies", new { name = $"{name} {Suffix}", kind, cadence })).CreatedId();
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await clerk.GetAsync($"/api/meetings/bodies/{body}")).StatusCode == HttpStatusCode.OK);
        return body;
    }

    [Fact]
    public async Task The_quarterly_working_group_escalates_an_item_onto_the_next_county_partnership_agenda()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var workingGroup = await Body(secretary, "Working Group", "WorkingGroup", "Quarterly");
        var kcsp = await Body(secretary, "Kent Community Safety Partnership", "Executive", "Quarterly");
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/meetings/bodies/{workingGroup}/meet-before", new { bodyId = kcsp })).StatusCode);

        // a year of each: the KCSP meets ten days after the group, as the group's terms of reference ask
        var first = DateTime.UtcNow.Date.AddMonths(1);
        var kcspSeries = await (await secretary.PostJson($"/api/meetings/bodies/{kcsp}/series",
            new { firstStartsAt = first.AddDays(10).AddHours(14), location = "Kent County Council, Maidstone" })).Json(HttpStatusCode.Created);
        var wgSeries = await (await secretary.PostJson($"/api/meetings/bodies/{workingGroup}/series",
            new { firstStartsAt = first.AddHours(10), location = "Gateway, Maidstone" })).Json(HttpStatusCode.Created);
        Assert.Equal(4, wgSeries["meetings"]!.AsArray().Count);
        Assert.All(wgSeries["meetings"]!.AsArray(), m => Assert.Empty(m!["flags"]!.AsArray()));

        // the clerk of the group (a clerk of that body only) raises an item at the group's first meeting and escalates it
        using var clerk = platform.Client().WithClerkToken(workingGroup);
        var wgMeeting = wgSeries["meetings"]![0]!["id"]!.GetValue<Guid>();
        var item = (await (await clerk.PostJson($"/api/meetings/meetings/{wgMeeting}/agenda/items", new { title = "Rise in shoplifting in Ashford town centre" }))
            .Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        var escalated = await (await clerk.PostJson($"/api/meetings/meetings/{wgMeeting}/agenda/items/{item}/escalate", new { toBodyId = kcsp }))
            .Json(HttpStatusCode.OK);
        var nextKcsp = kcspSeries["meetings"]![0]!["id"]!.GetValue<Guid>();
        Assert.Equal(nextKcsp, escalated["meetingId"]!.GetValue<Guid>());

        var agenda = await (await secretary.GetAsync($"/api/meetings/meetings/{nextKcsp}/agenda")).Json(HttpStatusCode.OK);
        Assert.Equal(["Apologies", "Declarations", "PreviousMinutes", "ActionsReview", "Escalated"],
            agenda["items"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()));
        var onAgenda = agenda["items"]![4]!;
        Assert.Equal(("Rise in shoplifting in Ashford town centre", workingGroup, wgMeeting),
            (onAgenda["title"]!.GetValue<string>(), onAgenda["origin"]!["bodyId"]!.GetValue<Guid>(), onAgenda["origin"]!["meetingId"]!.GetValue<Guid>()));
        Assert.StartsWith("Working Group", onAgenda["origin"]!["bodyName"]!.GetValue<string>());

        // moving the group's second meeting after the KCSP's second is flagged
        var kcspSecond = kcspSeries["meetings"]![1]!["startsAt"]!.GetValue<DateTimeOffset>();
        var moved = await (await secretary.PostJson($"/api/meetings/meetings/{wgSeries["meetings"]![1]!["id"]}/reschedule",
            new { startsAt = kcspSecond.AddDays(2), reason = "Chair unavailable" })).Json(HttpStatusCode.OK);
        Assert.StartsWith($"meets-after:{kcsp}", Assert.Single(moved["flags"]!.AsArray())!.GetValue<string>());
    }
}
