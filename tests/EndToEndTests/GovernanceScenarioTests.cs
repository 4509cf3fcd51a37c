using System.Globalization;
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
            new { organisationId, personName = "Pat Officer", approvedBy = "Chief Executive", approvedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).StatusCode);
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

    /// <summary>A body of four responsible authorities (Scenario) and one of its quorate meetings: the body's id and the meeting's record.</summary>
    private static async Task<(Guid Body, Guid Meeting, JsonNode Record)> QuorateMeeting(HttpClient admin)
    {
        var meeting = (await Scenario.QuorateMeetings(admin, 1))[0];
        var record = await (await admin.GetAsync($"/api/meetings/meetings/{meeting}")).Json(HttpStatusCode.OK);
        return (record["bodyId"]!.GetValue<Guid>(), meeting, record);
    }

    [Fact]
    public async Task A_decision_in_meetings_adopts_new_terms_of_reference_and_meetings_applies_the_new_quorum()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var (body, meeting, _) = await QuorateMeeting(admin);
        var draft = await (await admin.PostJson($"/api/governance/bodies/{body}/terms-of-reference", new
        {
            purpose = "To produce the county Community Safety Agreement and performance-manage its action plan",
            guidingPrinciples = new[] { "Shared ownership", "Evidence-led" },
            responsibilities = new[] { "Review the CSA each year", "Raise exceptions with the KCSP" },
            membership = new[] { "One representative of each responsible authority" },
            cadence = "Monthly", quorumMinimum = 3, decisionMaking = "Consensus",
        })).Json(HttpStatusCode.Created);
        var versionId = draft["versionId"]!.GetValue<Guid>();

        await (await admin.PostJson($"/api/meetings/meetings/{meeting}/decisions",
            new { text = "The revised terms of reference are adopted", consensusReached = true, adopts = new[] { versionId } })).Json(HttpStatusCode.OK);

        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (await (await admin.GetAsync($"/api/governance/bodies/{body}/terms-of-reference")).Json(HttpStatusCode.OK))["inEffect"]?["versionId"]?.GetValue<Guid>() == versionId);
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
        {
            var view = (await (await admin.GetAsync($"/api/meetings/bodies/{body}")).Json(HttpStatusCode.OK))["body"]!;
            return view["quorumMinimum"]!.GetValue<int>() == 3 && view["cadence"]!.GetValue<string>() == "Monthly";
        });
    }

    [Fact]
    public async Task A_chairs_term_nears_its_end_and_the_reminder_is_raised()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var (body, _, record) = await QuorateMeeting(admin);
        var members = record["attendance"]!.AsArray().Select(a => a!["membershipId"]!.GetValue<Guid>()).ToList();
        // elected two years ago: the term ends in ten days, inside the 60 days before which the reminder comes
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await (await admin.PostJson($"/api/governance/bodies/{body}/elections", new
        {
            office = "Chair", candidates = members.Take(2), electedMembershipId = members[1],
            termStartsOn = today.AddYears(-2).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), termEndsOn = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).Json(HttpStatusCode.OK);

        JsonArray reminders = [];
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (reminders = (await (await admin.GetAsync($"/api/governance/bodies/{body}/reminders")).Json(HttpStatusCode.OK)).AsArray()).Count > 0);
        var reminder = Assert.Single(reminders)!;
        Assert.Equal(("Chair", members[1], today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (reminder["office"]!.GetValue<string>(), reminder["membershipId"]!.GetValue<Guid>(), reminder["termEndsOn"]!.GetValue<string>()));
        var offices = await (await admin.GetAsync($"/api/governance/bodies/{body}/offices")).Json(HttpStatusCode.OK);
        Assert.False(offices.AsArray().Single(o => o!["office"]!.GetValue<string>() == "Chair")!["vacant"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_action_plan_line_goes_red_and_its_exception_appears_on_the_next_county_partnership_agenda()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        // the county partnership: its quorate meeting agrees the CSA; its next meeting is in three weeks
        var (kcsp, meeting, _) = await QuorateMeeting(admin);
        var next = await (await admin.PostJson("/api/meetings/meetings", new { bodyId = kcsp, startsAt = DateTimeOffset.UtcNow.AddDays(21) })).CreatedId();

        var planYear = DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
        var assessment = await (await admin.PostJson("/api/governance/strategy/assessments", new
        {
            partnershipName = Unique("Canterbury CSP"), year = planYear,
            priorities = new[] { new { title = "Domestic abuse", evidence = "Repeat victims up 12 %" } },
        })).CreatedId();
        var agreement = await (await admin.PostJson("/api/governance/strategy/agreements", new
        {
            year = planYear, title = Unique("Kent Community Safety Agreement"), countyBodyId = kcsp,
            priorities = new[] { new { title = "Reduce repeat victims of domestic abuse", rationale = "Every district's top priority", drawsOn = new[] { new { assessmentId = assessment } } } },
        })).CreatedId();
        await (await admin.PostJson($"/api/meetings/meetings/{meeting}/decisions",
            new { text = "The Community Safety Agreement is agreed", consensusReached = true, adopts = new[] { agreement } })).Json(HttpStatusCode.OK);
        JsonNode csa = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (csa = await (await admin.GetAsync($"/api/governance/strategy/agreements/{agreement}")).Json(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Agreed");

        var owner = await (await admin.PostJson("/api/governance/organisations", new { name = Unique("Kent Police"), kind = "ResponsibleAuthority" })).CreatedId();
        var priority = csa["versions"]![0]!["priorities"]![0]!["id"]!.GetValue<Guid>();
        var line = await (await admin.PostJson($"/api/governance/strategy/agreements/{agreement}/plan/lines", new
        {
            priorityId = priority, title = "Repeat victims of domestic abuse", ownerOrganisationId = owner,
            milestones = Array.Empty<object>(), measures = new[] { new { name = "Repeat victims", unit = "people", baseline = 400m, target = 320m } },
        })).Json(HttpStatusCode.OK);
        var (lineId, measure) = (line["lineId"]!.GetValue<Guid>(), line["measures"]![0]!["id"]!.GetValue<Guid>());
        // this quarter: more repeat victims, not fewer — the line turns Red
        var quarter = $"{planYear}-Q{(DateTime.UtcNow.Month + 8) % 12 / 3 + 1}";
        var rated = await (await admin.PostJson($"/api/governance/strategy/agreements/{agreement}/plan/lines/{lineId}/actuals",
            new { measureId = measure, quarter, actual = 430m })).Json(HttpStatusCode.OK);
        Assert.Equal("Red", rated["ragChangedTo"]?.GetValue<string>());
        Assert.NotNull(rated["exceptionRaised"]?.GetValue<Guid>());

        JsonNode? item = null;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (item = (await (await admin.GetAsync($"/api/meetings/meetings/{next}/agenda")).Json(HttpStatusCode.OK))["items"]!.AsArray()
                .FirstOrDefault(i => i!["kind"]!.GetValue<string>() == "Escalated")) is not null);
        Assert.Contains("Repeat victims of domestic abuse", item!["title"]!.GetValue<string>() + item["origin"]!.ToJsonString());
        Assert.Contains("action plan", item["origin"]!.ToJsonString());
    }

    [Fact]
    public async Task The_compliance_checklist_shows_the_public_meeting_once_it_is_held()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var planYear = DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
        async Task<JsonNode> PublicMeetingCheck() =>
            (await (await admin.GetAsync($"/api/governance/compliance/{planYear}")).Json(HttpStatusCode.OK))["checks"]!.AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == "public-meeting-held")!;
        var before = (await PublicMeetingCheck())["evidence"]!.AsArray().Count;

        var forum = await (await admin.PostJson("/api/governance/bodies", new { name = Unique("Open Forum"), kind = "OpenForum", cadence = "TwiceYearly" })).CreatedId();
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await admin.GetAsync($"/api/meetings/bodies/{forum}")).StatusCode == HttpStatusCode.OK);
        // this platform advertises public meetings at no notice: the Open Forum starts in two seconds
        var meeting = await (await admin.PostJson("/api/meetings/meetings", new { bodyId = forum, startsAt = DateTimeOffset.UtcNow.AddSeconds(2) })).CreatedId();
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await admin.PostJson($"/api/meetings/meetings/{meeting}/held", null)).StatusCode == HttpStatusCode.NoContent);

        JsonNode check = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (check = await PublicMeetingCheck())["evidence"]!.AsArray().Count == before + 1);
        Assert.True(check["met"]!.GetValue<bool>());
    }
}
