using System.Globalization;
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
    internal static async Task<Guid> Body(HttpClient clerk, string name, string kind, string cadence)
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

    [Fact]
    public async Task An_action_raised_at_one_meeting_is_reviewed_at_the_next_and_closes_and_the_minutes_approved_there_become_public_without_the_exempt_part()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        using var anonymous = platform.ClientFrom(System.Net.IPAddress.Parse("127.0.0.90"));
        var meetings = await Scenario.QuorateMeetings(secretary, 2);
        var (first, second) = (meetings[0], meetings[1]);
        var record = await (await secretary.GetAsync($"/api/meetings/meetings/{first}")).Json(HttpStatusCode.OK);
        var bodyId = record["bodyId"]!.GetValue<Guid>();
        var owner = record["attendance"]![0]!["membershipId"]!.GetValue<Guid>();

        // meeting 1: an item of business and an exempt one, a decision under each, an action, and the draft minutes
        async Task<Guid> Item(string title, bool exempt) =>
            (await (await secretary.PostJson($"/api/meetings/meetings/{first}/agenda/items", new { title, exempt })).Json(HttpStatusCode.OK))["itemId"]!.GetValue<Guid>();
        var patrols = await Item("Night-time economy patrols", false);
        var tender = await Item("CCTV maintenance tender", true);
        await (await secretary.PostJson($"/api/meetings/meetings/{first}/decisions", new { text = "Extend the patrols to Sundays", consensusReached = true, itemId = patrols }))
            .Json(HttpStatusCode.OK);
        await (await secretary.PostJson($"/api/meetings/meetings/{first}/decisions", new { text = "Award the tender to Acme Cameras at 41,000 pounds", consensusReached = true, itemId = tender }))
            .Json(HttpStatusCode.OK);
        var action = await (await secretary.PostJson($"/api/meetings/meetings/{first}/actions",
            new { text = "Draft the Sunday patrol rota", ownerMembershipId = owner, dueOn = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), itemId = patrols })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PutAsJsonAsync($"/api/meetings/meetings/{first}/minutes", new
        {
            sections = new object[]
            {
                new { itemId = patrols, text = "Members welcomed the fall in late-night disorder.", exempt = false },
                new { itemId = tender, text = "Acme Cameras' price was the lowest of three.", exempt = true },
            },
        })).StatusCode);
        await (await anonymous.GetAsync($"/api/meetings/meetings/{first}/minutes")).Problem(HttpStatusCode.NotFound);

        // meeting 2: the action comes up for review, the minutes of meeting 1 are approved, the action is done
        async Task<JsonArray> Review() =>
            (await (await secretary.GetAsync($"/api/meetings/meetings/{second}/agenda")).Json(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(i => i!["kind"]!.GetValue<string>() == "ActionsReview")!["actionsForReview"]!.AsArray();
        Assert.Equal(action, Assert.Single(await Review())!["id"]!.GetValue<Guid>());
        var log = await (await secretary.GetAsync($"/api/meetings/bodies/{bodyId}/actions")).Json(HttpStatusCode.OK);
        Assert.Equal("Open", Assert.Single(log.AsArray())!["status"]!.GetValue<string>());

        var approval = await (await secretary.PostJson($"/api/meetings/meetings/{second}/minutes/approve-previous", null)).Json(HttpStatusCode.OK);
        Assert.Equal(first, approval["previousMeetingId"]!.GetValue<Guid>());
        Assert.EndsWith("/3.1", approval["minuteReference"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/actions/{action}/complete", new { note = "Rota agreed with the inspector", meetingId = second })).StatusCode);
        Assert.Empty(await Review());

        await (await anonymous.GetAsync($"/api/meetings/meetings/{first}/minutes")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/meetings/{first}/minutes/publish", null)).StatusCode);
        var published = await (await anonymous.GetAsync($"/api/meetings/meetings/{first}/minutes")).Json(HttpStatusCode.OK);
        var text = published.ToJsonString();
        Assert.True(published["publicVersion"]!.GetValue<bool>());
        Assert.Contains("Members welcomed the fall in late-night disorder.", text);
        Assert.Contains("Extend the patrols to Sundays", text);
        Assert.DoesNotContain("Acme", text);
        Assert.DoesNotContain("CCTV", text);
        Assert.Equal(approval["minuteReference"]!.GetValue<string>(), published["approval"]!["minuteReference"]!.GetValue<string>());
        // the decision register carries the minute reference
        var decisions = await (await secretary.GetAsync($"/api/meetings/meetings/{first}")).Json(HttpStatusCode.OK);
        Assert.All(decisions["minutedDecisions"]!.AsArray(), d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}/[56]\.1$", d!["minuteReference"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_residents_question_at_a_neighbourhood_meeting_is_answered_and_its_outcome_published_and_the_public_feed_shows_it_not_the_case_panel()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        using var resident = platform.ClientFrom(System.Net.IPAddress.Parse("127.0.0.91"));
        var nem = await Body(secretary, "Neighbourhood Engagement Meeting", "NeighbourhoodEngagement", "Quarterly");
        var openForum = await Body(secretary, "Open Forum", "OpenForum", "TwiceYearly");
        var panel = await Body(secretary, "ASB Case Panel", "AsbCasePanel", "Monthly");

        // the East NEM starts in a few seconds (this platform advertises public meetings at no notice)
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var meeting = await (await secretary.PostJson("/api/meetings/meetings",
            new { bodyId = nem, area = "East", startsAt, location = "Westgate Hall, Canterbury" })).CreatedId();
        var forum = await (await secretary.PostJson("/api/meetings/meetings", new { bodyId = openForum, startsAt = startsAt.AddDays(30) })).CreatedId();
        var panelMeeting = await (await secretary.PostJson("/api/meetings/meetings", new { bodyId = panel, startsAt = startsAt.AddDays(3) })).CreatedId();

        // listed without signing in
        var listed = await (await resident.GetAsync($"/api/meetings/meetings?area=East&from={Uri.EscapeDataString(startsAt.AddMinutes(-1).ToString("O"))}")).Json(HttpStatusCode.OK);
        Assert.Contains(meeting, listed.AsArray().Select(m => m!["id"]!.GetValue<Guid>()));

        // the Open Forum sends a street-level observation to the East NEM
        var refused = await (await resident.PostJson($"/api/meetings/meetings/{forum}/questions",
            new { kind = "Observation", text = "Cars race down Military Road at night", area = "East", location = "Military Road" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "area-specific-at-open-forum");
        Assert.Equal(meeting, refused["neighbourhoodMeeting"]!["id"]!.GetValue<Guid>());

        var question = await (await resident.PostJson($"/api/meetings/meetings/{meeting}/questions",
            new { kind = "Question", text = "Can the police patrol Military Road at night?", area = "East", location = "Military Road", name = "Sam" })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/questions/{question}/moderation", new { accept = true })).StatusCode);
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await secretary.PostJson($"/api/meetings/questions/{question}/answer", new { answer = "Yes: the East team will patrol on Friday and Saturday nights." }))
            .StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/questions/{question}/outcome",
            new { youSaid = "Cars race down Military Road at night", weDid = "Weekend patrols and two speed checks; 14 drivers stopped" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostJson($"/api/meetings/questions/{question}/outcome/publish", null)).StatusCode);

        var outcomes = await (await resident.GetAsync("/api/meetings/outcomes?area=East")).Json(HttpStatusCode.OK);
        var outcome = outcomes.AsArray().Single(o => o!["weDid"]!.GetValue<string>().Contains("14 drivers stopped"))!;
        Assert.Equal("Cars race down Military Road at night", outcome["youSaid"]!.GetValue<string>());
        var asked = await (await resident.GetAsync($"/api/meetings/meetings/{meeting}/questions")).Json(HttpStatusCode.OK);
        Assert.Contains("Yes: the East team", asked.ToJsonString());
        Assert.DoesNotContain("Sam", asked.ToJsonString());

        // the public feed: the NEM (with a URL back to it) and the Open Forum, never the case panel
        var feed = await resident.GetAsync("/api/meetings/calendar/public.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{meeting}@", ics);
        Assert.Contains($"UID:{forum}@", ics);
        Assert.DoesNotContain(panelMeeting.ToString(), ics);
        Assert.Contains($"/meetings/{meeting}\r\n", ics.Replace("\r\n ", "")); // the entry links to the meeting's page on the website
        var east = await (await resident.GetAsync("/api/meetings/calendar/areas/East.ics")).Content.ReadAsStringAsync();
        Assert.Contains($"UID:{meeting}@", east);
        Assert.DoesNotContain(panelMeeting.ToString(), east);
    }
}
