using System.Globalization;
using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// Case workers on the website, in Debian's Chromium through the gateway against the real services (CaseManagement hears
/// of ISA signatures from Governance over RabbitMQ): every page visited passes axe-core; the case page's screenshot is kept.
/// </summary>
public sealed class CaseWorkerJourneyTests(PlatformFixture platform)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_signatory_s_case_worker_sees_the_matching_case_before_referring_links_it_assesses_high_risk_and_finds_it_top_of_the_caseload_and_on_the_panels_agenda()
    {
        var partners = await CaseWorkerJourney.PartnersAsync(platform, _suffix);
        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);

        var (caseId, reference) = await CaseWorkerJourney.ReferLinkAndAssessHighRiskAsync(browser, partners, _suffix);

        // the caseload, filtered to the worker's own organisation with the plain GET form: the new case first, high risk
        var page = browser.Page;
        await browser.GoAsync("/cases");
        await page.GetByLabel("Agency involved").SelectOptionAsync(new SelectOptionValue { Label = $"{partners.SignatoryName} (your organisation)" });
        await browser.SubmitAsync("Filter the cases");
        var first = page.Locator("table tbody tr").First;
        Assert.Contains(reference, await first.InnerTextAsync());
        Assert.Contains("High risk", await first.InnerTextAsync());
        Assert.Equal($"/cases/{caseId}", await first.Locator("a").GetAttributeAsync("href"));
        Assert.Contains(partners.ExistingReference, await page.Locator("table tbody").InnerTextAsync());

        // the panel's chair plans the sitting on the day the case's review falls due (next month's), and the case worker
        // finds the case on its agenda, with why it is there
        using var worker = platform.Client().WithTokenFor(partners.Signatory, "case-worker");
        var reviewDue = DateOnly.Parse((await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK))["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(reviewDue > PartnershipCalendar.Today(DateTimeOffset.UtcNow));
        using var chair = platform.Client().WithTokenFor(partners.Signatory, "panel-chair");
        var sitting = (await (await chair.PostJson("/api/cases/panel/sittings", new { sittingOn = reviewDue })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await browser.GoAsync("/cases/panel");
        await browser.FollowAsync(page.Locator($"a[href='/cases/panel/sittings/{sitting}']"));
        var onAgenda = await page.Locator($"#on-agenda #case-{caseId}").InnerTextAsync();
        Assert.Contains(reference, onAgenda);
        Assert.Contains($"High risk: review due {reviewDue:yyyy-MM-dd}.", onAgenda);
    }

    [Fact]
    public async Task A_non_signatory_s_user_opening_the_case_sees_only_the_signpost_and_the_refusal_is_in_the_access_audit()
    {
        var partners = await CaseWorkerJourney.PartnersAsync(platform, _suffix);
        Guid caseId;
        await using (var worker = await SiteBrowser.OpenAsync(platform.Gateway.Url))
            (caseId, _) = await CaseWorkerJourney.ReferLinkAndAssessHighRiskAsync(worker, partners, _suffix);

        await using (var outsider = await SiteBrowser.OpenAsync(platform.Gateway.Url))
        {
            await CaseWorkerJourney.SignInAsync(outsider, "A case worker", partners.OutsiderName, "Olly Outsider");
            var response = await outsider.GoAsync($"/cases/{caseId}");
            Assert.Equal(403, response?.Status);
            var main = await outsider.Page.Locator("main").InnerTextAsync();
            Assert.Equal("You cannot see this case's details", await outsider.Page.Locator("h1").InnerTextAsync());
            Assert.Contains(partners.SignatoryName, main); // the lead agency, to ask
            Assert.DoesNotContain(CaseWorkerJourney.SubjectName(_suffix), main);
            Assert.DoesNotContain("Station Road underpass", main);
        }

        await using var admin = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        await CaseWorkerJourney.SignInAsync(admin, "A partnership data administrator", partners.SignatoryName, "Dee Admin");
        await admin.GoAsync("/cases/audit");
        await admin.Page.GetByLabel("Case", new() { Exact = true }).FillAsync(caseId.ToString());
        await admin.Page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = partners.OutsiderName });
        await admin.SubmitAsync("Filter the audit");
        var rows = await admin.Page.Locator("#audit tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("Olly Outsider") && r.Contains(partners.OutsiderName) && r.Contains("Read the case") && r.Contains("Refused"));
        Assert.All(rows, r => Assert.Contains(partners.OutsiderName, r));
    }
}

/// <summary>The case worker's journey in steps another journey can build on (e.g. the panel's agenda next month).</summary>
public static class CaseWorkerJourney
{
    public sealed record Partners(Guid Signatory, string SignatoryName, Guid Outsider, string OutsiderName, Guid ExistingCase, string ExistingReference);

    public static string SubjectName(string suffix) => $"Morgan Casetest-{suffix}";

    /// <summary>
    /// Two organisations (one signs the ISA; CaseManagement hears of it over the broker), and a case the signatory already
    /// holds about the person the journey refers again.
    /// </summary>
    public static async Task<Partners> PartnersAsync(PlatformFixture platform, string suffix)
    {
        using var officer = platform.Client().WithTokenFor(null, "governance-admin");
        var signatoryName = $"Ashford Borough Council {suffix}";
        var outsiderName = $"Ashford Youth Club {suffix}";
        var signatory = await (await officer.PostJson("/api/governance/organisations", new { name = signatoryName, kind = "ResponsibleAuthority" })).CreatedId();
        var outsider = await (await officer.PostJson("/api/governance/organisations", new { name = outsiderName, kind = "CooperatingBody" })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{signatory}/isa",
            new { signedOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy = "Chief Executive" })).StatusCode);

        using var worker = platform.Client().WithTokenFor(signatory, "case-worker");
        var earlier = new
        {
            referringOfficer = "Housing officer Patel", area = "South",
            incidents = new[] { new { date = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "Bank Street", description = "Noise at night" } },
            subjects = new[] { new { role = "Perpetrator", name = SubjectName(suffix), dateOfBirth = "2003-03-03", address = (string?)null, contact = (string?)null } },
            locations = Array.Empty<string>(),
        };
        HttpResponseMessage referred = null!;
        // until CaseManagement has heard of the signature; its first answer on a cold platform may take longer than the client waits
        await Probes.Eventually(TimeSpan.FromSeconds(120), async () =>
        {
            try
            {
                return (referred = await worker.PostJson("/api/cases", earlier)).StatusCode == HttpStatusCode.Created;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        });
        var existing = await referred.Json(HttpStatusCode.Created);
        // the sign-in page lists the organisations Governance knows
        return new Partners(signatory, signatoryName, outsider, outsiderName, existing["id"]!.GetValue<Guid>(), existing["reference"]!.GetValue<string>());
    }

    public static async Task SignInAsync(SiteBrowser browser, string persona, string organisation, string name)
    {
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByLabel(persona, new() { Exact = true }).CheckAsync();
        await page.Locator("#organisation").SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await page.GetByLabel("Your name").FillAsync(name);
        await browser.SubmitAsync("Sign in");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
    }

    /// <summary>
    /// A case worker of the signatory refers a case about the person the existing case is about, sees that case before
    /// sending, links the new case to it, and assesses the new case's risk as high. Returns the new case's id and reference.
    /// </summary>
    public static async Task<(Guid CaseId, string Reference)> ReferLinkAndAssessHighRiskAsync(SiteBrowser browser, Partners partners, string suffix)
    {
        var page = browser.Page;
        await SignInAsync(browser, "A case worker", partners.SignatoryName, "Ann Worker");

        await browser.GoAsync("/cases/refer");
        await page.GetByLabel("Referring officer").FillAsync("PC 4711 Jones");
        await page.GetByLabel("South", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Perpetrator", new() { Exact = true }).CheckAsync();
        await page.Locator("#subject-0-name").FillAsync(SubjectName(suffix));
        await page.Locator("#subject-0-dob-day").FillAsync("3");
        await page.Locator("#subject-0-dob-month").FillAsync("3");
        await page.Locator("#subject-0-dob-year").FillAsync("2003");
        await page.Locator("#subject-0-address").FillAsync($"7 Quiet Lane {suffix}, Ashford");
        var incident = DateTime.UtcNow.AddDays(-2);
        await page.Locator("#incident-0-date-day").FillAsync(incident.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#incident-0-date-month").FillAsync(incident.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#incident-0-date-year").FillAsync(incident.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#incident-0-description").FillAsync("Graffiti and threats to commuters");
        await page.Locator("#incident-0-place").FillAsync("Station Road underpass");
        // Enter in a field continues to the check, as the form's main button does (not "Add another person", the first in the form)
        await browser.PressEnterAsync(page.Locator("#incident-0-place"));

        // the check: the existing case, before anything is sent
        Assert.Equal("Check the referral before you send it", await page.Locator("h1").InnerTextAsync());
        var similar = await page.Locator("#similar-cases").InnerTextAsync();
        Assert.Contains(partners.ExistingReference, similar);
        Assert.Contains("name and date of birth", similar);
        Assert.DoesNotContain(SubjectName(suffix), page.Url);
        await page.GetByLabel($"Link it to case {partners.ExistingReference}").CheckAsync();
        await page.GetByLabel("Why (if you link or merge it)").FillAsync("Same young person, new location");
        await browser.SubmitAsync("Refer the case");

        Assert.Contains("linked", (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ToLowerInvariant());
        var caseId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var reference = (await page.Locator("h1").InnerTextAsync()).Replace("Case ", "");
        Assert.Contains($"Linked to case {partners.ExistingReference}", await page.Locator("main").InnerTextAsync());
        Assert.Contains($"You can see this case because {partners.SignatoryName} signed the Information Sharing Agreement",
            await page.Locator("#why-you-can-see-it").InnerTextAsync());

        // the risk, with the matrix's questions: every one answered yes is high risk
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Assess the risk" }));
        var yes = page.Locator("input[type=radio][value=yes]");
        for (var i = 0; i < await yes.CountAsync(); i++) await yes.Nth(i).CheckAsync();
        await browser.SubmitAsync("Save the assessment");
        Assert.Contains("The risk is assessed", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("High risk", await page.Locator("main").InnerTextAsync());
        await browser.ScreenshotAsync("web-case-worker.png");
        return (caseId, reference);
    }
}
