using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// The ASB case panel's pages: the sittings (plan next month's), a sitting's agenda with each case's reason on or off, its
/// attendance by agency, and a case's review with a new action; the forms' errors GOV.UK's way and CaseManagement's
/// refusals in plain English.
/// </summary>
public sealed class PanelPageTests(WebFactory site) : SiteTests(site)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));

    private readonly PanelAgency _police = new(Guid.NewGuid(), "Kent Police");
    private readonly PanelAgency _housing = new(Guid.NewGuid(), "Thanet Housing");
    private readonly Guid _sittingId = Guid.NewGuid();

    private readonly SittingAgendaEntry _highRisk = new(Guid.NewGuid(), "ASB-2026-0042", Area.East, "High", Today.AddDays(-1), true,
        $"High risk: review due {Today.AddDays(-1):yyyy-MM-dd}.");
    private readonly SittingAgendaEntry _notDue = new(Guid.NewGuid(), "ASB-2026-0043", Area.North, "Low", Today.AddMonths(2), false,
        $"Low risk: next review not due until {Today.AddMonths(2):yyyy-MM-dd}.");
    private readonly SittingAgendaEntry _unassessed = new(Guid.NewGuid(), "ASB-2026-0044", Area.West, null, null, false,
        "Not yet risk-assessed: a risk assessment sets when the panel reviews it.");

    private string SittingApi => $"/api/cases/panel/sittings/{_sittingId}";
    private string SittingPath => $"/cases/panel/sittings/{_sittingId}";
    private string ReviewPath => $"{SittingPath}/reviews/{_highRisk.CaseId}";

    private Sitting Held(IReadOnlyList<Guid>? attendance = null, IReadOnlyList<SittingCaseReviewedView>? reviewed = null, DateOnly? on = null) =>
        new(_sittingId, on ?? Today, "Pat Chair", DateTimeOffset.UtcNow.AddDays(-20), 2,
            new SittingAgenda([_highRisk, _notDue, _unassessed], "Pat Chair", DateTimeOffset.UtcNow.AddDays(-20)), reviewed ?? [], attendance ?? []);

    private void Serve(Sitting sitting)
    {
        Gateway.Get(SittingApi, sitting);
        Gateway.Get("/api/governance/organisations", new[] { _police, _housing });
    }

    private Task<Browser> Chair(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.PanelChair, _police.Id, followRedirects);

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_sittings_are_listed_upcoming_then_past_and_only_the_chair_may_plan_one()
    {
        var next = new SittingListEntry(Guid.NewGuid(), Today.AddMonths(1), 3, 0);
        var last = new SittingListEntry(Guid.NewGuid(), Today.AddMonths(-1), 4, 4);
        Gateway.Get("/api/cases/panel/sittings", new[] { next, last });

        var chair = await (await Chair()).Get("/cases/panel");
        var worker = await (await Site.As(DemonstrationUsers.Persona.CaseWorker, _police.Id)).Get("/cases/panel");

        Assert.Equal((HttpStatusCode.OK, "Panel sittings"), (chair.Status, chair.H1));
        Assert.Equal($"/cases/panel/sittings/{next.Id}", chair.Document.QuerySelector("#upcoming tbody a")!.GetAttribute("href"));
        Assert.Equal(UkTime.Date(last.SittingOn), chair.Document.QuerySelector("#past tbody a")!.TextContent.Trim());
        Assert.Equal("3", chair.Document.QuerySelector("#upcoming tbody td")!.TextContent.Trim());
        Assert.Equal(Today.AddMonths(1).Day.ToString(CultureInfo.InvariantCulture), chair.Document.QuerySelector("#sitting-on-day")!.GetAttribute("value"));
        Assert.All(Gateway.Sent(HttpMethod.Get, "/api/cases/panel/sittings"), r => Assert.Equal("/api/cases/panel/sittings?limit=24&page=1", r.PathAndQuery));
        chair.Form("plan");
        Assert.Equal(HttpStatusCode.OK, worker.Status);
        Assert.Empty(worker.Document.QuerySelectorAll("form[method=post] input[name=_handler][value=plan]"));
    }

    [Fact]
    public async Task Planning_sends_the_date_and_goes_to_the_new_sitting()
    {
        Gateway.Get("/api/cases/panel/sittings", Array.Empty<SittingListEntry>());
        var browser = await Chair(followRedirects: false);
        var page = await browser.Get("/cases/panel");
        var planned = Held(on: Today.AddMonths(1));
        Gateway.Answer(HttpMethod.Post, "/api/cases/panel/sittings", planned, HttpStatusCode.Created);
        var day = Today.AddMonths(1);

        var answer = await browser.Submit(page, "plan", new Dictionary<string, string?>
        {
            ["Form.SittingOn.Day"] = day.Day.ToString(CultureInfo.InvariantCulture), ["Form.SittingOn.Month"] = day.Month.ToString(CultureInfo.InvariantCulture), ["Form.SittingOn.Year"] = day.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"{SittingPath}?done=planned", answer.RedirectPath());
        Assert.Equal($$"""{"sittingOn":"{{day:yyyy-MM-dd}}"}""", SentTo("/api/cases/panel/sittings").ToJsonString());
        Serve(planned);
        Assert.Equal("The sitting is planned and its agenda built", Banner(await browser.Get(answer.RedirectPath()!)));
    }

    [Fact]
    public async Task A_date_that_is_not_real_is_an_error_summary_and_nothing_is_sent()
    {
        Gateway.Get("/api/cases/panel/sittings", Array.Empty<SittingListEntry>());
        var browser = await Chair();
        var page = await browser.Get("/cases/panel");

        var answer = await browser.Submit(page, "plan", new Dictionary<string, string?>
        {
            ["Form.SittingOn.Day"] = "31", ["Form.SittingOn.Month"] = "2", ["Form.SittingOn.Year"] = "2027",
        });

        Assert.StartsWith("Error: ", answer.Title);
        Assert.Equal([("The date of the sitting must be a real date", "sitting-on-day")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/cases"));
    }

    [Fact]
    public async Task A_refusal_to_plan_is_said_plainly()
    {
        Gateway.Get("/api/cases/panel/sittings", Array.Empty<SittingListEntry>());
        var browser = await Chair();
        var page = await browser.Get("/cases/panel");
        Gateway.Refuse(HttpMethod.Post, "/api/cases/panel/sittings", HttpStatusCode.Forbidden, "isa-not-signed", "Organisation x has not signed the ISA.");

        var answer = await browser.Submit(page, "plan", new Dictionary<string, string?>
        {
            ["Form.SittingOn.Day"] = "7", ["Form.SittingOn.Month"] = "1", ["Form.SittingOn.Year"] = "2027",
        });

        Assert.Contains("Your organisation is not a current signatory of the Information Sharing Agreement", answer.ErrorSummary);
    }

    [Fact]
    public async Task A_sitting_shows_each_case_on_or_off_its_agenda_with_the_reason_and_who_attended()
    {
        Serve(Held(attendance: [_police.Id], reviewed: [new SittingCaseReviewedView(_highRisk.CaseId, _highRisk.Reference, DateTimeOffset.UtcNow)]));

        var page = await (await Chair()).Get(SittingPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Sitting of {UkTime.Date(Today)}", page.H1);
        var on = page.Document.QuerySelector("#on-agenda")!;
        Assert.Equal("On the agenda (1)", on.QuerySelector("caption")!.TextContent.Trim());
        var row = Squeezed(on.QuerySelector($"#case-{_highRisk.CaseId}")!.TextContent);
        Assert.Contains($"ASB-2026-0042 East High risk High risk: review due {Today.AddDays(-1):yyyy-MM-dd}. Reviewed", row);
        Assert.Equal($"/cases/{_highRisk.CaseId}", on.QuerySelector("tbody a")!.GetAttribute("href"));
        var off = page.Document.QuerySelector("#off-agenda")!;
        Assert.Equal("Considered but not on the agenda (2)", off.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains("Not yet risk-assessed: a risk assessment sets when the panel reviews it.", off.TextContent);
        Assert.Contains("Not assessed", off.TextContent);
        Assert.Contains($"Record the review of {_notDue.Reference}", Squeezed(off.TextContent));
        Assert.Equal("Kent Police", page.Document.QuerySelector("#attended")!.TextContent.Trim());
        // reviews recorded: the agenda is settled
        Assert.Contains("The agenda is settled", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("input[name=_handler][value=rebuild]"));
        Assert.Equal("true", page.Document.QuerySelector($"#attendance-agency")!.HasAttribute("checked").ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task A_sitting_ahead_takes_no_attendance_and_no_review_yet_and_a_case_worker_only_reads_it()
    {
        Serve(Held(on: Today.AddMonths(1)));

        var chair = await (await Chair()).Get(SittingPath);
        var worker = await (await Site.As(DemonstrationUsers.Persona.CaseWorker, _police.Id)).Get(SittingPath);

        Assert.Contains("Attendance and reviews are recorded on or after the day of the sitting", chair.Text);
        Assert.Empty(chair.Document.QuerySelectorAll("input[name=_handler][value=attendance]"));
        Assert.DoesNotContain("Record the review", chair.Text);
        chair.Form("rebuild");
        Assert.Equal(HttpStatusCode.OK, worker.Status);
        var handlers = worker.Document.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")).ToList();
        Assert.DoesNotContain("rebuild", handlers);
        Assert.DoesNotContain("attendance", handlers);
    }

    [Fact]
    public async Task An_unknown_sitting_is_the_404_page_and_a_role_without_cases_the_403_page()
    {
        Gateway.Get("/api/governance/organisations", new[] { _police, _housing });

        var unknown = await (await Chair()).Get($"/cases/panel/sittings/{Guid.NewGuid()}");
        var bidder = await (await Site.As(DemonstrationUsers.Persona.Bidder, _police.Id)).Get(SittingPath);
        var unknownCase = await (await Chair()).Get($"{SittingPath}/reviews/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (bidder.Status, bidder.H1));
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.Status);
    }

    [Fact]
    public async Task Attendance_is_sent_by_agency_and_none_chosen_is_an_error()
    {
        Serve(Held());
        var browser = await Chair(followRedirects: false);
        var page = await browser.Get(SittingPath);
        Gateway.Answer(HttpMethod.Post, $"{SittingApi}/attendance", new { sittingId = _sittingId, attendance = new[] { _police.Id, _housing.Id } });

        var none = await browser.Submit(page, "attendance", new Dictionary<string, string?>());
        Assert.Equal([("Select the agencies that attended", "attendance-agency")], none.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, SittingApi));

        var answer = await Submit(browser, page, "attendance", ("agency", _police.Id.ToString()), ("agency", _housing.Id.ToString()));
        Assert.Equal($"{SittingPath}?done=attendance", answer.RedirectPath());
        Assert.Equal($$"""{"attendance":["{{_police.Id}}","{{_housing.Id}}"]}""", SentTo($"{SittingApi}/attendance").ToJsonString());
    }

    [Fact]
    public async Task Attendance_refused_is_said_plainly_with_the_boxes_as_ticked()
    {
        Serve(Held());
        var browser = await Chair();
        var page = await browser.Get(SittingPath);
        Gateway.Refuse(HttpMethod.Post, $"{SittingApi}/attendance", HttpStatusCode.Conflict, "unknown-organisation", "Attendance must name organisations registered.");

        var answer = await Submit(browser, page, "attendance", ("agency", _housing.Id.ToString()));

        Assert.Contains("One of the organisations chosen is not registered with the partnership", answer.ErrorSummary);
        Assert.True(answer.Document.QuerySelector("#attendance-agency-2")!.HasAttribute("checked"));
        Assert.False(answer.Document.QuerySelector("#attendance-agency")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_agenda_is_built_again_and_a_settled_agenda_is_said_plainly()
    {
        Serve(Held());
        var browser = await Chair(followRedirects: false);
        var page = await browser.Get(SittingPath);
        Gateway.Answer(HttpMethod.Post, $"{SittingApi}/agenda", new { sittingId = _sittingId, considered = Array.Empty<object>() });

        var answer = await browser.Submit(page, "rebuild", new Dictionary<string, string?>());
        Assert.Equal($"{SittingPath}?done=rebuilt", answer.RedirectPath());
        Assert.Null(Assert.Single(Gateway.Sent(HttpMethod.Post, $"{SittingApi}/agenda")).Body);

        Gateway.Refuse(HttpMethod.Post, $"{SittingApi}/agenda", HttpStatusCode.Conflict, "sitting-under-way", "Reviews have been recorded.");
        var refused = await browser.Submit(page, "rebuild", new Dictionary<string, string?>());
        Assert.Contains("its agenda is settled and cannot be built again", refused.ErrorSummary);
    }

    private static async Task<Page> Submit(Browser browser, Page page, string form, params (string Name, string Value)[] fields)
    {
        // repeated names (ticked boxes), which Browser.Submit's dictionary cannot carry
        var values = page.Form(form).QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).Concat(fields);
        using var response = await browser.Http.PostAsync(page.Url.PathAndQuery, new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Item1, v.Item2))));
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!,
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response.Headers.Location);
    }

    private Dictionary<string, string?> ReviewFields(string summary = "Behaviour continues; the victim remains fearful.", string? owner = null,
        string? description = null, DateOnly? due = null) => new()
    {
        ["Review.Summary"] = summary, ["Review.Decisions"] = "Issue a community protection warning\r\n\r\nRefer the victim to support services",
        ["Review.Owner"] = owner, ["Review.Description"] = description,
        ["Review.Due.Day"] = due?.Day.ToString(CultureInfo.InvariantCulture), ["Review.Due.Month"] = due?.Month.ToString(CultureInfo.InvariantCulture), ["Review.Due.Year"] = due?.Year.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_review_is_sent_with_the_sittings_attendance_its_decisions_and_a_new_action()
    {
        Serve(Held(attendance: [_police.Id, _housing.Id]));
        var browser = await Chair(followRedirects: false);
        var page = await browser.Get(ReviewPath);
        var due = Today.AddDays(14);
        Gateway.Answer(HttpMethod.Post, $"{SittingApi}/reviews", new PanelReviewRecorded(_highRisk.CaseId, Today.AddMonths(1), [Guid.NewGuid()], 5));

        var answer = await browser.Submit(page, "review", ReviewFields(owner: _housing.Id.ToString(), description: " Tenancy warning letter ", due: due));

        Assert.Equal($"{ReviewPath}?done=reviewed&next={Today.AddMonths(1):yyyy-MM-dd}", answer.RedirectPath());
        Assert.Equal($$"""{"caseId":"{{_highRisk.CaseId}}","attendance":["{{_police.Id}}","{{_housing.Id}}"],"summary":"Behaviour continues; the victim remains fearful.","decisions":["Issue a community protection warning","Refer the victim to support services"],"actions":[{"ownerOrganisationId":"{{_housing.Id}}","description":"Tenancy warning letter","dueOn":"{{due:yyyy-MM-dd}}"}]}""",
            SentTo($"{SittingApi}/reviews").ToJsonString());

        Serve(Held(attendance: [_police.Id, _housing.Id], reviewed: [new SittingCaseReviewedView(_highRisk.CaseId, _highRisk.Reference, DateTimeOffset.UtcNow)]));
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal($"The review of ASB-2026-0042 is recorded. Its next review is due by {UkTime.Date(Today.AddMonths(1))}", Banner(after));
        after.Form("action");
        Assert.Empty(after.Document.QuerySelectorAll("input[name=_handler][value=review]"));
    }

    [Fact]
    public async Task A_review_without_a_summary_or_with_half_an_action_is_an_error_summary_and_nothing_is_sent()
    {
        Serve(Held(attendance: [_police.Id]));
        var browser = await Chair();
        var page = await browser.Get(ReviewPath);

        var answer = await browser.Submit(page, "review", ReviewFields(summary: " ", description: "Tenancy warning letter", due: Today.AddDays(-1)));

        Assert.Equal([("Enter a summary of the discussion", "summary"), ("Select the agency that owns the action", "action-owner"),
            ("The date the action is due must be today or in the future", "action-due-day")], answer.Errors);
        Assert.Equal("Tenancy warning letter", answer.Document.QuerySelector("#action-description")!.TextContent);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/cases"));
    }

    [Fact]
    public async Task A_review_refused_is_said_plainly_and_a_sitting_without_attendance_asks_for_it_first()
    {
        Serve(Held(attendance: [_police.Id]));
        var browser = await Chair();
        var page = await browser.Get(ReviewPath);
        Gateway.Refuse(HttpMethod.Post, $"{SittingApi}/reviews", HttpStatusCode.Conflict, "already-reviewed", "Case ASB-2026-0042 has already been reviewed at this sitting.");

        var answer = await browser.Submit(page, "review", ReviewFields());
        Assert.Contains("This case has already been reviewed at this sitting.", answer.ErrorSummary);

        Serve(Held());
        var noAttendance = await browser.Get(ReviewPath);
        Assert.Contains("Record which agencies attended before recording a review", noAttendance.Text);
        Assert.Empty(noAttendance.Document.QuerySelectorAll("input[name=_handler][value=review]"));
    }

    [Fact]
    public async Task Another_action_is_agreed_on_the_case_after_its_review()
    {
        Serve(Held(attendance: [_police.Id], reviewed: [new SittingCaseReviewedView(_highRisk.CaseId, _highRisk.Reference, DateTimeOffset.UtcNow)]));
        var browser = await Chair(followRedirects: false);
        var page = await browser.Get(ReviewPath);
        var path = $"/api/cases/{_highRisk.CaseId}/actions";
        Gateway.Answer(HttpMethod.Post, path, new { id = Guid.NewGuid() });
        var due = Today.AddDays(7);

        var empty = await browser.Submit(page, "action", new Dictionary<string, string?>());
        Assert.Equal(["extra-owner", "extra-description", "extra-due-day"], empty.Errors.Select(e => e.Target));

        var answer = await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Extra.Owner"] = _police.Id.ToString(), ["Extra.Description"] = "Patrol the precinct", ["Extra.Due.Day"] = due.Day.ToString(CultureInfo.InvariantCulture),
            ["Extra.Due.Month"] = due.Month.ToString(CultureInfo.InvariantCulture), ["Extra.Due.Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal($"{ReviewPath}?done=action", answer.RedirectPath());
        Assert.Equal($$"""{"ownerOrganisationId":"{{_police.Id}}","description":"Patrol the precinct","dueOn":"{{due:yyyy-MM-dd}}"}""", SentTo(path).ToJsonString());
    }
}
