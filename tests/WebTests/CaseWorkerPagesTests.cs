using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using CommunitySafety.Web.Api.Cases;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The case workers' pages: the caseload, a case (or its signpost), the risk assessment, the referral with its similar cases, the access audit.</summary>
public sealed class CaseWorkerPagesTests(WebFactory site) : SiteTests(site)
{
    private const string Cases = "/api/cases";

    private Task<Browser> Worker(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.CaseWorker, CaseData.KentPolice, followRedirects);

    private JsonNode SentTo(HttpMethod method, string path) =>
        JsonNode.Parse(Assert.Single(Gateway.Requests, r => r.Method == method && r.PathAndQuery == path).Body!)!;

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    // ---- the caseload

    [Fact]
    public async Task The_caseload_lists_open_cases_as_the_service_orders_them_with_risk_and_overdue_in_words_and_names_the_lead_agency()
    {
        CaseData.ServeOrganisations(Gateway);
        var high = CaseData.Entry("ASB-2026-AAAAAA", CaseRisk.High, CaseData.Today.AddDays(-2), overdue: true, overdueActions: 2);
        var low = CaseData.Entry("ASB-2026-BBBBBB", CaseRisk.Low, CaseData.Today.AddDays(40));
        var unassessed = CaseData.Entry("ASB-2026-CCCCCC", null, null);
        Gateway.Answer(HttpMethod.Get, Cases, new[] { high, low, unassessed }, headers: new Dictionary<string, string> { ["X-Total-Count"] = "3" });
        var browser = await Worker();

        var page = await browser.Get("/cases");

        Assert.Equal((HttpStatusCode.OK, "Your caseload"), (page.Status, page.H1));
        var rows = page.Document.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("ASB-2026-AAAAAA", rows[0]);
        Assert.Contains("High risk", rows[0]);
        Assert.Contains("Review overdue", rows[0]);
        Assert.Contains("2 actions overdue", rows[0]);
        Assert.Contains("Kent Police", rows[0]);
        Assert.Contains("None overdue", rows[1]);
        Assert.Contains("Not assessed", rows[2]);
        Assert.Equal($"/cases/{high.Id}", page.Document.QuerySelector("table tbody tr a")!.GetAttribute("href"));
        Assert.Equal("3 open cases", page.Document.QuerySelector("caption")!.TextContent.Trim());
        Assert.Single(Gateway.Sent(HttpMethod.Get, "/api/cases?"), r => r.PathAndQuery == "/api/cases?limit=25&page=1");
    }

    [Fact]
    public async Task The_caseload_filters_by_area_and_agency_with_a_plain_get_form_and_refuses_filters_not_in_its_lists()
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Answer(HttpMethod.Get, Cases, Array.Empty<CaseListEntry>(), headers: new Dictionary<string, string> { ["X-Total-Count"] = "0" });
        var browser = await Worker();

        var form = await browser.Get("/cases");
        var filter = form.Document.QuerySelector("form[method=get]")!;
        Assert.Equal("/cases", filter.GetAttribute("action"));
        Assert.Equal("Kent Police (your organisation)", filter.QuerySelector("#agency option:nth-child(2)")!.TextContent);
        var filtered = await browser.Get($"/cases?area=East&agency={CaseData.Housing}");
        Assert.Contains("no open cases that match the filters", filtered.Text);
        Assert.Single(Gateway.Requests, r => r.PathAndQuery == $"/api/cases?area=East&agency={CaseData.Housing}&limit=25&page=1");

        var before = Gateway.Requests.Count(r => r.PathAndQuery.StartsWith("/api/cases?", StringComparison.Ordinal));
        var wrong = await browser.Get("/cases?area=Middle&agency=someone");
        Assert.Equal([("Select an area from the list", "area"), ("Select an agency from the list", "agency")], wrong.Errors);
        Assert.StartsWith("Error: ", wrong.Title);
        Assert.Equal(before, Gateway.Requests.Count(r => r.PathAndQuery.StartsWith("/api/cases?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_user_of_a_non_signatory_is_told_why_the_caseload_is_empty_and_other_roles_may_not_see_it()
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Refuse(HttpMethod.Get, Cases, HttpStatusCode.Forbidden, "isa-not-signed", "Your organisation has not signed the Information Sharing Agreement");
        var outsider = await Site.As(DemonstrationUsers.Persona.CaseWorker, CaseData.Outsider);

        var page = await outsider.Get("/cases");
        var funding = await (await Site.As(DemonstrationUsers.Persona.FundingOfficer)).Get("/cases");

        Assert.Contains("not a current signatory of the Information Sharing Agreement", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("table"));
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (funding.Status, funding.H1));
    }

    // ---- a case

    [Fact]
    public async Task A_case_shows_its_parties_risk_with_the_matrix_questions_actions_by_agency_with_RAG_in_words_and_why_the_user_can_see_it()
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Get($"{Cases}/risk-matrix", CaseData.Matrix);
        var action = new CaseActionView(Guid.NewGuid(), CaseData.Housing, "Visit the victim", CaseData.Today.AddDays(-1), null, CaseActionStatus.Open, CaseRag.Red,
            "Chair", DateTimeOffset.UtcNow.AddDays(-9), []);
        var subject = Guid.NewGuid();
        var intervention = new InterventionView(Guid.NewGuid(), subject, InterventionKind.CommunityProtectionWarning, CaseData.Today.AddDays(-2), CaseData.KentPolice,
            null, "Ann Worker", DateTimeOffset.UtcNow, [new BreachView(CaseData.Today.AddDays(-1), "Graffiti again", "Ann Worker", DateTimeOffset.UtcNow)]);
        var c = CaseData.Case(actions: [action], interventions: [intervention], subjectId: subject);
        Gateway.Get($"{Cases}/{c.Id}", c);
        var browser = await Worker();

        var page = await browser.Get($"/cases/{c.Id}");

        Assert.Equal((HttpStatusCode.OK, "Case ASB-2026-ABC123"), (page.Status, page.H1));
        Assert.Contains("Morgan Testcase", page.Text);
        Assert.Contains("7 Quiet Lane, Ashford", page.Text);
        Assert.Equal("You can see this case because Kent Police signed the Information Sharing Agreement on 1 April 2026; the signature is due for review on 1 April 2027. Your access is recorded in the partnership's access audit.",
            System.Text.RegularExpressions.Regex.Replace(page.Document.QuerySelector("#why-you-can-see-it")!.TextContent.Trim(), @"\s+", " "));
        var answers = page.Document.QuerySelectorAll(".govuk-summary-list--no-border .govuk-summary-list__row").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(answers, a => a.Contains("Has there been violence or a threat of violence?") && a.EndsWith("Yes", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("Are children living in or affected by the situation?") && a.EndsWith("No", StringComparison.Ordinal));
        Assert.Contains("High risk", page.Text);
        var actionRow = page.Document.QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains("Visit the victim")).TextContent;
        Assert.Contains("Ashford Housing", actionRow);
        Assert.Contains("Overdue", actionRow);
        Assert.Contains("Community protection warning (CPW)", page.Text);
        Assert.Contains("Graffiti again", page.Text);
        foreach (var link in new[] { "risk", "actions/new", "interventions/new", "close" })
            Assert.NotNull(page.Document.QuerySelector($"main a[href='/cases/{c.Id}/{link}']"));
    }

    [Fact]
    public async Task A_user_of_a_non_signatory_gets_the_signpost_with_the_lead_agency_and_nothing_personal()
    {
        CaseData.ServeOrganisations(Gateway);
        var id = Guid.NewGuid();
        Gateway.Refuse(HttpMethod.Get, $"{Cases}/{id}", HttpStatusCode.Forbidden, "isa-not-signed", "Not signed", new { signpost = $"/api/cases/{id}/signpost" });
        Gateway.Get($"{Cases}/{id}/signpost", new CaseSignpost(id, "ASB-2026-ABC123", Area.South, CaseStatus.Open, [CaseData.KentPolice, CaseData.Housing],
            DateTimeOffset.UtcNow, null));
        var outsider = await Site.As(DemonstrationUsers.Persona.CaseWorker, CaseData.Outsider);

        var page = await outsider.Get($"/cases/{id}");

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this case's details"), (page.Status, page.H1));
        var rows = page.Document.QuerySelectorAll(".govuk-summary-list__row").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(rows, r => r.StartsWith("Lead agency", StringComparison.Ordinal) && r.EndsWith("Kent Police", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Other agencies involved", StringComparison.Ordinal) && r.EndsWith("Ashford Housing", StringComparison.Ordinal));
        Assert.Contains("Contact Kent Police, the lead agency", page.Text);
        Assert.DoesNotContain("Morgan", page.Text);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_a_role_without_cases_may_not_see_one()
    {
        CaseData.ServeOrganisations(Gateway);
        var browser = await Worker();

        var unknown = await browser.Get($"/cases/{Guid.NewGuid()}");
        var funding = await (await Site.As(DemonstrationUsers.Persona.FundingOfficer)).Get($"/cases/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (funding.Status, funding.H1));
    }

    // ---- the risk assessment

    private CaseDetails GivenCase(CaseRisk? risk = null)
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Get($"{Cases}/risk-matrix", CaseData.Matrix);
        var c = CaseData.Case(risk: risk);
        Gateway.Get($"{Cases}/{c.Id}", c);
        return c;
    }

    [Fact]
    public async Task The_risk_is_assessed_with_the_matrix_questions_sent_as_answers_and_the_worker_is_sent_back_to_the_case()
    {
        var c = GivenCase();
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/risk-assessments", new { score = 15, level = "High", nextReviewDue = "2027-01-01" });
        var browser = await Worker(followRedirects: false);
        var form = await browser.Get($"/cases/{c.Id}/risk");
        Assert.Equal(3, form.Document.QuerySelectorAll("form fieldset legend").Length);

        var answer = await browser.Submit(form, "assess", new Dictionary<string, string?>
        {
            ["answer-repeat-victim"] = "yes", ["answer-violence"] = "yes", ["answer-children"] = "no",
        });

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"/cases/{c.Id}?done=risk-assessed", answer.RedirectPath());
        Assert.Equal("""{"answers":{"repeat-victim":true,"violence":true,"children":false}}""", SentTo(HttpMethod.Post, $"{Cases}/{c.Id}/risk-assessments").ToJsonString());
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal("The risk is assessed", Banner(after));
    }

    [Fact]
    public async Task A_question_left_unanswered_is_an_error_and_nothing_is_sent_and_a_refusal_is_said_plainly()
    {
        var c = GivenCase();
        var browser = await Worker();
        var form = await browser.Get($"/cases/{c.Id}/risk");

        var page = await browser.Submit(form, "assess", new Dictionary<string, string?> { ["answer-repeat-victim"] = "yes" });

        Assert.Equal([("Select yes or no: Has there been violence or a threat of violence?", "q-violence"),
            ("Select yes or no: Are children living in or affected by the situation?", "q-children")], page.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, $"{Cases}/{c.Id}/risk-assessments"));
        Assert.Equal("yes", page.Document.QuerySelector("input[name='answer-repeat-victim'][checked]")?.GetAttribute("value"));

        Gateway.Refuse(HttpMethod.Post, $"{Cases}/{c.Id}/risk-assessments", HttpStatusCode.Conflict, "case-closed", "Case ASB-2026-ABC123 is closed; reopen it first.");
        var refused = await browser.Submit(form, "assess", new Dictionary<string, string?>
        {
            ["answer-repeat-victim"] = "yes", ["answer-violence"] = "no", ["answer-children"] = "no",
        });
        Assert.Contains("Case ASB-2026-ABC123 is closed; reopen it first.", refused.ErrorSummary);
    }

    [Fact]
    public async Task Only_case_workers_and_the_panel_s_chair_may_assess_and_an_unknown_case_is_not_found()
    {
        GivenCase();
        var funding = await (await Site.As(DemonstrationUsers.Persona.FundingOfficer)).Get($"/cases/{Guid.NewGuid()}/risk");
        var unknown = await (await Worker()).Get($"/cases/{Guid.NewGuid()}/risk");

        Assert.Equal(HttpStatusCode.Forbidden, funding.Status);
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
    }

    // ---- the referral

    private static Dictionary<string, string?> Referral() => new()
    {
        ["Form.Command"] = "continue",
        ["Form.ReferringOfficer"] = " PC 4711 Jones ",
        ["Form.Area"] = "South",
        ["Form.Subjects[0].Role"] = "Perpetrator",
        ["Form.Subjects[0].Name"] = "Morgan Testcase",
        ["Form.Subjects[0].Dob.Day"] = "3", ["Form.Subjects[0].Dob.Month"] = "3", ["Form.Subjects[0].Dob.Year"] = "2003",
        ["Form.Subjects[0].Address"] = "7 Quiet Lane, Ashford",
        ["Form.Incidents[0].Date.Day"] = "10", ["Form.Incidents[0].Date.Month"] = "11", ["Form.Incidents[0].Date.Year"] = "2026",
        ["Form.Incidents[0].Place"] = "Station Road underpass",
        ["Form.Incidents[0].Description"] = "Graffiti and threats to commuters",
        ["Form.Locations[0]"] = "",
    };

    [Fact]
    public async Task A_referral_shows_the_similar_cases_before_it_is_sent_and_links_the_new_case_to_the_one_chosen()
    {
        CaseData.ServeOrganisations(Gateway);
        var existing = Guid.NewGuid();
        var created = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, $"{Cases}/search", new[]
        {
            new SubjectSearchHit(new CaseSignpost(existing, "ASB-2026-OLD001", Area.South, CaseStatus.Open, [CaseData.Housing], DateTimeOffset.UtcNow, null),
                [MatchedOn.NameAndDateOfBirth]),
        });
        Gateway.Answer(HttpMethod.Post, Cases, new { id = created, reference = "ASB-2026-NEW001", subjects = new[] { Guid.NewGuid() }, similarCases = Array.Empty<object>() },
            HttpStatusCode.Created);
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{created}/links", null, HttpStatusCode.NoContent);
        var browser = await Worker(followRedirects: false);
        var form = await browser.Get("/cases/refer");

        var check = await browser.Submit(form, "refer", Referral());

        Assert.Equal("Check the referral before you send it", check.H1);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, Cases + "?"));
        Assert.DoesNotContain(Gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == Cases);
        var similar = check.Document.QuerySelector("#similar-cases tbody tr")!.TextContent;
        Assert.Contains("ASB-2026-OLD001", similar);
        Assert.Contains("a subject's name and date of birth", similar);
        Assert.Contains("Ashford Housing", similar);
        var searches = Gateway.Sent(HttpMethod.Post, $"{Cases}/search").Select(r => r.Body).ToList();
        Assert.Equal(["""{"name":"Morgan Testcase","dateOfBirth":"2003-03-03"}""", """{"address":"7 Quiet Lane, Ashford"}"""], searches);
        Assert.DoesNotContain("Morgan", check.Url.ToString());

        var answer = await browser.Submit(check, "refer", new Dictionary<string, string?>
        {
            ["Form.Command"] = "submit", ["Form.Similar"] = $"link:{existing}", ["Form.SimilarReason"] = "Same perpetrator",
        });

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"/cases/{created}?done=linked", answer.RedirectPath());
        Assert.Equal("""{"referringOfficer":"PC 4711 Jones","area":"South","incidents":[{"date":"2026-11-10","place":"Station Road underpass","description":"Graffiti and threats to commuters"}],"subjects":[{"role":"Perpetrator","name":"Morgan Testcase","dateOfBirth":"2003-03-03","address":"7 Quiet Lane, Ashford"}],"locations":[]}""",
            SentTo(HttpMethod.Post, Cases).ToJsonString());
        Assert.Equal($$"""{"linkedCaseId":"{{existing}}","reason":"Same perpetrator"}""", SentTo(HttpMethod.Post, $"{Cases}/{created}/links").ToJsonString());
    }

    [Fact]
    public async Task A_referral_may_be_merged_into_the_similar_case_and_a_link_or_merge_needs_a_reason()
    {
        CaseData.ServeOrganisations(Gateway);
        var existing = Guid.NewGuid();
        var created = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, $"{Cases}/search", new[]
        {
            new SubjectSearchHit(new CaseSignpost(existing, "ASB-2026-OLD001", Area.South, CaseStatus.Open, [CaseData.KentPolice], DateTimeOffset.UtcNow, null),
                [MatchedOn.Address]),
        });
        Gateway.Answer(HttpMethod.Post, Cases, new { id = created, reference = "ASB-2026-NEW001", subjects = new[] { Guid.NewGuid() }, similarCases = Array.Empty<object>() },
            HttpStatusCode.Created);
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{existing}/merge", new { survivorCaseId = existing });
        var browser = await Worker(followRedirects: false);
        var check = await browser.Submit(await browser.Get("/cases/refer"), "refer", Referral());

        var noReason = await browser.Submit(check, "refer", new Dictionary<string, string?> { ["Form.Command"] = "submit", ["Form.Similar"] = $"merge:{existing}" });
        Assert.Equal([("Enter why you merge it to the other case", "similar-reason")], noReason.Errors);
        Assert.DoesNotContain(Gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == Cases);

        var answer = await browser.Submit(noReason, "refer", new Dictionary<string, string?>
        {
            ["Form.Command"] = "submit", ["Form.Similar"] = $"merge:{existing}", ["Form.SimilarReason"] = "Referred twice",
        });
        Assert.Equal($"/cases/{existing}?done=merged", answer.RedirectPath());
        Assert.Equal($$"""{"duplicateCaseId":"{{created}}","reason":"Referred twice"}""", SentTo(HttpMethod.Post, $"{Cases}/{existing}/merge").ToJsonString());
    }

    /// <summary>The referral's first step filled in, then "Add another person" pressed (without JavaScript: a post).</summary>
    private async Task<(Browser Browser, Page Page, Dictionary<string, string?> Fields)> ReferralWithAPersonAdded()
    {
        CaseData.ServeOrganisations(Gateway);
        var browser = await Worker();
        var form = await browser.Get("/cases/refer");
        var fields = Referral();
        fields["Form.Command"] = "add-subject";
        return (browser, await browser.Submit(form, "refer", fields), fields);
    }

    [Fact]
    public async Task Another_person_incident_or_location_is_added_without_javascript_keeping_what_was_typed()
    {
        var (browser, page, fields) = await ReferralWithAPersonAdded();
        // a browser posts every text box, empty or not (the new person's among them)
        foreach (var field in new[] { "Name", "Address", "Contact", "Dob.Day", "Dob.Month", "Dob.Year" }) fields[$"Form.Subjects[1].{field}"] = "";
        fields["Form.Command"] = "add-incident";
        page = await browser.Submit(page, "refer", fields);

        Assert.Equal("Refer a case", page.H1);
        Assert.NotNull(page.Document.QuerySelector("#subject-1-name"));
        Assert.NotNull(page.Document.QuerySelector("#incident-1-place"));
        Assert.Equal("Morgan Testcase", page.Document.QuerySelector("#subject-0-name")?.GetAttribute("value"));
        Assert.Empty(page.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, Cases));
    }

    [Fact]
    public async Task Enter_in_a_field_of_the_referral_continues_to_the_check_even_with_a_second_person_added()
    {
        var (_, page, _) = await ReferralWithAPersonAdded();

        // implicit submission presses the form's first submit button
        var referral = page.Document.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "refer");
        var first = referral.QuerySelector("button[type=submit]")!;
        Assert.Equal(("Form.Command", "continue"), (first.GetAttribute("name"), first.GetAttribute("value")));
        Assert.Equal("-1", first.GetAttribute("tabindex"));
        Assert.Equal("true", first.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task A_referral_missing_its_details_is_an_error_summary_linked_to_the_fields_and_nothing_is_searched_or_sent()
    {
        CaseData.ServeOrganisations(Gateway);
        var browser = await Worker();
        var form = await browser.Get("/cases/refer");
        var fields = Referral();
        fields["Form.ReferringOfficer"] = "";
        fields["Form.Subjects[0].Name"] = "";
        fields["Form.Incidents[0].Date.Year"] = "2999";

        var page = await browser.Submit(form, "refer", fields);

        Assert.Equal([("Enter the referring officer", "referringOfficer"), ("Enter person 1's full name", "subject-0-name"),
            ("The date of incident 1 must be today or in the past", "incident-0-date-day")], page.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, Cases));
    }

    [Fact]
    public async Task A_refused_referral_is_said_plainly_and_only_case_workers_may_refer()
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Answer(HttpMethod.Post, $"{Cases}/search", Array.Empty<object>());
        Gateway.Refuse(HttpMethod.Post, Cases, HttpStatusCode.Forbidden, "isa-not-signed", "Not signed");
        var browser = await Worker();
        var check = await browser.Submit(await browser.Get("/cases/refer"), "refer", Referral());
        Assert.Contains("No open case has a person with the same name", check.Text);

        var refused = await browser.Submit(check, "refer", new Dictionary<string, string?> { ["Form.Command"] = "submit" });

        Assert.Contains("not a current signatory of the Information Sharing Agreement", refused.ErrorSummary);
        var funding = await (await Site.As(DemonstrationUsers.Persona.FundingOfficer)).Get("/cases/refer");
        Assert.Equal(HttpStatusCode.Forbidden, funding.Status);
    }

    // ---- the access audit

    [Fact]
    public async Task The_access_audit_lists_who_asked_for_what_with_refusals_in_words_filtered_by_case_and_organisation()
    {
        CaseData.ServeOrganisations(Gateway);
        var caseId = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Get, $"{Cases}/audit", new[]
        {
            new CaseAuditEntry(Guid.NewGuid(), "r1", DateTimeOffset.UtcNow, "u1", "Olly Outsider", CaseData.Outsider, ["case-worker"], "GET", "/api/cases/{caseId}",
                caseId, null, 403, AccessOutcome.Refused, null),
            new CaseAuditEntry(Guid.NewGuid(), "r2", DateTimeOffset.UtcNow.AddMinutes(-1), "u2", "Ann Worker", CaseData.KentPolice, ["case-worker"], "GET",
                "/api/cases/{caseId}", caseId, null, 200, AccessOutcome.Granted, null),
        }, headers: new Dictionary<string, string> { ["X-Total-Count"] = "2" });
        var admin = await Site.As(DemonstrationUsers.Persona.PartnershipAdmin, CaseData.KentPolice);

        var page = await admin.Get($"/cases/audit?case={caseId}&organisation={CaseData.Outsider}");

        Assert.Equal("Case access audit", page.H1);
        var rows = page.Document.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Olly Outsider, Outside Charity", rows[0]);
        Assert.Contains("Read the case", rows[0]);
        Assert.Contains("Refused", rows[0]);
        Assert.Contains("Granted", rows[1]);
        Assert.Single(Gateway.Requests, r => r.PathAndQuery == $"/api/cases/audit?caseId={caseId}&organisationId={CaseData.Outsider}&limit=50&page=1");

        var wrong = await admin.Get("/cases/audit?case=ASB-2026");
        Assert.Equal("case", Assert.Single(wrong.Errors).Target);
        Assert.Single(Gateway.Sent(HttpMethod.Get, "/api/cases/audit"));
    }

    [Fact]
    public async Task Only_partnership_administrators_see_the_audit_and_an_administrator_of_a_non_signatory_is_told_why_not()
    {
        CaseData.ServeOrganisations(Gateway);
        Gateway.Refuse(HttpMethod.Get, $"{Cases}/audit", HttpStatusCode.Forbidden, "isa-not-signed", "Not signed");

        var worker = await (await Worker()).Get("/cases/audit");
        var admin = await (await Site.As(DemonstrationUsers.Persona.PartnershipAdmin, CaseData.Outsider)).Get("/cases/audit");

        Assert.Equal(HttpStatusCode.Forbidden, worker.Status);
        Assert.Equal("You cannot see the access audit", admin.H1);
        Assert.Contains("not a current signatory", admin.Text);
    }
}
