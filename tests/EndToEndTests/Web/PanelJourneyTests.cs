using System.Globalization;
using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// The ASB case panel's chair on the website, in Debian's Chromium through the gateway against the real services: next
/// month's sitting planned with a high-risk case on its agenda and the reason, then at a sitting held today attendance by
/// agency and the case's review with a new action. Every page passes axe-core.
/// </summary>
public sealed class PanelJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_panel_chair_plans_next_months_sitting_sees_a_high_risk_case_and_why_records_attendance_and_a_review_with_an_action()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        using var officer = platform.Client().WithTokenFor(null, "governance-admin");
        async Task<Guid> Signatory(string name)
        {
            var id = await (await officer.PostJson("/api/governance/organisations", new { name, kind = "ResponsibleAuthority" })).CreatedId();
            Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{id}/isa",
                new { signedOn = "2026-04-01", signedBy = "Director" })).StatusCode);
            return id;
        }
        var police = await Signatory($"Kent Police {suffix}");
        await Signatory($"Thanet Housing {suffix}");

        // an ISA signatory's case worker refers a case and assesses it high risk
        using var worker = platform.Client().WithTokenFor(police, "case-worker");
        HttpResponseMessage referred = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (referred = await worker.PostJson("/api/cases", new
        {
            referringOfficer = "PC 12", area = "East",
            incidents = new[] { new { date = "2026-11-20", place = "Cliftonville", description = "Threats to neighbours" } },
            subjects = new[] { new { role = "Perpetrator", name = $"Jordan Journey {suffix}", dateOfBirth = "1995-02-03" } },
        })).StatusCode == HttpStatusCode.Created);
        var created = await referred.Json(HttpStatusCode.Created);
        var caseId = created["id"]!.GetValue<Guid>();
        var answers = new[] { "repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact" }
            .ToDictionary(q => q, q => q is "repeat-victim" or "vulnerable" or "fear" or "violence");
        var risk = await (await worker.PostJson($"/api/cases/{caseId}/risk-assessments", new { answers })).Json(HttpStatusCode.OK);
        Assert.Equal("High", risk["level"]!.GetValue<string>());
        var reviewDue = DateOnly.Parse(risk["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var reference = (await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK))["reference"]!.GetValue<string>();

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByLabel("The ASB case panel's chair").CheckAsync();
        await page.Locator("#organisation").SelectOptionAsync(new SelectOptionValue { Label = $"Kent Police {suffix}" });
        await page.GetByLabel("Your name").FillAsync("Pat Chair");
        await browser.SubmitAsync("Sign in");

        // next month's sitting: the case is on its agenda, and the page says why
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Panel sittings" }));
        await PlanAsync(browser, reviewDue);
        Assert.Contains("The sitting is planned", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var onAgenda = await page.Locator($"#on-agenda #case-{caseId}").InnerTextAsync();
        Assert.Contains(reference, onAgenda);
        Assert.Contains("High risk", onAgenda);
        Assert.Contains($"High risk: review due {reviewDue:yyyy-MM-dd}.", onAgenda);
        Assert.Equal($"/cases/{caseId}", await page.Locator($"#case-{caseId} a").First.GetAttributeAsync("href"));
        await browser.ScreenshotAsync("web-panel.png");

        // a sitting held today: attendance by agency, then the case's review with a new action for housing
        await browser.GoAsync("/cases/panel");
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        await PlanAsync(browser, today);
        await page.GetByLabel($"Kent Police {suffix}").CheckAsync();
        await page.GetByLabel($"Thanet Housing {suffix}").CheckAsync();
        await browser.SubmitAsync("Record attendance");
        Assert.Contains("Attendance is recorded", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains($"Thanet Housing {suffix}", await page.Locator("#attended").InnerTextAsync());

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Record the review of {reference}" }));
        await page.GetByLabel("Summary of the discussion").FillAsync("Threats continue; the neighbours remain fearful.");
        await page.GetByLabel("Decisions (optional)").FillAsync("Issue a community protection warning");
        await page.GetByLabel("Agency that owns the action").SelectOptionAsync(new SelectOptionValue { Label = $"Thanet Housing {suffix}" });
        await page.GetByLabel("What the agency will do").FillAsync("Send a tenancy warning letter");
        var due = today.AddDays(14);
        await page.Locator("#action-due-day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#action-due-month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#action-due-year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await browser.SubmitAsync("Record the review");
        Assert.Contains($"The review of {reference} is recorded", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        // the case holds the review, the sitting's attendance and housing's action
        var file = await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.Equal(2, file["reviews"]![0]!["attendance"]!.AsArray().Count);
        Assert.Contains(file["actions"]!.AsArray(), a => a!["description"]!.GetValue<string>() == "Send a tenancy warning letter");
    }

    private static async Task PlanAsync(SiteBrowser browser, DateOnly day)
    {
        var page = browser.Page;
        await page.Locator("#sitting-on-day").FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#sitting-on-month").FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#sitting-on-year").FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
        await browser.SubmitAsync("Plan the sitting");
    }
}
