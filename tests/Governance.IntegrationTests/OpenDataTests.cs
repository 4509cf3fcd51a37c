using System.Net;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.StrategyApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Open data for residents and the Open Forum: anonymous JSON of the agreement in force, its action plan and the public decisions.</summary>
public sealed class OpenDataTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);
    private readonly HttpClient _anonymous = fixture.Client();

    [Fact]
    public async Task The_agreement_in_force_and_its_action_plan_are_open_to_anyone()
    {
        var (id, county, priority) = await _admin.DraftAgreement(2026);
        var owner = await _admin.RegisterOrganisation(GovernanceApi.Unique("Kent Fire and Rescue Service"));
        var (lineId, _, measureId) = await _admin.AddLine(id, priority, owner, "Home safety visits", dueOn: "2099-03-31");
        var decision = Adopting(id, county);
        await fixture.Receive(decision);
        await (await _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q1", actual = 125 })).Json(HttpStatusCode.OK);

        var agreement = await (await _anonymous.GetAsync("/api/governance/open/agreement")).Json(HttpStatusCode.OK);
        Assert.Equal((id, 1, decision.DecisionId), (agreement["id"]!.GetValue<Guid>(), agreement["version"]!.GetValue<int>(),
            agreement["agreedByDecisionId"]!.GetValue<Guid>()));
        Assert.StartsWith("Kent Community Safety Partnership", agreement["countyPartnership"]!.GetValue<string>());
        Assert.Equal(["Domestic abuse", "Road safety"], agreement["priorities"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
        Assert.Contains("strategic assessment 2026: Domestic abuse", agreement["priorities"]![0]!["drawsOn"]![0]!.GetValue<string>());

        var plan = await (await _anonymous.GetAsync("/api/governance/open/action-plan")).Json(HttpStatusCode.OK);
        Assert.Equal(id, plan["agreementId"]!.GetValue<Guid>());
        var line = Assert.Single(plan["lines"]!.AsArray())!;
        Assert.StartsWith("Kent Fire and Rescue Service", line["owner"]!.GetValue<string>());
        Assert.Equal(("Green", 13), (line["rag"]!.GetValue<string>(), line["progressPercent"]!.GetValue<int>())); // 25% of the way, milestone open
    }

    [Fact]
    public async Task Public_decisions_leave_out_the_ASB_case_panel_and_include_grant_awards()
    {
        var group = await _admin.CreateBody(GovernanceApi.Unique("Working Group"));
        var panel = await _admin.CreateBody(GovernanceApi.Unique("ASB Case Panel"), "AsbCasePanel");
        var open = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), group, "Adopt the night-time economy plan", true, "4", [], DateTimeOffset.UtcNow);
        var confidential = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), panel, "Refer the named household", true, "2", [], DateTimeOffset.UtcNow);
        var award = new GrantAwarded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Street Pastors", 12_500m, "GBP", open.DecisionId,
            new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow);
        foreach (var message in new object[] { open, confidential, award }) await fixture.Receive(message);

        var decisions = await _anonymous.AllPages("/api/governance/open/decisions?limit=500");
        var ids = decisions.Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(open.DecisionId, ids);
        Assert.Contains(award.AwardId, ids);
        Assert.DoesNotContain(confidential.DecisionId, ids);
        var shown = decisions.Single(d => d!["id"]!.GetValue<Guid>() == open.DecisionId)!;
        Assert.Equal(("decision", open.Text), (shown["kind"]!.GetValue<string>(), shown["summary"]!.GetValue<string>()));
        Assert.True(ids.IndexOf(award.AwardId) < ids.IndexOf(open.DecisionId), "newest first");

        Assert.Single((await (await _anonymous.GetAsync("/api/governance/open/decisions?limit=1")).Json(HttpStatusCode.OK)).AsArray());
        await (await _anonymous.GetAsync("/api/governance/open/decisions?limit=0")).ValidationProblem("limit");
        await (await _anonymous.GetAsync("/api/governance/open/decisions?limit=lots")).Problem(HttpStatusCode.BadRequest);
    }
}
