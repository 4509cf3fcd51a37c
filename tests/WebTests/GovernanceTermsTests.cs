using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>A body's terms of reference for the governance administrator: the version in effect, drafts awaiting adoption, drafting a new version.</summary>
public sealed class GovernanceTermsTests(WebFactory site) : SiteTests(site)
{
    private readonly AdminData _data = new();

    private string Path => $"{_data.BodyPath}/terms";

    private string Api => $"/api/governance/bodies/{_data.BodyId}/terms-of-reference";

    private TermsOfReferenceView Version(int number, TermsStatus status, TermsAdoption? adoption, params RefusedAdoption[] refused) =>
        new(Guid.NewGuid(), _data.BodyId, number, status, $"Purpose {number}: to co-ordinate community safety work across Kent", ["Partnership working"],
            ["Deliver the Community Safety Agreement"], ["Kent Police", "Kent County Council"], MeetingCadence.Quarterly, 4, DecisionMaking.Consensus,
            DateTimeOffset.UtcNow.AddYears(-1), adoption, refused);

    private async Task<(Browser Browser, Page Page, TermsOfReferenceView Draft)> Open(bool followRedirects = true)
    {
        var adopted = Version(2, TermsStatus.InEffect, new TermsAdoption(Guid.NewGuid(), Guid.NewGuid(), _data.BodyId, new DateOnly(2026, 4, 14), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        var draft = Version(3, TermsStatus.Draft, null, new RefusedAdoption(Guid.NewGuid(), "no-consensus", new DateTimeOffset(2026, 10, 6, 18, 0, 0, TimeSpan.Zero)));
        Gateway.Get($"/api/governance/bodies/{_data.BodyId}", _data.Body());
        Gateway.Get(Api, new BodyTermsOfReference(_data.BodyId, adopted, [draft], [adopted]));
        var browser = await Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);
        return (browser, await browser.Get(Path), draft);
    }

    [Fact]
    public async Task The_page_shows_the_version_in_effect_and_a_draft_with_the_reference_a_decision_adopts_and_why_one_did_not()
    {
        var (_, page, draft) = await Open();

        Assert.Equal("Terms of reference", page.H1);
        Assert.Contains("Version 2, adopted on 14 April 2026.", page.Text);
        Assert.Contains("Purpose 2: to co-ordinate community safety work across Kent", page.Text);
        var inset = page.Document.QuerySelector("#draft-3 + .govuk-inset-text")!.TextContent;
        Assert.Contains(draft.VersionId.ToString(), inset);
        Assert.Contains("A decision on Tuesday 6 October 2026 did not adopt it: the decision was not reached by consensus.", inset);
    }

    [Fact]
    public async Task A_new_version_is_drafted_one_line_a_principle()
    {
        var (browser, page, _) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, Api, new { versionId = Guid.NewGuid(), version = 4 }, HttpStatusCode.Created);

        var answer = await browser.Submit(page, "draft", new Dictionary<string, string?>
        {
            ["Form.Purpose"] = "To reduce crime and disorder in Kent", ["Form.Principles"] = "Partnership working\r\n\r\n Openness \r\n", ["Form.Responsibilities"] = "",
            ["Form.Membership"] = "Kent Police", ["Form.Cadence"] = "BiMonthly", ["Form.Quorum"] = "5", ["Form.DecisionMaking"] = "Majority",
        });

        Assert.Equal($"{Path}?done=drafted", answer.RedirectPath());
        Assert.Equal("""{"purpose":"To reduce crime and disorder in Kent","guidingPrinciples":["Partnership working","Openness"],"responsibilities":[],"membership":["Kent Police"],"cadence":"BiMonthly","quorumMinimum":5,"decisionMaking":"Majority"}""",
            JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, Api)).Body!)!.ToJsonString());
    }

    [Fact]
    public async Task A_version_needs_a_purpose_a_quorum_and_how_decisions_are_made()
    {
        var (browser, page, _) = await Open();

        var answer = await browser.Submit(page, "draft", new Dictionary<string, string?> { ["Form.Purpose"] = " ", ["Form.Cadence"] = "Quarterly", ["Form.Quorum"] = "0" });

        Assert.Equal([("Enter the purpose of the body", "terms-purpose"), ("The quorum must be a whole number between 1 and 50", "terms-quorum"),
            ("Select how it makes decisions", "terms-decisions")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task An_unknown_body_is_the_404_page()
    {
        var browser = await Site.As(DemonstrationUsers.Persona.GovernanceAdmin);

        var page = await browser.Get($"/admin/bodies/{Guid.NewGuid()}/terms");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (page.Status, page.H1));
    }
}
