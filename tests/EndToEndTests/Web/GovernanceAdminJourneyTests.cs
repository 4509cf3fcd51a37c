using System.Globalization;
using System.Net;
using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// A governance administrator on the website, in Debian's Chromium through the gateway against the real services: runs a chair's
/// election and sees the term and when the next election is due; records an organisation's signature of the Information Sharing
/// Agreement; drafts the county Community Safety Agreement and performance-manages its action plan. Every page visited passes
/// axe-core (WCAG 2.0–2.2 A and AA); the body's page, the strategy page with a draft
/// agreement filled in, and the agreement's page are kept as screenshots.
/// </summary>
public sealed class GovernanceAdminJourneyTests(PlatformFixture platform)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static DateOnly UkToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>A browser signed in as a governance administrator. The site's first page render (its sign-in page asks Governance for
    /// the bodies and organisations) can take a while on a loaded machine: done once first, with time to spare, so the browser's
    /// 30-second navigations measure the pages, not a cold start.</summary>
    private async Task<SiteBrowser> SignedInAsync()
    {
        using (var warm = new HttpClient { BaseAddress = platform.Gateway.Url, Timeout = TimeSpan.FromMinutes(2) })
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/sign-in")).StatusCode);

        var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByRole(AriaRole.Radio, new() { Name = "A governance administrator" }).CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Gill Governance");
        await browser.SubmitAsync("Sign in");
        return browser;
    }

    [Fact]
    public async Task An_administrator_runs_a_chairs_election_sees_the_term_and_the_next_election_due_and_records_an_isa_signature()
    {
        using var admin = platform.Client().WithToken("governance-admin");
        var body = await (await admin.PostJson("/api/governance/bodies",
            new { name = $"Community Safety Working Group {_suffix}", kind = "WorkingGroup", cadence = "Quarterly" })).CreatedId();
        string[] authorities = ["Kent Police", "Kent County Council", "Kent Fire and Rescue Service"];
        var organisations = new List<Guid>();
        foreach (var (authority, i) in authorities.Select((a, i) => (a, i)))
        {
            var organisation = await (await admin.PostJson("/api/governance/organisations", new { name = $"{authority} {_suffix}", kind = "ResponsibleAuthority" })).CreatedId();
            organisations.Add(organisation);
            (await admin.PostJson($"/api/governance/bodies/{body}/members",
                new { organisationId = organisation, personName = $"Member {i} {_suffix}", role = "Member" })).EnsureSuccessStatusCode();
        }

        await using var browser = await SignedInAsync();
        var page = browser.Page;
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());

        // the body, from the list of bodies: no chair, no elected term yet
        await browser.FollowAsync(page.Locator("main a[href='/admin/bodies']"));
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Community Safety Working Group {_suffix}" }));
        Assert.Contains("Vacant", await page.Locator("#office-terms").InnerTextAsync());

        // the chair's election: two members stood, the second was elected; the term runs two years from today
        await page.Locator("#election-office").CheckAsync(); // Chair
        await page.GetByLabel($"Member 0 {_suffix} (Kent Police {_suffix})").CheckAsync();
        await page.GetByLabel($"Member 1 {_suffix} (Kent County Council {_suffix})").CheckAsync();
        await page.GetByLabel("Who was elected?").SelectOptionAsync(new SelectOptionValue { Label = $"Member 1 {_suffix} (Kent County Council {_suffix})" });
        await browser.SubmitAsync("Record the election");

        var ends = UkToday.AddYears(2);
        Assert.Equal($"Member 1 {_suffix} is elected chair until {Long(ends)}", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        var chair = await page.Locator("#office-terms tbody tr").Nth(0).InnerTextAsync();
        Assert.Contains($"Member 1 {_suffix} (Kent County Council {_suffix})", chair);
        Assert.Contains($"{Long(UkToday)} to {Long(ends)}", chair);
        Assert.Contains($"By {Long(ends)}", chair);
        Assert.Contains("Held", chair);
        Assert.Contains("Chair", await page.Locator("#member-list").InnerTextAsync());
        await browser.ScreenshotAsync("web-governance-admin.png");

        // Governance agrees: the chair's term, and the member's role
        var offices = await (await admin.GetAsync($"/api/governance/bodies/{body}/offices")).Json(HttpStatusCode.OK);
        Assert.Equal(ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), offices.AsArray().Single(o => o!["office"]!.GetValue<string>() == "Chair")!["termEndsOn"]!.GetValue<string>());

        // a named substitute for the chair, and an interest on the register
        await page.GetByLabel("Substitute for").SelectOptionAsync(new SelectOptionValue { Label = $"Member 1 {_suffix} (Kent County Council {_suffix})" });
        await page.GetByLabel("Name of the substitute").FillAsync($"Deputy {_suffix}");
        await browser.SubmitAsync("Name the substitute");
        Assert.Contains("The substitute is named", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains($"Deputy {_suffix}", await page.Locator("#member-list").InnerTextAsync());
        await page.Locator("#interest-member").SelectOptionAsync(new SelectOptionValue { Label = $"Member 0 {_suffix} (Kent Police {_suffix})" });
        await page.GetByLabel("Membership of organisations", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The interest", new() { Exact = true }).FillAsync("Trustee of the Ashford Youth Trust");
        await page.Locator("#interest-from-day").FillAsync("1");
        await page.Locator("#interest-from-month").FillAsync("4");
        await page.Locator("#interest-from-year").FillAsync((UkToday.Year - 1).ToString(CultureInfo.InvariantCulture));
        await browser.SubmitAsync("Register the interest");
        Assert.Contains("The interest is on the register", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Trustee of the Ashford Youth Trust", await page.Locator("#interest-list").InnerTextAsync());

        // a new version of its terms of reference, drafted: it waits for a decision that quotes its reference
        await browser.FollowAsync(page.Locator($"main a[href='/admin/bodies/{body}/terms']"));
        await page.GetByLabel("Purpose", new() { Exact = true }).FillAsync("To co-ordinate the partnership's work on anti-social behaviour in the district.");
        await page.GetByLabel("Quorum", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("By consensus").CheckAsync();
        await browser.SubmitAsync("Draft the version");
        Assert.Contains("is drafted. It takes effect when a decision adopts it", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var terms = await (await admin.GetAsync($"/api/governance/bodies/{body}/terms-of-reference")).Json(HttpStatusCode.OK);
        var draft = terms["drafts"]![0]!;
        Assert.Contains(draft["versionId"]!.GetValue<Guid>().ToString(), await page.Locator($"#draft-{draft["version"]!.GetValue<int>()} + .govuk-inset-text").InnerTextAsync());
        Assert.Equal(4, draft["quorumMinimum"]!.GetValue<int>());

        // the fire service signs the ISA today: its review falls due in twelve months
        await browser.GoAsync($"/admin/organisations/{organisations[2]}");
        await page.Locator("#sign-on-day").FillAsync(UkToday.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#sign-on-month").FillAsync(UkToday.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#sign-on-year").FillAsync(UkToday.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Who signed it").FillAsync("Chief Fire Officer");
        await browser.SubmitAsync("Record the signature");
        Assert.Equal($"The signature is recorded. It is due for review on {Long(UkToday.AddMonths(12))}",
            (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        Assert.Equal("Signed", (await page.Locator("#isa .govuk-tag").InnerTextAsync()).Trim());

        await browser.GoAsync("/admin/organisations");
        Assert.Contains("Signed", await page.Locator("#organisations tr", new() { HasText = $"Kent Fire and Rescue Service {_suffix}" }).InnerTextAsync());
    }
    [Fact]
    public async Task An_administrator_drafts_the_agreement_adds_a_plan_line_records_actuals_completes_a_milestone_and_sees_the_rag_and_progress_change()
    {
        using var admin = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var planYear = UkToday.Month >= 4 ? UkToday.Year : UkToday.Year - 1;
        var quarter = $"{planYear}-Q{(UkToday.Month + 8) % 12 / 3 + 1}";
        // the county partnership (four responsible authorities, a quorate meeting to agree the draft), a local assessment of the
        // plan year, and the organisation that will lead the line
        var meeting = (await Scenario.QuorateMeetings(admin, 1))[0];
        var countyBody = (await (await admin.GetAsync($"/api/meetings/meetings/{meeting}")).Json(HttpStatusCode.OK))["bodyId"]!.GetValue<Guid>();
        var partnership = $"Canterbury Community Safety Partnership {_suffix}";
        var assessment = await (await admin.PostJson("/api/governance/strategy/assessments", new
        {
            partnershipName = partnership, year = planYear, priorities = new[] { new { title = "Domestic abuse", evidence = "Repeat victims up 12%" } },
        })).CreatedId();
        var owner = await (await admin.PostJson("/api/governance/organisations", new { name = $"Kent Police {_suffix}", kind = "ResponsibleAuthority" })).CreatedId();

        await using var browser = await SignedInAsync();
        var page = browser.Page;

        // the strategy cycle of the plan year: the agreement drafted from the local assessment's priority
        await browser.GoAsync($"/admin/strategy?year={planYear}");
        var title = $"Kent Community Safety Agreement {_suffix}";
        await page.Locator("#draft-title").FillAsync(title);
        await page.Locator("#draft-body").SelectOptionAsync(countyBody.ToString());
        await page.Locator("#draft-priority-1-title").FillAsync("Reduce repeat victims of domestic abuse");
        await page.Locator("#draft-priority-1-rationale").FillAsync("Every district's top priority");
        await page.Locator($"input[name='Draft.DrawsOn0'][value^='{assessment}:']").CheckAsync();
        await browser.ScreenshotAsync("web-governance-strategy.png");
        await browser.SubmitAsync("Draft the agreement");

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.StartsWith("The agreement is drafted", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        Assert.Contains("Draft: awaiting a decision", await page.Locator("#agreement-summary").InnerTextAsync());
        Assert.Contains($"{partnership} {planYear}: Domestic abuse", await page.Locator("#priority-list").InnerTextAsync());
        var agreement = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

        // a line of the plan: a measure (fewer repeat victims) and a milestone due in a month
        var lineTitle = "Repeat victims of domestic abuse";
        var milestone = "Publish the referral pathway";
        var due = UkToday.AddDays(30);
        await page.Locator("#line-priority").SelectOptionAsync(new SelectOptionValue { Label = "Reduce repeat victims of domestic abuse" });
        await page.Locator("#line-title").FillAsync(lineTitle);
        await page.Locator("#line-owner").SelectOptionAsync(owner.ToString());
        await page.Locator("#line-measure-name").FillAsync("Repeat victims");
        await page.Locator("#line-measure-unit").FillAsync("people");
        await page.Locator("#line-measure-baseline").FillAsync("400");
        await page.Locator("#line-measure-target").FillAsync("320");
        await page.Locator("#line-milestone-1-title").FillAsync(milestone);
        await page.Locator("#line-milestone-1-due-day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#line-milestone-1-due-month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#line-milestone-1-due-year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await browser.SubmitAsync("Add the line");
        Assert.Equal("The line is added to the plan", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        Assert.Equal(lineTitle, (await page.Locator("#line-1-title").InnerTextAsync()).Trim());
        Assert.Equal("0%", (await page.Locator("#line-1-progress").InnerTextAsync()).Trim());
        Assert.Contains("Not done yet", await page.Locator("#line-1-milestones").InnerTextAsync());

        // the county partnership agrees the draft by consensus: the plan is performance-managed from then on
        await (await admin.PostJson($"/api/meetings/meetings/{meeting}/decisions",
            new { text = "The Community Safety Agreement is agreed", consensusReached = true, adopts = new[] { agreement } })).Json(HttpStatusCode.OK);
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (await (await admin.GetAsync($"/api/governance/strategy/agreements/{agreement}")).Json(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Agreed");
        await browser.GoAsync($"/admin/strategy/agreements/{agreement}");
        Assert.Contains("Agreed", await page.Locator("#agreement-summary").InnerTextAsync());

        // this quarter, more repeat victims, not fewer: the line is off track, with why, and an exception is raised
        await page.Locator("#actual-1-quarter").SelectOptionAsync(quarter);
        await page.Locator("#actual-1-value").FillAsync("430");
        await browser.SubmitAsync($"Record the actual for {lineTitle}");
        Assert.Equal("The actual is recorded", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        var status = await page.Locator("#line-1-status").InnerTextAsync();
        Assert.Contains("Off track", status);
        Assert.Contains("'Repeat victims' has moved away from its target", status);
        Assert.Contains("Exceptions raised", await page.Locator("#line-1").InnerTextAsync());
        Assert.Equal("0%", (await page.Locator("#line-1-progress").InnerTextAsync()).Trim());

        // the quarter's figure corrected: the target is met, the line is back on track and half done
        await page.Locator("#actual-1-quarter").SelectOptionAsync(quarter);
        await page.Locator("#actual-1-value").FillAsync("320");
        await browser.SubmitAsync($"Record the actual for {lineTitle}");
        Assert.StartsWith("On track", (await page.Locator("#line-1-status").InnerTextAsync()).Trim());
        Assert.Equal("50%", (await page.Locator("#line-1-progress").InnerTextAsync()).Trim());
        var measures = await page.Locator("#line-1-measures").InnerTextAsync();
        Assert.Contains($"320 people in {quarter}", measures);
        Assert.Contains($"{quarter}: 320 people", measures);
        Assert.DoesNotContain("430", measures);

        // the milestone done today: the line is complete
        await browser.SubmitAsync($"Done today ({milestone})");
        Assert.Equal("The milestone is done", (await page.Locator(".govuk-notification-banner p").InnerTextAsync()).Trim());
        Assert.Contains($"Done on {Long(UkToday)}", await page.Locator("#line-1-milestones").InnerTextAsync());
        Assert.Equal("100%", (await page.Locator("#line-1-progress").InnerTextAsync()).Trim());
        Assert.Contains($"100% done as of {Long(UkToday)}: 1 on track, 0 at risk, 0 off track.", await page.Locator("#plan-progress").InnerTextAsync());
        await browser.ScreenshotAsync("web-governance-agreement.png");

        // Governance agrees
        var plan = await (await admin.GetAsync($"/api/governance/strategy/agreements/{agreement}/plan")).Json(HttpStatusCode.OK);
        Assert.Equal(("Green", 100), (plan["lines"]![0]!["rag"]!.GetValue<string>(), plan["lines"]![0]!["progressPercent"]!.GetValue<int>()));
    }
}
