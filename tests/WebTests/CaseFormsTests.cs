using System.Globalization;
using System.Net;
using CommunitySafety.Web;
using CommunitySafety.Web.Api.Cases;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>A case's forms: an action and its status, an intervention and a breach, closing and reopening, erasing a person; and the dashboard's reminders.</summary>
public sealed class CaseFormsTests(WebFactory site) : SiteTests(site)
{
    private const string Cases = "/api/cases";

    private CaseDetails Given(CaseDetails? c = null)
    {
        CaseData.ServeOrganisations(Gateway);
        c ??= CaseData.Case();
        Gateway.Get($"{Cases}/{c.Id}", c);
        return c;
    }

    private Task<Browser> Worker(bool followRedirects = false) => Site.As(DemonstrationUsers.Persona.CaseWorker, CaseData.KentPolice, followRedirects);

    private string Sent(string path) => Assert.Single(Gateway.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == path).Body!;

    private static Dictionary<string, string?> Date(string prefix, DateOnly d) => new()
    {
        [$"{prefix}.Day"] = d.Day.ToString(CultureInfo.InvariantCulture), [$"{prefix}.Month"] = d.Month.ToString(CultureInfo.InvariantCulture), [$"{prefix}.Year"] = d.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string?> With(Dictionary<string, string?> fields, Dictionary<string, string?> more)
    {
        foreach (var (k, v) in more) fields[k] = v;
        return fields;
    }

    [Fact]
    public async Task An_action_is_given_to_an_agency_as_the_service_takes_it_and_its_checks_and_refusals_are_error_summaries()
    {
        var c = Given();
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/actions", new { id = Guid.NewGuid() });
        var browser = await Worker();
        var form = await browser.Get($"/cases/{c.Id}/actions/new");
        var due = CaseData.Today.AddDays(14);

        var empty = await browser.Submit(form, "action", new Dictionary<string, string?>());
        Assert.Equal([("Choose the agency", "owner"), ("Enter what they will do", "description"), ("Enter when it is due", "due-day")], empty.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, $"{Cases}/{c.Id}/actions"));

        var answer = await browser.Submit(form, "action", With(new() { ["Form.Owner"] = CaseData.Housing.ToString(), ["Form.Description"] = " Visit the victim " },
            Date("Form.Due", due)));
        Assert.Equal($"/cases/{c.Id}?done=action-agreed", answer.RedirectPath());
        Assert.Equal($$"""{"ownerOrganisationId":"{{CaseData.Housing}}","description":"Visit the victim","dueOn":"{{due:yyyy-MM-dd}}"}""", Sent($"{Cases}/{c.Id}/actions"));

        Gateway.Refuse(HttpMethod.Post, $"{Cases}/{c.Id}/actions", HttpStatusCode.Conflict, "owner-not-signatory", "Organisation x is not a signatory");
        var refused = await browser.Submit(form, "action", With(new() { ["Form.Owner"] = CaseData.Outsider.ToString(), ["Form.Description"] = "Visit" },
            Date("Form.Due", due)));
        Assert.Contains("has not signed the Information Sharing Agreement, so it cannot be given actions", refused.ErrorSummary);
    }

    [Fact]
    public async Task An_action_s_status_is_changed_with_a_note_and_an_unknown_action_is_not_found()
    {
        var action = new CaseActionView(Guid.NewGuid(), CaseData.Housing, "Visit the victim", CaseData.Today.AddDays(3), null, CaseActionStatus.Open, CaseRag.Amber,
            "Chair", DateTimeOffset.UtcNow, []);
        var c = Given(CaseData.Case(actions: [action]));
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/actions/{action.ActionId}/status", null, HttpStatusCode.NoContent);
        var browser = await Worker();
        var form = await browser.Get($"/cases/{c.Id}/actions/{action.ActionId}");
        Assert.Contains("Due within a week", form.Text);

        var none = await browser.Submit(form, "status", new Dictionary<string, string?>());
        Assert.Equal([("Select the action's status", "status")], none.Errors);
        var answer = await browser.Submit(form, "status", new Dictionary<string, string?> { ["Form.Status"] = "Done", ["Form.Note"] = "Visited on Monday" });

        Assert.Equal($"/cases/{c.Id}?done=action-updated", answer.RedirectPath());
        Assert.Equal("""{"status":"Done","note":"Visited on Monday"}""", Sent($"{Cases}/{c.Id}/actions/{action.ActionId}/status"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get($"/cases/{c.Id}/actions/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task An_intervention_is_recorded_against_a_person_of_the_case_and_a_notice_without_a_warning_is_refused_plainly()
    {
        var subject = Guid.NewGuid();
        var c = Given(CaseData.Case(subjectId: subject));
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/interventions", new { id = Guid.NewGuid() }, HttpStatusCode.Created);
        var browser = await Worker();
        var form = await browser.Get($"/cases/{c.Id}/interventions/new");
        Assert.Contains("Morgan Testcase (perpetrator)", form.Text);
        var on = CaseData.Today.AddDays(-1);

        var answer = await browser.Submit(form, "intervention", With(new() { ["Form.Kind"] = "CommunityProtectionWarning", ["Form.Subject"] = subject.ToString() },
            Date("Form.Issued", on)));
        Assert.Equal($"/cases/{c.Id}?done=intervention-recorded", answer.RedirectPath());
        Assert.Equal($$"""{"kind":"CommunityProtectionWarning","subjectId":"{{subject}}","issuedOn":"{{on:yyyy-MM-dd}}"}""", Sent($"{Cases}/{c.Id}/interventions"));

        var stranger = await browser.Submit(form, "intervention", With(new() { ["Form.Kind"] = "Warning", ["Form.Subject"] = Guid.NewGuid().ToString() },
            Date("Form.Issued", CaseData.Today.AddDays(2))));
        Assert.Equal([("Select who it was given to", "subject"), ("The date it was issued must be today or in the past", "issued-day")], stranger.Errors);

        Gateway.Refuse(HttpMethod.Post, $"{Cases}/{c.Id}/interventions", HttpStatusCode.Conflict, "cpn-needs-prior-warning", "A CPN needs a CPW");
        var refused = await browser.Submit(form, "intervention", With(new() { ["Form.Kind"] = "CommunityProtectionNotice", ["Form.Subject"] = subject.ToString() },
            Date("Form.Issued", on)));
        Assert.Contains("can only follow a community protection warning", refused.ErrorSummary);
    }

    [Fact]
    public async Task A_breach_of_an_intervention_is_recorded()
    {
        var subject = Guid.NewGuid();
        var intervention = new InterventionView(Guid.NewGuid(), subject, InterventionKind.AcceptableBehaviourAgreement, CaseData.Today.AddDays(-10), CaseData.KentPolice,
            null, "Ann", DateTimeOffset.UtcNow, []);
        var c = Given(CaseData.Case(subjectId: subject, interventions: [intervention]));
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/interventions/{intervention.Id}/breaches", null, HttpStatusCode.NoContent);
        var browser = await Worker();
        var form = await browser.Get($"/cases/{c.Id}/interventions/{intervention.Id}/breach");
        Assert.Contains("acceptable behaviour agreement (aba)", form.H1);

        var missing = await browser.Submit(form, "breach", Date("Form.Occurred", CaseData.Today));
        Assert.Equal([("Enter what happened", "description")], missing.Errors);
        var answer = await browser.Submit(form, "breach", With(new() { ["Form.Description"] = "Shouting at neighbours" }, Date("Form.Occurred", CaseData.Today)));

        Assert.Equal($"/cases/{c.Id}?done=breach-recorded", answer.RedirectPath());
        Assert.Equal($$"""{"occurredOn":"{{CaseData.Today:yyyy-MM-dd}}","description":"Shouting at neighbours"}""", Sent($"{Cases}/{c.Id}/interventions/{intervention.Id}/breaches"));
    }

    [Fact]
    public async Task A_case_is_closed_with_its_outcome_and_reopened_and_a_refusal_is_said()
    {
        var c = Given();
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/close", null, HttpStatusCode.NoContent);
        Gateway.Refuse(HttpMethod.Post, $"{Cases}/{c.Id}/reopen", HttpStatusCode.Conflict, "case-open", "Case ASB-2026-ABC123 is open; only a closed case can be reopened.");
        var browser = await Worker();

        var close = await browser.Get($"/cases/{c.Id}/close");
        Assert.DoesNotContain("Merged into another case", close.Text);
        var answer = await browser.Submit(close, "close", new Dictionary<string, string?> { ["Form.Outcome"] = "Improved", ["Form.Reason"] = "Behaviour stopped" });
        Assert.Equal($"/cases/{c.Id}?done=closed", answer.RedirectPath());
        Assert.Equal("""{"outcome":"Improved","reason":"Behaviour stopped"}""", Sent($"{Cases}/{c.Id}/close"));
        var merged = await browser.Submit(close, "close", new Dictionary<string, string?> { ["Form.Outcome"] = "MergedIntoAnotherCase", ["Form.Reason"] = "x" });
        Assert.Equal([("Select the outcome", "outcome")], merged.Errors);

        var reopen = await browser.Get($"/cases/{c.Id}/reopen");
        var refused = await browser.Submit(reopen, "reopen", new Dictionary<string, string?> { ["Form.Reason"] = "New incidents" });
        Assert.Contains("only a closed case can be reopened", refused.ErrorSummary);
    }

    [Fact]
    public async Task A_partnership_administrator_erases_a_person_only_after_confirming_and_a_case_worker_may_not()
    {
        var subject = Guid.NewGuid();
        var c = Given(CaseData.Case(subjectId: subject));
        Gateway.Answer(HttpMethod.Post, $"{Cases}/{c.Id}/subjects/{subject}/erase", null, HttpStatusCode.NoContent);
        var admin = await Site.As(DemonstrationUsers.Persona.PartnershipAdmin, CaseData.KentPolice, followRedirects: false);

        var caseView = await admin.Get($"/cases/{c.Id}");
        Assert.NotNull(caseView.Document.QuerySelector($"a[href='/cases/{c.Id}/subjects/{subject}/erase']"));
        var form = await admin.Get($"/cases/{c.Id}/subjects/{subject}/erase");
        Assert.Contains("This cannot be undone", form.Text);
        var unconfirmed = await admin.Submit(form, "erase", new Dictionary<string, string?> { ["Form.Reason"] = "Right to erasure" });
        Assert.Equal([("Confirm that you understand their details will be erased for good", "confirm")], unconfirmed.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, $"{Cases}/{c.Id}/subjects"));

        var answer = await admin.Submit(form, "erase", new Dictionary<string, string?> { ["Form.Reason"] = "Right to erasure", ["Form.Confirm"] = "true" });
        Assert.Equal($"/cases/{c.Id}?done=erased", answer.RedirectPath());
        Assert.Equal("""{"reason":"Right to erasure"}""", Sent($"{Cases}/{c.Id}/subjects/{subject}/erase"));

        var worker = await (await Worker(followRedirects: true)).Get($"/cases/{c.Id}/subjects/{subject}/erase");
        Assert.Equal(HttpStatusCode.Forbidden, worker.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Get($"/cases/{c.Id}/subjects/{Guid.NewGuid()}/erase")).Status);
    }

    [Fact]
    public async Task A_case_s_forms_are_refused_to_a_user_the_service_refuses_and_not_found_for_an_unknown_case()
    {
        CaseData.ServeOrganisations(Gateway);
        var refusedCase = Guid.NewGuid();
        Gateway.Refuse(HttpMethod.Get, $"{Cases}/{refusedCase}", HttpStatusCode.Forbidden, "isa-not-signed", "Not signed");
        var browser = await Worker();

        foreach (var form in new[] { "actions/new", "interventions/new", "close", "reopen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Get($"/cases/{refusedCase}/{form}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Get($"/cases/{Guid.NewGuid()}/{form}")).Status);
        }
    }

    [Fact]
    public async Task The_dashboard_reminds_a_case_worker_of_their_organisation_s_overdue_reviews_and_actions()
    {
        var overdueCase = CaseData.Entry("ASB-2026-LATE01", CaseRisk.High, CaseData.Today.AddDays(-4), overdue: true);
        Gateway.Answer(HttpMethod.Get, Cases, new[] { overdueCase, CaseData.Entry("ASB-2026-FINE01", CaseRisk.Low, CaseData.Today.AddDays(30)) });
        Gateway.Get($"{Cases}/actions/overdue", new[]
        {
            new OverdueCaseAction(Guid.NewGuid(), "ASB-2026-LATE02", CommunitySafety.Web.Api.Area.East, Guid.NewGuid(), CaseData.KentPolice, "Patrol the park", CaseData.Today.AddDays(-2),
                CaseActionStatus.Open, CaseRag.Red),
        });
        var browser = await Site.As(DemonstrationUsers.Persona.CaseWorker, CaseData.KentPolice);
        Gateway.Requests.Clear(); // signing in landed on the dashboard already

        var page = await browser.Get("/dashboard");

        var reminders = page.Document.QuerySelector("#case-reminders")!.TextContent;
        Assert.Contains("1 case is past the date the panel must review it by", reminders);
        Assert.Contains("ASB-2026-LATE01", reminders);
        Assert.DoesNotContain("ASB-2026-FINE01", reminders);
        Assert.Contains("Your organisation has 1 action past due", reminders);
        Assert.Contains("Patrol the park", reminders);
        Assert.Single(Gateway.Requests, r => r.PathAndQuery == $"/api/cases/actions/overdue?owner={CaseData.KentPolice}&limit=20");
        Assert.Single(Gateway.Requests, r => r.PathAndQuery == $"/api/cases?agency={CaseData.KentPolice}&limit=500&page=1");
    }
}
