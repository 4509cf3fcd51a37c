using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// The strategy cycle's writes on the governance administrator's pages: drafting the Community Safety Agreement from the year's
/// assessed priorities, and the agreement's page: its priorities, its plan with each line's measures, milestones and RAG, adding a
/// line, recording a quarter's actual, completing a milestone, and the annual review.
/// </summary>
public sealed class GovernanceAgreementTests(WebFactory site) : SiteTests(site)
{
    private static DateOnly Today => AdminData.Today;

    /// <summary>The plan year today falls in (plan year 2027 runs from 1 April 2027 to 31 March 2028).</summary>
    private static int PlanYear => Today.Month >= 4 ? Today.Year : Today.Year - 1;

    private readonly Guid _agreementId = Guid.NewGuid();
    private readonly Guid _bodyId = Guid.NewGuid();
    private readonly Guid _assessmentId = Guid.NewGuid();
    private readonly Guid _assessedShoplifting = Guid.NewGuid();
    private readonly Guid _assessedKnives = Guid.NewGuid();
    private readonly Guid _priorityId = Guid.NewGuid();
    private readonly Guid _secondPriorityId = Guid.NewGuid();
    private readonly Guid _lineId = Guid.NewGuid();
    private readonly Guid _measureId = Guid.NewGuid();
    private readonly Guid _openMilestoneId = Guid.NewGuid();
    private readonly AdminOrganisation _police = AdminData.Organisation("Kent Police", CommunitySafety.Contracts.Governance.OrganisationKind.ResponsibleAuthority);

    private string Path => $"/admin/strategy/agreements/{_agreementId}";

    private string Api => $"/api/governance/strategy/agreements/{_agreementId}";

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    private string SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!.ToJsonString();

    private StrategicAssessmentView Assessment() => new(_assessmentId, "Maidstone Community Safety Partnership", PlanYear,
        [new AssessmentPriority(_assessedShoplifting, "Shoplifting", "Up 20% on last year"), new AssessmentPriority(_assessedKnives, "Knife crime", "Town centre")],
        DateTimeOffset.UtcNow.AddMonths(-1));

    private AgreementDetail Agreement(AgreementStatus status = AgreementStatus.Agreed)
    {
        var version = new AgreementVersion(1, PlanYear,
            [
                new CountyPriority(_priorityId, "Reduce shoplifting", "The top concern in every district", [new PriorityEvidence(_assessmentId, _assessedShoplifting)]),
                new CountyPriority(_secondPriorityId, "Tackle knife crime", "Town centres at night", [new PriorityEvidence(_assessmentId, _assessedKnives)]),
            ],
            DateTimeOffset.UtcNow.AddMonths(-2), status == AgreementStatus.Draft ? null : Guid.NewGuid(), status == AgreementStatus.Draft ? null : Guid.NewGuid(),
            status == AgreementStatus.Draft ? null : new DateTimeOffset(PlanYear, 4, 14, 18, 0, 0, TimeSpan.Zero));
        return new AgreementDetail(_agreementId, PlanYear, "Kent Community Safety Agreement", _bodyId, DateTimeOffset.UtcNow.AddMonths(-2), status, PlanYear,
            version.AgreedAt, [version], [], [])
        {
            // Q1's figure recorded twice (the second corrects the first), Q2's once, given out of order
            Lines = [new PlanLineRecord(_lineId,
            [
                new QuarterlyActual(_measureId, $"{PlanYear}-Q2", 420, DateTimeOffset.UtcNow.AddDays(-5)),
                new QuarterlyActual(_measureId, $"{PlanYear}-Q1", 450, DateTimeOffset.UtcNow.AddDays(-60)),
                new QuarterlyActual(_measureId, $"{PlanYear}-Q1", 390, DateTimeOffset.UtcNow.AddDays(-50)),
            ])],
        };
    }

    private ActionPlanView Plan(int lineYear = 0)
    {
        var year = lineYear == 0 ? PlanYear : lineYear;
        var line = new PlanLineView(_lineId, _priorityId, "Reduce shoplifting", "Retail crime partnership", _police.Name, year, Rag.Red, 33,
            ["'Shop thefts' has moved away from its target (" + $"{year}-Q1: 420 against a baseline of 400 and a target of 320)."],
            [
                new MilestoneView(Guid.NewGuid(), "Launch the retailers' radio scheme", Today.AddDays(-60), Today.AddDays(-70), false),
                new MilestoneView(_openMilestoneId, "Train store staff", Today.AddDays(-40), null, true),
            ],
            [new MeasureView(_measureId, "Shop thefts", "offences", 400, 320, $"{year}-Q1", 420, -25, Rag.Red) { ExpectedPercent = 25 }])
        {
            Exceptions = [new PlanExceptionView(Guid.NewGuid(), ["'Shop thefts' has moved away from its target."], DateTimeOffset.UtcNow.AddDays(-3))],
        };
        return new ActionPlanView(_agreementId, "Kent Community Safety Agreement", PlanYear, Today, 33, new RagCounts(0, 0, 1), [line]);
    }

    private async Task<(Browser Browser, Page Page)> Open(AgreementDetail? agreement = null, ActionPlanView? plan = null, bool followRedirects = true)
    {
        Gateway.Get(Api, agreement ?? Agreement());
        Gateway.Get($"{Api}/plan", plan ?? Plan());
        Gateway.Get("/api/governance/bodies", new[] { Body(_bodyId, "Kent Community Safety Partnership") });
        Gateway.Get("/api/governance/organisations", new[] { _police });
        Gateway.Get("/api/governance/strategy/assessments", new[] { Assessment() });
        var browser = await Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);
        return (browser, await browser.Get(Path));
    }

    private static AdminBody Body(Guid id, string name) =>
        new(id, name, CommunitySafety.Contracts.Governance.BodyKind.Executive, CommunitySafety.Contracts.Governance.MeetingCadence.Quarterly, 4,
            DateTimeOffset.UtcNow.AddYears(-2), [], 3);

    // ---- drafting, from the strategy page ----

    private async Task<(Browser Browser, Page Page)> OpenStrategy(bool followRedirects = true)
    {
        Gateway.Get($"/api/governance/compliance/{PlanYear}", new ComplianceChecklistView(PlanYear, Today, true, []));
        Gateway.Get("/api/governance/strategy/assessments", new[] { Assessment() });
        Gateway.Get("/api/governance/strategy/agreements", new[]
        {
            new AgreementSummary(_agreementId, PlanYear, "Kent Community Safety Agreement", _bodyId, DateTimeOffset.UtcNow, AgreementStatus.Draft, PlanYear, null),
        });
        Gateway.Get("/api/governance/bodies", new[] { Body(_bodyId, "Kent Community Safety Partnership"), Body(Guid.NewGuid(), "Ashford Community Safety Partnership") });
        var browser = await Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);
        return (browser, await browser.Get($"/admin/strategy?year={PlanYear}"));
    }

    [Fact]
    public async Task The_strategy_page_links_each_agreement_to_its_page_and_offers_the_years_assessed_priorities_to_draw_on()
    {
        var (_, page) = await OpenStrategy();

        Assert.Equal(Path, page.Document.QuerySelector("#agreements a")!.GetAttribute("href"));
        Assert.Equal(["Maidstone Community Safety Partnership: Shoplifting", "Maidstone Community Safety Partnership: Knife crime"],
            page.Form("draft").QuerySelectorAll("label[for='draft-priority-1-draws-on'], label[for='draft-priority-1-draws-on-2']").Select(l => l.TextContent.Trim()));
        Assert.Equal($"{_assessmentId}:{_assessedShoplifting}", page.Document.QuerySelector("#draft-priority-1-draws-on")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_agreement_is_drafted_for_the_year_from_the_ticked_assessed_priorities_and_its_page_follows()
    {
        var (browser, page) = await OpenStrategy(followRedirects: false);
        var created = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, "/api/governance/strategy/agreements", new { id = created }, HttpStatusCode.Created);

        var answer = await browser.SubmitAll(page, "draft",
        [
            ("Draft.Title", " Kent Community Safety Agreement "), ("Draft.CountyBodyId", _bodyId.ToString()),
            ("Draft.Titles[0]", "Reduce shoplifting"), ("Draft.Rationales[0]", "The top concern in every district"),
            ("Draft.DrawsOn0", $"{_assessmentId}:{_assessedShoplifting}"), ("Draft.DrawsOn0", $"{_assessmentId}:{_assessedKnives}"),
            ("Draft.Titles[1]", ""), ("Draft.Rationales[1]", ""), ("Draft.Titles[2]", ""), ("Draft.Rationales[2]", ""),
        ]);

        Assert.Equal($"/admin/strategy/agreements/{created}?done=drafted", answer.RedirectPath());
        Assert.Equal($$"""{"year":{{PlanYear}},"title":"Kent Community Safety Agreement","countyBodyId":"{{_bodyId}}","priorities":[{"title":"Reduce shoplifting","rationale":"The top concern in every district","drawsOn":[{"assessmentId":"{{_assessmentId}}","priorityId":"{{_assessedShoplifting}}"},{"assessmentId":"{{_assessmentId}}","priorityId":"{{_assessedKnives}}"}]}]}""",
            SentTo("/api/governance/strategy/agreements"));
    }

    [Fact]
    public async Task A_draft_needs_a_title_the_county_partnership_and_each_priority_with_why_and_what_it_draws_on()
    {
        var (browser, page) = await OpenStrategy();

        var answer = await browser.SubmitAll(page, "draft",
        [
            ("Draft.Title", " "), ("Draft.CountyBodyId", ""), ("Draft.Titles[0]", "Reduce shoplifting"), ("Draft.Rationales[0]", ""),
            ("Draft.Titles[1]", ""), ("Draft.Rationales[1]", "Town centres"),
        ]);

        Assert.Equal(
        [
            ("Enter the title of the agreement", "draft-title"), ("Select the county partnership the agreement reports to", "draft-body"),
            ("Enter why county priority 1 is a priority", "draft-priority-1-rationale"), ("Select the assessed priorities county priority 1 draws on", "draft-priority-1-draws-on"),
            ("Enter the title of county priority 2", "draft-priority-2-title"), ("Select the assessed priorities county priority 2 draws on", "draft-priority-2-draws-on"),
        ], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_draft_the_service_refuses_is_shown_in_the_error_summary()
    {
        var (browser, page) = await OpenStrategy();
        Gateway.Refuse(HttpMethod.Post, "/api/governance/strategy/agreements", HttpStatusCode.UnprocessableEntity, "assessment-after-agreement-year",
            "The assessment of Maidstone Community Safety Partnership is for 2031, after 2030.");

        var answer = await browser.SubmitAll(page, "draft",
        [
            ("Draft.Title", "Kent Community Safety Agreement"), ("Draft.CountyBodyId", _bodyId.ToString()), ("Draft.Titles[0]", "Reduce shoplifting"),
            ("Draft.Rationales[0]", "Top concern"), ("Draft.DrawsOn0", $"{_assessmentId}:{_assessedShoplifting}"),
        ]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("is for 2031, after 2030", answer.ErrorSummary);
    }

    // ---- the agreement's page ----

    [Fact]
    public async Task The_agreement_page_shows_its_status_priorities_and_each_lines_measures_milestones_rag_reasons_and_exceptions()
    {
        var (_, page) = await Open();

        Assert.Equal((HttpStatusCode.OK, "Kent Community Safety Agreement"), (page.Status, page.H1));
        var summary = string.Join(" | ", page.Document.QuerySelectorAll("#agreement-summary .govuk-summary-list__row")
            .Select(r => $"{Squeezed(r.QuerySelector("dt")!.TextContent)}: {Squeezed(r.QuerySelector("dd")!.TextContent)}"));
        Assert.Contains("Status: Agreed", summary);
        Assert.Contains($"Plans for: {PlanYear} (1 April {PlanYear} to 31 March {PlanYear + 1})", summary);
        Assert.Contains("Reports to: Kent Community Safety Partnership", summary);
        Assert.Contains($"Version: Version 1 agreed on {UkTime.Date(new DateTimeOffset(PlanYear, 4, 14, 18, 0, 0, TimeSpan.Zero))}", summary);
        Assert.Contains(_agreementId.ToString(), summary);
        Assert.Equal($"Reduce shoplifting: The top concern in every district Draws on: Maidstone Community Safety Partnership {PlanYear}: Shoplifting",
            Squeezed(page.Document.QuerySelector("#priority-list li")!.TextContent));

        Assert.Equal($"33% done as of {UkTime.Date(Today)}: 0 on track, 0 at risk, 1 off track.", Squeezed(page.Document.QuerySelector("#plan-progress")!.TextContent));
        Assert.Equal("Retail crime partnership", page.Document.QuerySelector("#line-1-title")!.TextContent.Trim());
        var status = Squeezed(page.Document.QuerySelector("#line-1-status")!.TextContent);
        Assert.StartsWith("Off track", status);
        Assert.Contains("'Shop thefts' has moved away from its target", status);
        Assert.Equal("33%", page.Document.QuerySelector("#line-1-progress")!.TextContent.Trim());
        Assert.Contains("Exceptions raised", page.Document.QuerySelector("#line-1")!.TextContent);
        Assert.Equal($"Shop thefts | 400 offences | 320 offences | 420 offences in {PlanYear}-Q1 | {PlanYear}-Q1: 390 offences; {PlanYear}-Q2: 420 offences | Off track -25% of the way, 25% expected",
            string.Join(" | ", page.Document.QuerySelectorAll("#line-1-measures tbody tr th, #line-1-measures tbody tr td").Select(c => Squeezed(c.TextContent))));
        var milestones = page.Document.QuerySelectorAll("#line-1-milestones tbody tr").Select(r => Squeezed(r.TextContent)).ToList();
        Assert.Equal($"Launch the retailers' radio scheme {UkTime.Date(Today.AddDays(-60))} Done on {UkTime.Date(Today.AddDays(-70))}", milestones[0]);
        Assert.Equal($"Train store staff {UkTime.Date(Today.AddDays(-40))} Overdue Done today (Train store staff)", milestones[1]);
        Assert.NotNull(page.Form($"complete-{_openMilestoneId}"));
        Assert.NotNull(page.Form($"actual-{_lineId}"));
        Assert.NotNull(page.Form("review"));
    }

    [Fact]
    public async Task A_draft_agreement_has_no_actuals_milestones_to_complete_or_review_until_a_decision_agrees_it()
    {
        var (_, page) = await Open(Agreement(AgreementStatus.Draft));

        Assert.Contains("Draft: awaiting a decision", page.Document.QuerySelector("#agreement-summary")!.TextContent);
        Assert.Contains("performance-managed once a decision of the county partnership has agreed", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("input[name=_handler][value^='actual-'], input[name=_handler][value^='complete-'], input[name=_handler][value=review]"));
        Assert.NotNull(page.Form("line"));
    }

    [Fact]
    public async Task A_line_is_added_with_its_measure_and_the_milestones_filled_in()
    {
        var (browser, page) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, $"{Api}/plan/lines", new { lineId = Guid.NewGuid(), milestones = Array.Empty<object>(), measures = Array.Empty<object>() });
        var due = Today.AddMonths(3);

        var answer = await browser.Submit(page, "line", new Dictionary<string, string?>
        {
            ["Line.PriorityId"] = _secondPriorityId.ToString(), ["Line.Title"] = " Knife arches at night-time venues ", ["Line.OwnerOrganisationId"] = _police.Id.ToString(),
            ["Line.MeasureName"] = "Knife offences", ["Line.MeasureUnit"] = "offences", ["Line.Baseline"] = "1,200", ["Line.Target"] = "1000.5",
            ["Line.MilestoneTitles[0]"] = "", ["Line.MilestoneDue[0].Day"] = "", ["Line.MilestoneDue[0].Month"] = "", ["Line.MilestoneDue[0].Year"] = "",
            ["Line.MilestoneTitles[1]"] = "Arches in ten venues", ["Line.MilestoneDue[1].Day"] = due.Day.ToString(CultureInfo.InvariantCulture), ["Line.MilestoneDue[1].Month"] = due.Month.ToString(CultureInfo.InvariantCulture),
            ["Line.MilestoneDue[1].Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal($"{Path}?done=line", answer.RedirectPath());
        Assert.Equal($$"""{"priorityId":"{{_secondPriorityId}}","title":"Knife arches at night-time venues","ownerOrganisationId":"{{_police.Id}}","milestones":[{"title":"Arches in ten venues","dueOn":"{{due:yyyy-MM-dd}}"}],"measures":[{"name":"Knife offences","unit":"offences","baseline":1200,"target":1000.5}]}""",
            SentTo($"{Api}/plan/lines"));
    }

    [Fact]
    public async Task A_line_needs_its_priority_title_owner_and_a_whole_measure_or_milestone_with_nothing_sent()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "line", new Dictionary<string, string?>
        {
            ["Line.PriorityId"] = "", ["Line.Title"] = "Knife arches", ["Line.OwnerOrganisationId"] = Guid.NewGuid().ToString(),
            ["Line.MeasureName"] = "Knife offences", ["Line.Baseline"] = "400", ["Line.Target"] = "400",
            ["Line.MilestoneTitles[0]"] = "Arches in ten venues", ["Line.MilestoneDue[0].Day"] = "31", ["Line.MilestoneDue[0].Month"] = "2", ["Line.MilestoneDue[0].Year"] = "2027",
        });

        Assert.Equal(
        [
            ("Select the county priority the line delivers", "line-priority"), ("Select the organisation that leads it", "line-owner"),
            ("The target must differ from the baseline: progress is measured from one toward the other", "line-measure-target"),
            ("The date milestone 1 is due by must be a real date", "line-milestone-1-due-day"),
        ], answer.Errors);

        var empty = await browser.Submit(page, "line", new Dictionary<string, string?>
        {
            ["Line.PriorityId"] = _priorityId.ToString(), ["Line.Title"] = "Knife arches", ["Line.OwnerOrganisationId"] = _police.Id.ToString(),
        });

        Assert.Equal([("Give the line a performance measure or a milestone to judge its progress by", "line-measure-name")], empty.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_quarters_actual_is_sent_for_the_lines_measure()
    {
        var (browser, page) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, $"{Api}/plan/lines/{_lineId}/actuals", new { ragChangedTo = "Green" });

        var answer = await browser.Submit(page, $"actual-{_lineId}", new Dictionary<string, string?>
        {
            ["Recording.MeasureId"] = _measureId.ToString(), ["Recording.Quarter"] = $"{PlanYear}-Q1", ["Recording.Value"] = " 350.5 ",
        });

        Assert.Equal($"{Path}?done=actual", answer.RedirectPath());
        Assert.Equal($$"""{"measureId":"{{_measureId}}","quarter":"{{PlanYear}}-Q1","actual":350.5}""", SentTo($"{Api}/plan/lines/{_lineId}/actuals"));
    }

    [Fact]
    public async Task An_actual_needs_a_quarter_that_has_begun_and_a_number_with_nothing_sent()
    {
        var nextYear = Today.Year + 1;
        var (browser, page) = await Open(plan: Plan(lineYear: nextYear));

        var answer = await browser.Submit(page, $"actual-{_lineId}", new Dictionary<string, string?>
        {
            ["Recording.MeasureId"] = _measureId.ToString(), ["Recording.Quarter"] = $"{nextYear}-Q1", ["Recording.Value"] = "many",
        });

        Assert.Equal([($"{nextYear}-Q1 begins on {UkTime.Date(new DateOnly(nextYear, 4, 1))}: there is no actual for it yet", "actual-1-quarter"),
            ("Enter the actual as a number, like 350", "actual-1-value")], answer.Errors);
        Assert.Equal($"{nextYear}-Q1", page.Document.QuerySelector("#actual-1-quarter option[value$='Q1']")!.GetAttribute("value"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task An_actual_the_service_refuses_is_shown_in_the_error_summary()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, $"{Api}/plan/lines/{_lineId}/actuals", HttpStatusCode.UnprocessableEntity, "measure-not-found",
            "Measure 'x' is not a measure of the line 'Retail crime partnership'.");

        var answer = await browser.Submit(page, $"actual-{_lineId}", new Dictionary<string, string?>
        {
            ["Recording.MeasureId"] = _measureId.ToString(), ["Recording.Quarter"] = $"{PlanYear}-Q1", ["Recording.Value"] = "350",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("is not a measure of the line 'Retail crime partnership'", answer.ErrorSummary);
    }

    [Fact]
    public async Task A_milestone_is_completed_today()
    {
        var (browser, page) = await Open(followRedirects: false);
        var complete = $"{Api}/plan/lines/{_lineId}/milestones/{_openMilestoneId}/complete";
        Gateway.Answer(HttpMethod.Post, complete, new { ragChangedTo = "Amber" });

        var answer = await browser.Submit(page, $"complete-{_openMilestoneId}", new Dictionary<string, string?>());

        Assert.Equal($"{Path}?done=milestone", answer.RedirectPath());
        Assert.Equal($$"""{"on":"{{Today:yyyy-MM-dd}}"}""", SentTo(complete));
    }

    [Fact]
    public async Task A_milestone_already_completed_is_refused_plainly()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, $"{Api}/plan/lines/{_lineId}/milestones/{_openMilestoneId}/complete", HttpStatusCode.Conflict,
            "milestone-already-completed", "'Train store staff' was completed on 2026-11-30.");

        var answer = await browser.Submit(page, $"complete-{_openMilestoneId}", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("'Train store staff' was completed on 2026-11-30.", answer.ErrorSummary);
    }

    [Fact]
    public async Task A_review_with_no_change_is_sent_without_priorities()
    {
        var (browser, page) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, $"{Api}/reviews", new { version = "unchanged" });

        var answer = await browser.SubmitAll(page, "review",
        [
            ("Reviewing.Year", $"{PlanYear + 1}"), ("Reviewing.Outcome", "NoChange"), ("Reviewing.Notes", "The priorities are still right"),
            ("Reviewing.Keep", _priorityId.ToString()), ("Reviewing.Keep", _secondPriorityId.ToString()),
        ]);

        Assert.Equal($"{Path}?done=reviewed", answer.RedirectPath());
        Assert.Equal($$"""{"year":{{PlanYear + 1}},"outcome":"NoChange","notes":"The priorities are still right"}""", SentTo($"{Api}/reviews"));
    }

    [Fact]
    public async Task A_refresh_sends_the_priorities_kept_as_they_are_and_the_new_one()
    {
        var (browser, page) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, $"{Api}/reviews", new { version = "new" });

        var answer = await browser.SubmitAll(page, "review",
        [
            ("Reviewing.Year", $"{PlanYear + 1}"), ("Reviewing.Outcome", "Refreshed"), ("Reviewing.Notes", "Knife crime is down; shoplifting is not"),
            ("Reviewing.Keep", _priorityId.ToString()), ("Reviewing.NewTitle", "Protect retail workers"), ("Reviewing.NewRationale", "Assaults on staff up"),
            ("Reviewing.NewDrawsOn", $"{_assessmentId}:{_assessedShoplifting}"),
        ]);

        Assert.Equal($"{Path}?done=reviewed", answer.RedirectPath());
        Assert.Equal($$"""{"year":{{PlanYear + 1}},"outcome":"Refreshed","notes":"Knife crime is down; shoplifting is not","priorities":[{"id":"{{_priorityId}}","title":"Reduce shoplifting","rationale":"The top concern in every district","drawsOn":[{"assessmentId":"{{_assessmentId}}","priorityId":"{{_assessedShoplifting}}"}]},{"title":"Protect retail workers","rationale":"Assaults on staff up","drawsOn":[{"assessmentId":"{{_assessmentId}}","priorityId":"{{_assessedShoplifting}}"}]}]}""",
            SentTo($"{Api}/reviews"));
    }

    [Fact]
    public async Task A_review_needs_a_later_year_an_outcome_notes_and_for_a_refresh_a_priority_with_nothing_sent()
    {
        var (browser, page) = await Open();

        var answer = await browser.SubmitAll(page, "review", [("Reviewing.Year", $"{PlanYear}"), ("Reviewing.Notes", " ")]);

        Assert.Equal([($"Review it for a year after {PlanYear}, the year it plans for now", "review-year"), ("Select the outcome of the review", "review-outcome"),
            ("Enter what the review found", "review-notes")], answer.Errors);

        var refresh = await browser.SubmitAll(page, "review", [("Reviewing.Year", $"{PlanYear + 1}"), ("Reviewing.Outcome", "Refreshed"), ("Reviewing.Notes", "Refresh")]);

        Assert.Equal([("Keep at least one priority, or add a new one, for a refresh", "review-keep")], refresh.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_review_the_service_refuses_is_shown_in_the_error_summary()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, $"{Api}/reviews", HttpStatusCode.Conflict, "already-reviewed",
            $"The agreement already covers {PlanYear + 1}: it was drafted or reviewed for that year.");

        var answer = await browser.SubmitAll(page, "review", [("Reviewing.Year", $"{PlanYear + 1}"), ("Reviewing.Outcome", "NoChange"), ("Reviewing.Notes", "Still right")]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains($"The agreement already covers {PlanYear + 1}", answer.ErrorSummary);
    }

    [Fact]
    public async Task Another_role_gets_the_403_page()
    {
        var browser = await Site.As(DemonstrationUsers.Persona.FundingOfficer);

        var page = await browser.Get(Path);

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (page.Status, page.H1));
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/governance/strategy"));
    }

    [Fact]
    public async Task An_unknown_agreement_is_the_404_page()
    {
        var browser = await Site.As(DemonstrationUsers.Persona.GovernanceAdmin);

        var page = await browser.Get($"/admin/strategy/agreements/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (page.Status, page.H1));
    }
}
