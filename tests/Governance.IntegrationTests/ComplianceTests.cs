using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The annual compliance checklist. The database is shared by the whole run, so each test takes a plan year of its own.</summary>
public sealed class ComplianceTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private async Task<JsonNode> Check(int year, string id) =>
        (await (await _admin.GetAsync($"/api/governance/compliance/{year}")).Json(HttpStatusCode.OK))["checks"]!.AsArray()
        .Single(c => c!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task A_public_meeting_held_in_the_plan_year_meets_its_check_and_a_private_one_does_not()
    {
        const int year = 2091;
        Assert.False((await Check(year, "public-meeting-held"))["met"]!.GetValue<bool>());

        // a private meeting in the year, and a public one just before it (31 March, in the previous plan year)
        await fixture.Receive(new MeetingHeld(Guid.NewGuid(), Guid.NewGuid(), false, new DateTimeOffset(2091, 6, 1, 10, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow));
        await fixture.Receive(new MeetingHeld(Guid.NewGuid(), Guid.NewGuid(), true, new DateTimeOffset(2091, 3, 31, 18, 0, 0, TimeSpan.FromHours(1)), DateTimeOffset.UtcNow));
        Assert.False((await Check(year, "public-meeting-held"))["met"]!.GetValue<bool>());

        var openForum = new MeetingHeld(Guid.NewGuid(), Guid.NewGuid(), true, new DateTimeOffset(2092, 3, 14, 18, 30, 0, TimeSpan.Zero), DateTimeOffset.UtcNow);
        await fixture.Receive(openForum);
        await fixture.Receive(openForum); // heard twice, counted once
        var check = await Check(year, "public-meeting-held");
        Assert.True(check["met"]!.GetValue<bool>(), check.ToJsonString());
        Assert.Equal(["2092-03-14"], check["evidence"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task A_strategic_assessment_for_the_year_meets_its_check()
    {
        const int year = 2093;
        Assert.False((await Check(year, "strategic-assessment"))["met"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostJson("/api/governance/strategy/assessments", new
        {
            partnershipName = "Ashford Community Safety Partnership", year,
            priorities = new[] { new { title = "Shoplifting", evidence = "Up 18 % on the year" } },
        })).StatusCode);
        var check = await Check(year, "strategic-assessment");
        Assert.True(check["met"]!.GetValue<bool>());
        Assert.Equal(["Ashford Community Safety Partnership"], check["evidence"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False((await Check(year, "agreement-agreed-and-published"))["met"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_checklist_answers_a_bad_year_with_a_problem_and_needs_a_token()
    {
        await (await _admin.GetAsync("/api/governance/compliance/1999")).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _admin.GetAsync("/api/governance/compliance/next")).Problem(HttpStatusCode.NotFound); // not a year: no such route
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAsync("/api/governance/compliance/2027")).StatusCode);
        var view = await (await _admin.GetAsync("/api/governance/compliance/2027")).Json(HttpStatusCode.OK);
        Assert.Equal(5, view["checks"]!.AsArray().Count);
    }
}
