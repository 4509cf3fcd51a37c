using System.Net;
using System.Text.Json;
using CommunitySafety.Web;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The demonstration sign-in's staff personas beyond the meetings' ones, and the dashboard's part for each.</summary>
public sealed class StaffSignInTests(WebFactory site) : SiteTests(site)
{
    public static TheoryData<string> OrganisationPersonas =>
    [
        nameof(DemonstrationUsers.Persona.CaseWorker), nameof(DemonstrationUsers.Persona.PanelChair), nameof(DemonstrationUsers.Persona.PartnershipAdmin),
        nameof(DemonstrationUsers.Persona.Bidder), nameof(DemonstrationUsers.Persona.OrganisationAdmin), nameof(DemonstrationUsers.Persona.Member),
    ];

    [Theory]
    [MemberData(nameof(OrganisationPersonas))]
    public async Task A_persona_who_acts_for_an_organisation_must_choose_one_and_nothing_is_minted_without(string persona)
    {
        var browser = Site.Browser();
        var form = await browser.Get("/sign-in");

        var page = await browser.Submit(form, "sign-in", new Dictionary<string, string?> { ["Form.Persona"] = persona, ["Form.Name"] = "Ann Worker" });

        Assert.Equal([("Select your organisation", "organisation")], page.Errors);
        Assert.Empty(UsersMinted());
    }

    [Fact]
    public async Task A_case_worker_is_minted_a_token_with_their_role_and_organisation()
    {
        var organisation = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, "/api/dev/token", new { access_token = "x.y.z" }, HttpStatusCode.BadRequest); // only the request is read here
        var browser = Site.Browser();
        var form = await browser.Get("/sign-in");

        await browser.Submit(form, "sign-in", new Dictionary<string, string?>
        {
            ["Form.Persona"] = "CaseWorker", ["Form.OrganisationId"] = organisation.ToString(), ["Form.Name"] = "Ann Worker",
        });

        var sent = JsonDocument.Parse(Assert.Single(UsersMinted()).Body!).RootElement;
        Assert.Equal(organisation, sent.GetProperty("organisationId").GetGuid());
        Assert.Equal(["case-worker"], sent.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Ann Worker", sent.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(DemonstrationUsers.Persona.CaseWorker, "/cases", "/cases/refer")]
    [InlineData(DemonstrationUsers.Persona.PanelChair, "/cases", "/cases/panel")]
    [InlineData(DemonstrationUsers.Persona.PartnershipAdmin, "/cases", "/cases/audit")]
    [InlineData(DemonstrationUsers.Persona.FundingOfficer, "/funding", "/funding/bids")]
    [InlineData(DemonstrationUsers.Persona.FinanceOfficer, "/funding", "/funding/bids")]
    [InlineData(DemonstrationUsers.Persona.Bidder, "/funding", "/funding/bids")]
    [InlineData(DemonstrationUsers.Persona.GovernanceAdmin, "/admin/organisations", "/admin/strategy")]
    [InlineData(DemonstrationUsers.Persona.OrganisationAdmin, "/integrations/webhooks", "/integrations/webhooks")]
    public async Task The_dashboard_leads_each_role_to_its_work(DemonstrationUsers.Persona persona, string first, string second)
    {
        var browser = await Site.As(persona, DemonstrationUsers.NeedsOrganisation(persona) ? Guid.NewGuid() : null);

        var page = await browser.Get("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{first}']"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{second}']"));
    }

    [Fact]
    public async Task A_case_worker_is_not_led_to_the_panel_or_the_audit()
    {
        var browser = await Site.As(DemonstrationUsers.Persona.CaseWorker, Guid.NewGuid());

        var page = await browser.Get("/dashboard");

        Assert.Null(page.Document.QuerySelector("main a[href='/cases/panel']"));
        Assert.Null(page.Document.QuerySelector("main a[href='/cases/audit']"));
        Assert.Null(page.Document.QuerySelector("main a[href='/funding']"));
    }

    /// <summary>Tokens minted for a user signing in (not the sign-in page's own, which reads the lists of bodies and organisations).</summary>
    private IEnumerable<(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization, string? ForwardedFor)> UsersMinted() =>
        Gateway.Sent(HttpMethod.Post, "/api/dev/token").Where(r => !r.Body!.Contains("\"demo-sign-in\""));
}
