using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.StrategyApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// The CSA action plan: lines under county priorities with milestones and measures, quarterly actuals and completed
/// milestones, RAG and % progress derived on every read, and an exception (EscalationRequested, for the county
/// partnership's next agenda) each time a line turns Red. Plan year 2026 runs April 2026 – March 2027: its first quarters
/// have begun whenever these tests run.
/// </summary>
public sealed class ActionPlanTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private async Task<(Guid Id, Guid County, Guid Priority, Guid Owner)> AgreedPlan()
    {
        var (id, county, priority) = await _admin.DraftAgreement(2026);
        await fixture.Receive(Adopting(id, county));
        return (id, county, priority, await _admin.RegisterOrganisation("Kent Police " + Guid.NewGuid().ToString("N")[..6]));
    }

    private static JsonNode LineOf(JsonNode plan, Guid lineId) => plan["lines"]!.AsArray().Single(l => l!["id"]!.GetValue<Guid>() == lineId)!;

    private async Task<(HttpResponseMessage Response, ITrackedSession Tracked)> Tracked(Func<Task<HttpResponseMessage>> request)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await request());
        return (response, tracked);
    }

    [Fact]
    public async Task The_plan_shows_each_line_with_its_owner_RAG_and_percent_progress()
    {
        var (id, _, priority, owner) = await AgreedPlan();
        var (lineId, milestoneId, measureId) = await _admin.AddLine(id, priority, owner, dueOn: "2099-03-31");

        var fresh = LineOf(await (await _admin.GetAsync(Plan(id))).Json(HttpStatusCode.OK), lineId);
        Assert.Equal(("Green", 0, "Domestic abuse"), (fresh["rag"]!.GetValue<string>(), fresh["progressPercent"]!.GetValue<int>(),
            fresh["priorityTitle"]!.GetValue<string>()));
        Assert.StartsWith("Kent Police", fresh["owner"]!.GetValue<string>());

        var on = await (await _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q2", actual = 150 })).Json(HttpStatusCode.OK);
        Assert.Null(on["exceptionRaised"]);
        await (await _admin.PostJson(Complete(id, lineId, milestoneId), new { on = "2026-06-30" })).Json(HttpStatusCode.OK);

        var plan = await (await _admin.GetAsync(Plan(id))).Json(HttpStatusCode.OK);
        var line = LineOf(plan, lineId);
        Assert.Equal(("Green", 75), (line["rag"]!.GetValue<string>(), line["progressPercent"]!.GetValue<int>())); // (0.5 + 1) / 2
        var measure = line["measures"]![0]!;
        Assert.Equal(("2026-Q2", 150m, 50, 50), (measure["latestQuarter"]!.GetValue<string>(), measure["latestActual"]!.GetValue<decimal>(),
            measure["progressPercent"]!.GetValue<int>(), measure["expectedPercent"]!.GetValue<int>()));
        Assert.Equal(75, plan["progressPercent"]!.GetValue<int>());
        Assert.Equal(1, plan["rag"]!["green"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_line_turning_Red_publishes_EscalationRequested_for_the_county_partnership_once_per_turn()
    {
        var (id, county, priority, owner) = await AgreedPlan();
        var (lineId, _, measureId) = await _admin.AddLine(id, priority, owner, "Reduce repeat victims", dueOn: "2099-03-31");

        var (response, tracked) = await Tracked(() => _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q2", actual = 110 }));
        var answer = await response.Json(HttpStatusCode.OK);
        Assert.Equal("Red", answer["ragChangedTo"]!.GetValue<string>());
        var escalation = tracked.Sent.SingleMessage<EscalationRequested>();
        Assert.Equal((county, "CSA 2026 action plan: Reduce repeat victims"), (escalation.ToBodyId, escalation.Origin));
        Assert.Equal(answer["exceptionRaised"]!.GetValue<Guid>(), escalation.EscalationId);
        Assert.Contains("Reduce repeat victims", escalation.Title);
        Assert.Equal("/api/governance/open/action-plan", escalation.Url);

        // still Red: no second exception
        (_, tracked) = await Tracked(() => _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q2", actual = 105 }));
        Assert.Empty(tracked.Sent.MessagesOf<EscalationRequested>());
        // back to Amber, then Red again: a second exception
        (_, tracked) = await Tracked(() => _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q2", actual = 135 }));
        Assert.Empty(tracked.Sent.MessagesOf<EscalationRequested>());
        (_, tracked) = await Tracked(() => _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q3", actual = 120 }));
        Assert.NotEqual(escalation.EscalationId, tracked.Sent.SingleMessage<EscalationRequested>().EscalationId);

        var line = LineOf(await (await _admin.GetAsync(Plan(id))).Json(HttpStatusCode.OK), lineId);
        Assert.Equal("Red", line["rag"]!.GetValue<string>());
        Assert.Equal(2, line["exceptions"]!.AsArray().Count);
        Assert.NotEmpty(line["reasons"]!.AsArray());
    }

    [Fact]
    public async Task A_line_with_a_long_overdue_milestone_raises_its_exception_when_the_agreement_is_agreed()
    {
        var (id, county, priority) = await _admin.DraftAgreement(2026);
        var owner = await _admin.RegisterOrganisation();
        var (lineId, _, _) = await _admin.AddLine(id, priority, owner, "Open the refuge", dueOn: "2026-05-01");
        Assert.Equal("Red", LineOf(await (await _admin.GetAsync(Plan(id))).Json(HttpStatusCode.OK), lineId)["rag"]!.GetValue<string>());

        var tracked = await fixture.ReceiveTracked(Adopting(id, county));
        Assert.Equal(county, tracked.Sent.SingleMessage<EscalationRequested>().ToBodyId);
        Assert.Single((await _admin.ReadAgreement(id))["lines"]![0]!["exceptions"]!.AsArray());
    }

    [Fact]
    public async Task Lines_that_cannot_be_added_are_answered_400_404_or_422()
    {
        var (id, _, priority, owner) = await AgreedPlan();
        await (await _admin.PostJson(Lines(id), new { priorityId = Guid.Empty, title = "" })).ValidationProblem("priorityId", "title", "ownerOrganisationId", "milestones");
        await (await _admin.PostJson(Lines(id), new
        {
            priorityId = priority, title = "t", ownerOrganisationId = owner,
            milestones = new[] { new { title = "m", dueOn = (string?)null } },
            measures = new[] { new { name = "n", baseline = 5, target = 5 } },
        })).ValidationProblem("milestones[0].dueOn", "measures[0].target");
        object Line(Guid priorityId, Guid ownerId) => new { priorityId, title = "t", ownerOrganisationId = ownerId, measures = new[] { new { name = "n", baseline = 1, target = 2 } } };
        await (await _admin.PostJson(Lines(Guid.NewGuid()), Line(priority, owner))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson(Lines(id), Line(Guid.NewGuid(), owner))).Problem(HttpStatusCode.UnprocessableEntity, "priority-not-found");
        await (await _admin.PostJson(Lines(id), Line(priority, Guid.NewGuid()))).Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-registered");
        await (await _admin.GetAsync(Plan(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Actuals_and_completions_that_cannot_be_taken_are_answered_400_404_409_or_422()
    {
        var (draft, _, draftPriority) = await _admin.DraftAgreement(2026);
        var owner = await _admin.RegisterOrganisation();
        var (draftLine, draftMilestone, draftMeasure) = await _admin.AddLine(draft, draftPriority, owner, dueOn: "2099-01-01");
        await (await _admin.PostJson(Actuals(draft, draftLine), new { measureId = draftMeasure, quarter = "2026-Q1", actual = 120 }))
            .Problem(HttpStatusCode.Conflict, "agreement-not-agreed");
        await (await _admin.PostJson(Complete(draft, draftLine, draftMilestone), new { on = "2026-06-01" }))
            .Problem(HttpStatusCode.Conflict, "agreement-not-agreed");

        var (id, _, priority, _) = await AgreedPlan();
        var (lineId, milestoneId, measureId) = await _admin.AddLine(id, priority, owner, dueOn: "2099-01-01");
        await (await _admin.PostJson(Actuals(id, lineId), new { measureId = Guid.Empty, quarter = "Q1 2026" })).ValidationProblem("measureId", "quarter", "actual");
        await (await _admin.PostJson(Actuals(id, Guid.NewGuid()), new { measureId, quarter = "2026-Q1", actual = 1 }))
            .Problem(HttpStatusCode.NotFound, "plan-line-not-found");
        await (await _admin.PostJson(Actuals(id, lineId), new { measureId = Guid.NewGuid(), quarter = "2026-Q1", actual = 1 }))
            .Problem(HttpStatusCode.UnprocessableEntity, "measure-not-found");
        await (await _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2025-Q4", actual = 1 }))
            .Problem(HttpStatusCode.UnprocessableEntity, "quarter-outside-plan-year");
        await (await _admin.PostJson(Actuals(id, lineId), new { measureId, quarter = "2026-Q1", actual = 1 }, ifMatch: "\"1\""))
            .Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        await (await _admin.PostJson(Complete(id, lineId, milestoneId), new { })).ValidationProblem("on");
        await (await _admin.PostJson(Complete(id, lineId, Guid.NewGuid()), new { on = "2026-06-01" })).Problem(HttpStatusCode.NotFound, "milestone-not-found");
        await (await _admin.PostJson(Complete(id, lineId, milestoneId), new { on = "2099-01-01" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "completed-in-future");
        await (await _admin.PostJson(Complete(id, lineId, milestoneId), new { on = "2026-06-01" })).Json(HttpStatusCode.OK);
        await (await _admin.PostJson(Complete(id, lineId, milestoneId), new { on = "2026-06-02" }))
            .Problem(HttpStatusCode.Conflict, "milestone-already-completed");
    }
}
