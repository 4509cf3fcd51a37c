using System.Net;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// A resident's details on a question to a Neighbourhood Engagement Meeting, through the gateway: the clerk sees them,
/// the public never their name or contact, the erasure is scheduled for the end of the retention period, and when the
/// clerk erases them no table of Meetings' database holds them.
/// </summary>
public sealed class ResidentDetailsScenarioTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_clerk_erases_a_residents_details_and_no_table_of_Meetings_database_holds_them()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var nem = await (await admin.PostJson("/api/governance/bodies",
            new { name = "NEM South " + Guid.NewGuid().ToString("N")[..4], kind = "NeighbourhoodEngagement", cadence = "Quarterly" })).CreatedId();
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await admin.GetAsync($"/api/meetings/bodies/{nem}")).StatusCode == HttpStatusCode.OK);
        using var clerk = platform.Client().WithClerkToken(nem);
        var meeting = await (await clerk.PostJson("/api/meetings/meetings",
            new { bodyId = nem, area = "South", startsAt = DateTimeOffset.UtcNow.AddDays(20), location = "Folkestone Library" })).CreatedId();

        var tag = Guid.NewGuid().ToString("N")[..10];
        var (name, contact, location) = ($"Alex {tag}", $"07700 {tag}", $"3 {tag} Road");
        using var resident = platform.ClientFrom(IPAddress.Parse("127.0.0.93"));
        var question = await (await resident.PostJson($"/api/meetings/meetings/{meeting}/questions",
            new { kind = "Observation", text = "Bins set alight behind the shops", area = "South", location, name, contact })).CreatedId();

        var managed = await (await clerk.GetAsync($"/api/meetings/questions/{question}")).Json(HttpStatusCode.OK);
        Assert.Equal((name, contact), (managed["name"]!.GetValue<string>(), managed["contact"]!.GetValue<string>()));
        Assert.Contains(await ScheduledMessages.About(platform.MeetingsDatabase.ConnectionString, question),
            m => m.MessageType.Contains("EraseResidentDetailsWhenDue"));
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostJson($"/api/meetings/questions/{question}/moderation", new { accept = true })).StatusCode);
        var shown = await (await resident.GetAsync($"/api/meetings/questions/{question}")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(name, shown.ToJsonString());
        Assert.DoesNotContain(contact, shown.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent,
            (await clerk.PostJson($"/api/meetings/questions/{question}/erase-details", new { reason = "The resident asked us to" })).StatusCode);
        await (await clerk.PostJson($"/api/meetings/questions/{question}/erase-details", new { reason = "Again" }))
            .Problem(HttpStatusCode.Conflict, "details-already-erased");
        var erased = await (await clerk.GetAsync($"/api/meetings/questions/{question}")).Json(HttpStatusCode.OK);
        Assert.True(erased["erased"]!.GetValue<bool>());
        Assert.Null(erased["name"]);

        foreach (var detail in new[] { name, contact, location })
            Assert.Empty(await Probes.RowsRevealing(platform.MeetingsDatabase.ConnectionString, detail));
    }
}
