using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The governance administrator's strategy cycle: the compliance checklist with its evidence, agreements, the plan, and recording a strategic assessment.</summary>
public sealed class GovernanceStrategyTests(WebFactory site) : SiteTests(site)
{
    private const int Year = 2027;

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<Browser> Admin(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);

    private void Serve()
    {
        Gateway.Get($"/api/governance/compliance/{Year}", new ComplianceChecklistView(Year, new DateOnly(2027, 3, 1), false,
        [
            new ComplianceCheck("strategic-assessment", "Strategic assessment done", true, "1 local strategic assessment(s) for 2027.", ["Maidstone Community Safety Partnership"]),
            new ComplianceCheck("isa-current", "Every member organisation's ISA current", false, "Not signed, withdrawn or past review: Violence Reduction Unit.", ["Violence Reduction Unit"]),
        ]));
        Gateway.Get("/api/governance/strategy/assessments", new[]
        {
            new StrategicAssessmentView(Guid.NewGuid(), "Maidstone Community Safety Partnership", Year,
                [new AssessmentPriority(Guid.NewGuid(), "Shoplifting", "Up 20% on last year"), new AssessmentPriority(Guid.NewGuid(), "Knife crime", "Town centre")], DateTimeOffset.UtcNow),
        });
        Gateway.Get("/api/governance/strategy/agreements", new[]
        {
            new AgreementSummary(Guid.NewGuid(), Year, "County Community Safety Agreement 2027", Guid.NewGuid(), DateTimeOffset.UtcNow, AgreementStatus.Draft, Year, null),
        });
        Gateway.Get("/api/governance/open/action-plan", new ActionPlanView(Guid.NewGuid(), "County Community Safety Agreement 2026", 2026, new DateOnly(2027, 3, 1), 40,
            new RagCounts(0, 1, 0), [new PlanLineView(Guid.NewGuid(), Guid.NewGuid(), "Violence against women and girls", "Safer night-time economy", "Kent Police", 2026,
                Rag.Amber, 40, ["A milestone is overdue"], [], [])]));
    }

    [Fact]
    public async Task The_strategy_page_shows_the_checklist_with_its_evidence_the_agreements_the_plan_and_the_years_assessments()
    {
        Serve();
        var browser = await Admin();

        var page = await browser.Get($"/admin/strategy?year={Year}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2027", page.H1);
        var checks = page.Document.QuerySelectorAll("#checklist .govuk-summary-list__row")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("dt, .govuk-tag, dd > p, li").Select(e => Squeezed(e.TextContent)))).ToList();
        Assert.Equal(
        [
            "Strategic assessment done | Met | 1 local strategic assessment(s) for 2027. | Maidstone Community Safety Partnership",
            "Every member organisation's ISA current | Not met | Not signed, withdrawn or past review: Violence Reduction Unit. | Violence Reduction Unit",
        ], checks);
        Assert.Contains("1 of 2 not met", page.Document.QuerySelector("#compliance + p")!.TextContent);
        Assert.Contains("Draft: awaiting the partnership's decision", page.Document.QuerySelector("#agreements")!.TextContent);
        Assert.Contains("At risk", page.Document.QuerySelector("#plan-lines .govuk-tag")!.TextContent);
        Assert.Contains("A milestone is overdue", page.Document.QuerySelector("#plan-lines")!.TextContent);
        Assert.Equal("Maidstone Community Safety Partnership: Shoplifting, Knife crime", Squeezed(page.Document.QuerySelector("#assessment-list li")!.TextContent));
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/governance/strategy/assessments"), r => r.PathAndQuery.Contains("year=2027"));
    }

    [Fact]
    public async Task An_assessment_is_sent_with_the_priorities_filled_in()
    {
        Serve();
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get($"/admin/strategy?year={Year}");
        Gateway.Answer(HttpMethod.Post, "/api/governance/strategy/assessments", new { id = Guid.NewGuid() }, HttpStatusCode.Created);

        var answer = await browser.Submit(page, "assessment", new Dictionary<string, string?>
        {
            ["Form.PartnershipName"] = "Ashford Community Safety Partnership", ["Form.Year"] = "2027",
            ["Form.Titles[0]"] = "Anti-social behaviour", ["Form.Evidence[0]"] = "Reports up in the town centre",
            ["Form.Titles[1]"] = "", ["Form.Evidence[1]"] = "",
            ["Form.Titles[2]"] = "Road safety", ["Form.Evidence[2]"] = "Collisions on the A28",
        });

        Assert.Equal("/admin/strategy?year=2027&done=assessment", answer.RedirectPath());
        Assert.Equal("""{"partnershipName":"Ashford Community Safety Partnership","year":2027,"priorities":[{"title":"Anti-social behaviour","evidence":"Reports up in the town centre"},{"title":"Road safety","evidence":"Collisions on the A28"}]}""",
            JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/governance/strategy/assessments")).Body!)!.ToJsonString());
    }

    [Fact]
    public async Task An_assessment_needs_a_partnership_a_year_and_a_first_priority_with_its_evidence()
    {
        Serve();
        var browser = await Admin();
        var page = await browser.Get($"/admin/strategy?year={Year}");

        var answer = await browser.Submit(page, "assessment", new Dictionary<string, string?>
        {
            ["Form.PartnershipName"] = "", ["Form.Year"] = "27", ["Form.Titles[0]"] = "Shoplifting", ["Form.Evidence[0]"] = " ",
        });

        Assert.Equal([("Enter the name of the local partnership", "assessment-partnership"), ("Enter the year as four digits, like 2027", "assessment-year"),
            ("Enter the evidence for priority 1", "priority-1-evidence")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_second_assessment_from_the_same_partnership_is_refused_plainly()
    {
        Serve();
        var browser = await Admin();
        var page = await browser.Get($"/admin/strategy?year={Year}");
        Gateway.Refuse(HttpMethod.Post, "/api/governance/strategy/assessments", HttpStatusCode.Conflict, "assessment-already-submitted",
            "Maidstone Community Safety Partnership already submitted its strategic assessment for 2027.");

        var answer = await browser.Submit(page, "assessment", new Dictionary<string, string?>
        {
            ["Form.PartnershipName"] = "Maidstone Community Safety Partnership", ["Form.Year"] = "2027", ["Form.Titles[0]"] = "Shoplifting", ["Form.Evidence[0]"] = "Up",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("already submitted its strategic assessment for 2027", answer.ErrorSummary);
    }

    [Fact]
    public async Task Another_role_gets_the_403_page()
    {
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);

        var page = await browser.Get("/admin/strategy");

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (page.Status, page.H1));
    }
}
