using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The governance administrator's bodies: the list and a new body, a body's page, its offices and elections, its members.</summary>
public sealed class GovernanceBodyTests(WebFactory site) : SiteTests(site)
{
    private readonly AdminData _data = new();

    private string Elections => $"/api/governance/bodies/{_data.BodyId}/elections";

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    private Task<Browser> Admin(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);

    private async Task<(Browser Browser, Page Page)> Open(bool followRedirects = true)
    {
        _data.Serve(Gateway);
        var browser = await Admin(followRedirects);
        return (browser, await browser.Get(_data.BodyPath));
    }

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static string Long(DateOnly date) => UkTime.Date(date);

    [Fact]
    public async Task The_body_page_shows_each_office_its_term_when_the_next_election_is_due_the_reminder_and_the_members()
    {
        var (_, page) = await Open();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Community Safety Working Group", page.H1);
        var rows = page.Document.QuerySelectorAll("#office-terms tbody tr").Select(r => Squeezed(r.TextContent)).ToList();
        Assert.Equal(
        [
            $"Chair Alex Officer (Kent Police) {Long(_data.ChairTermEnds.AddYears(-2))} to {Long(_data.ChairTermEnds)} By {Long(_data.ChairTermEnds)} Election due soon",
            "Vice-chair Vacant: no one has been elected No elected term Now Vacant: election needed",
        ], rows);
        Assert.Contains($"Alex Officer's term as chair ends on {Long(_data.ChairTermEnds)}. Run an election before then.", Squeezed(page.Document.QuerySelector(".govuk-warning-text")?.TextContent));
        var members = page.Document.QuerySelectorAll("#member-list tbody tr").Select(r => Squeezed(r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal(4, members.Count);
        Assert.StartsWith("Alex Officer", members[0]);
        Assert.Contains("Sam Deputy", page.Document.QuerySelector("#member-list")!.TextContent);
        Assert.DoesNotContain("Nia Nurse", page.Document.QuerySelector("#member-list")!.TextContent);
        Assert.Contains("Nia Nurse", page.Document.QuerySelector(".govuk-details")!.TextContent);
        Assert.Contains("Version 2 adopted", page.Text);
        // the candidates are the current members only, each with their organisation
        var candidates = page.Document.QuerySelectorAll("input[name='Election.Candidates']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([_data.Alex.MembershipId, _data.Chris.MembershipId, _data.Fran.MembershipId, _data.Val.MembershipId], candidates.Select(c => Guid.Parse(c!)));
        Assert.Equal("Chris Council (Kent County Council)", page.Document.QuerySelector($"label[for='{page.Document.QuerySelector($"input[value='{_data.Chris.MembershipId}']")!.Id}']")!.TextContent.Trim());
        foreach (var form in new[] { "election", "appoint", "substitute", $"end-{_data.Chris.MembershipId}" }) Assert.NotNull(page.Form(form));
        Assert.Contains("Alex Officer", page.Document.QuerySelector("#elections")!.TextContent);
    }

    [Fact]
    public async Task An_election_is_sent_as_governance_takes_it_and_the_page_then_says_who_holds_the_office_until_when()
    {
        var (browser, page) = await Open(followRedirects: false);
        var electionId = Guid.NewGuid();
        var ends = AdminData.Today.AddYears(2);
        Gateway.Answer(HttpMethod.Post, Elections, new { electionId, termStartsOn = AdminData.Today, termEndsOn = ends });

        var answer = await browser.SubmitAll(page, "election",
        [
            ("Election.Office", "ViceChair"), ("Election.Candidates", _data.Chris.MembershipId.ToString()), ("Election.Candidates", _data.Fran.MembershipId.ToString()),
            ("Election.Elected", _data.Fran.MembershipId.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"{_data.BodyPath}?done=elected", answer.RedirectPath());
        Assert.Equal($$"""{"office":"ViceChair","candidates":["{{_data.Chris.MembershipId}}","{{_data.Fran.MembershipId}}"],"electedMembershipId":"{{_data.Fran.MembershipId}}"}""",
            SentTo(Elections).ToJsonString());

        var body = _data.Body();
        _data.Serve(Gateway, body with
        {
            Elections = [.. body.Elections, new AdminElection(electionId, Office.ViceChair, [_data.Chris.MembershipId, _data.Fran.MembershipId], _data.Fran.MembershipId,
                "Fran Fire", null, AdminData.Today, ends, DateTimeOffset.UtcNow)],
        }, [_data.Offices()[0], new OfficeView(Office.ViceChair, _data.Fran.MembershipId, "Fran Fire", AdminData.Today, ends, false, null, null, electionId, null)]);
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal($"Fran Fire is elected vice-chair until {Long(ends)}", Banner(after));
        Assert.Equal($"Vice-chair Fran Fire (Kent Fire and Rescue Service) {Long(AdminData.Today)} to {Long(ends)} By {Long(ends)} Held",
            Squeezed(after.Document.QuerySelectorAll("#office-terms tbody tr")[1].TextContent));
    }

    [Fact]
    public async Task An_election_with_its_own_dates_sends_them()
    {
        var (browser, page) = await Open(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, Elections, new { electionId = Guid.NewGuid() });
        var starts = AdminData.Today.AddDays(-7);

        await browser.SubmitAll(page, "election",
        [
            ("Election.Office", "Chair"), ("Election.Candidates", _data.Alex.MembershipId.ToString()), ("Election.Elected", _data.Alex.MembershipId.ToString()),
            ("Election.StartsOn.Day", starts.Day.ToString(CultureInfo.InvariantCulture)), ("Election.StartsOn.Month", starts.Month.ToString(CultureInfo.InvariantCulture)), ("Election.StartsOn.Year", starts.Year.ToString(CultureInfo.InvariantCulture)),
            ("Election.EndsOn.Day", "31"), ("Election.EndsOn.Month", "3"), ("Election.EndsOn.Year", (starts.Year + 2).ToString(CultureInfo.InvariantCulture)),
        ]);

        var sent = SentTo(Elections);
        Assert.Equal(starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sent["termStartsOn"]!.GetValue<string>());
        Assert.Equal($"{starts.Year + 2}-03-31", sent["termEndsOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_election_without_an_office_candidates_or_the_one_elected_is_shown_again_with_an_error_summary_and_nothing_is_sent()
    {
        var (browser, page) = await Open();

        var answer = await browser.SubmitAll(page, "election", [("Election.StartsOn.Day", "31"), ("Election.StartsOn.Month", "2"), ("Election.StartsOn.Year", "2026")]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("Error: ", answer.Title);
        Assert.Equal(
        [
            ("Select the office", "election-office"), ("Select who stood for election", "election-candidates"), ("Select who was elected", "election-elected"),
            ("The date the term starts must be a real date", "election-starts-day"),
        ], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task The_one_elected_must_have_stood_and_the_ticked_candidates_stay_ticked()
    {
        var (browser, page) = await Open();

        var answer = await browser.SubmitAll(page, "election",
            [("Election.Office", "Chair"), ("Election.Candidates", _data.Chris.MembershipId.ToString()), ("Election.Elected", _data.Val.MembershipId.ToString())]);

        Assert.Equal([("The member elected must be one of those who stood", "election-elected")], answer.Errors);
        Assert.True(answer.Document.QuerySelector($"input[name='Election.Candidates'][value='{_data.Chris.MembershipId}']")!.HasAttribute("checked"));
        Assert.False(answer.Document.QuerySelector($"input[name='Election.Candidates'][value='{_data.Fran.MembershipId}']")!.HasAttribute("checked"));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task Governances_refusal_of_an_election_is_said_plainly_in_the_error_summary()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Elections, HttpStatusCode.UnprocessableEntity, "term-starts-in-future",
            "Record the election when the term starts: 2099-01-01 is after today.");

        var answer = await browser.SubmitAll(page, "election",
            [("Election.Office", "Chair"), ("Election.Candidates", _data.Chris.MembershipId.ToString()), ("Election.Elected", _data.Chris.MembershipId.ToString())]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Record the election when the term starts: the start date is after today.", answer.ErrorSummary);
        Assert.Single(Gateway.Sent(HttpMethod.Post, Elections));
    }

    [Fact]
    public async Task A_member_is_appointed_and_a_second_chair_is_refused_plainly()
    {
        var (browser, page) = await Open(followRedirects: false);
        var members = $"/api/governance/bodies/{_data.BodyId}/members";
        Gateway.Answer(HttpMethod.Post, members, new { membershipId = Guid.NewGuid() });

        var appointed = await browser.Submit(page, "appoint", new Dictionary<string, string?>
        {
            ["Appointment.OrganisationId"] = _data.Health.Id.ToString(), ["Appointment.PersonName"] = " Dev Nurse ", ["Appointment.Role"] = "Member",
        });

        Assert.Equal($"{_data.BodyPath}?done=appointed", appointed.RedirectPath());
        Assert.Equal($$"""{"organisationId":"{{_data.Health.Id}}","personName":"Dev Nurse","role":"Member"}""", SentTo(members).ToJsonString());

        Gateway.Refuse(HttpMethod.Post, members, HttpStatusCode.Conflict, "one-chair",
            "Community Safety Working Group already has a Chair: Alex Officer. End that membership first.");
        var refused = await browser.Submit(page, "appoint", new Dictionary<string, string?>
        {
            ["Appointment.OrganisationId"] = _data.Health.Id.ToString(), ["Appointment.PersonName"] = "Dev Nurse", ["Appointment.Role"] = "Chair",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("already has a Chair: Alex Officer", refused.ErrorSummary);
    }

    [Fact]
    public async Task An_appointment_needs_an_organisation_and_a_name()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "appoint", new Dictionary<string, string?> { ["Appointment.PersonName"] = " ", ["Appointment.Role"] = "Member" });

        Assert.Equal([("Select the organisation", "appoint-organisation"), ("Enter the name of the person", "appoint-name")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_membership_is_ended_and_a_substitute_named()
    {
        var (browser, page) = await Open(followRedirects: false);
        var end = $"/api/governance/bodies/{_data.BodyId}/members/{_data.Val.MembershipId}/end";
        var substitutes = $"/api/governance/bodies/{_data.BodyId}/members/{_data.Chris.MembershipId}/substitutes";
        Gateway.Answer(HttpMethod.Post, end, null, HttpStatusCode.NoContent);
        Gateway.Answer(HttpMethod.Post, substitutes, new { substituteId = Guid.NewGuid() });

        var ended = await browser.Submit(page, $"end-{_data.Val.MembershipId}", new Dictionary<string, string?>());
        var named = await browser.Submit(page, "substitute", new Dictionary<string, string?>
        {
            ["Substitute.MembershipId"] = _data.Chris.MembershipId.ToString(), ["Substitute.Name"] = "Jo Deputy",
        });

        Assert.Equal($"{_data.BodyPath}?done=ended", ended.RedirectPath());
        Assert.Single(Gateway.Sent(HttpMethod.Post, end));
        Assert.Equal($"{_data.BodyPath}?done=substitute", named.RedirectPath());
        Assert.Equal("""{"name":"Jo Deputy"}""", SentTo(substitutes).ToJsonString());
    }

    [Fact]
    public async Task The_register_of_interests_is_shown_an_interest_declared_and_one_ended_today()
    {
        var interestId = Guid.NewGuid();
        Gateway.Get($"/api/governance/bodies/{_data.BodyId}/interests", new[]
        {
            new InterestEntry(interestId, _data.Chris.MembershipId, "Chris Council", true, _data.Council.Id, "Kent County Council", InterestCategory.Property,
                "Owns a shop on the High Street", new DateOnly(2025, 4, 1), null, true, DateTimeOffset.UtcNow),
        });
        var (browser, page) = await Open(followRedirects: false);
        var interests = $"/api/governance/bodies/{_data.BodyId}/members/{_data.Fran.MembershipId}/interests";
        var end = $"/api/governance/bodies/{_data.BodyId}/members/{_data.Chris.MembershipId}/interests/{interestId}/end";
        Gateway.Answer(HttpMethod.Post, interests, new { interestId = Guid.NewGuid() });
        Gateway.Answer(HttpMethod.Post, end, null, HttpStatusCode.NoContent);

        Assert.Equal("Chris Council Property: Owns a shop on the High Street 1 April 2025 Current End today: Chris Council, Owns a shop on the High Street",
            Squeezed(page.Document.QuerySelector("#interest-list tbody tr")!.TextContent));
        var declared = await browser.Submit(page, "interest", new Dictionary<string, string?>
        {
            ["Interest.MembershipId"] = _data.Fran.MembershipId.ToString(), ["Interest.Category"] = "Employment", ["Interest.Description"] = "Trustee of a youth charity",
            ["Interest.From.Day"] = "1", ["Interest.From.Month"] = "9", ["Interest.From.Year"] = "2026",
        });
        var ended = await browser.Submit(page, $"end-interest-{interestId}", new Dictionary<string, string?>());

        Assert.Equal($"{_data.BodyPath}?done=interest", declared.RedirectPath());
        Assert.Equal("""{"category":"Employment","description":"Trustee of a youth charity","from":"2026-09-01"}""", SentTo(interests).ToJsonString());
        Assert.Equal($"{_data.BodyPath}?done=interest-ended", ended.RedirectPath());
        Assert.Equal($$"""{"on":"{{AdminData.Today:yyyy-MM-dd}}"}""", SentTo(end).ToJsonString());
    }

    [Fact]
    public async Task An_interest_needs_a_member_a_kind_the_interest_and_a_start_not_after_its_end()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "interest", new Dictionary<string, string?>
        {
            ["Interest.Description"] = "", ["Interest.From.Day"] = "2", ["Interest.From.Month"] = "9", ["Interest.From.Year"] = "2026",
            ["Interest.To.Day"] = "1", ["Interest.To.Month"] = "9", ["Interest.To.Year"] = "2026",
        });

        Assert.Equal([("Select the member", "interest-member"), ("Select the kind of interest", "interest-category"), ("Enter the interest", "interest-description"),
            ("The last day must be on or after the day it starts", "interest-to-day")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task An_approval_is_recorded_and_a_collective_seat_sent_with_the_authorities_it_represents_or_refused_for_missing_approvals()
    {
        var (browser, page) = await Open(followRedirects: false);
        var approvals = $"/api/governance/bodies/{_data.BodyId}/representation-approvals";
        var members = $"/api/governance/bodies/{_data.BodyId}/members";
        Gateway.Answer(HttpMethod.Post, approvals, null, HttpStatusCode.NoContent);
        Gateway.Refuse(HttpMethod.Post, members, HttpStatusCode.Conflict, "approvals-missing",
            "Pat District may represent these authorities only once each has approved: no approval yet from Kent Fire and Rescue Service.");

        var approved = await browser.Submit(page, "approval", new Dictionary<string, string?>
        {
            ["Approval.OrganisationId"] = _data.Council.Id.ToString(), ["Approval.PersonName"] = "Pat District", ["Approval.ApprovedBy"] = "Head of Community Safety",
            ["Approval.ApprovedOn.Day"] = "2", ["Approval.ApprovedOn.Month"] = "11", ["Approval.ApprovedOn.Year"] = "2026",
        });
        var refused = await browser.SubmitAll(page, "appoint",
        [
            ("Appointment.OrganisationId", _data.Council.Id.ToString()), ("Appointment.PersonName", "Pat District"), ("Appointment.Role", "Member"),
            ("Appointment.Represents", _data.Council.Id.ToString()), ("Appointment.Represents", _data.Fire.Id.ToString()),
        ]);

        Assert.Equal($"{_data.BodyPath}?done=approved", approved.RedirectPath());
        Assert.Equal($$"""{"organisationId":"{{_data.Council.Id}}","personName":"Pat District","approvedBy":"Head of Community Safety","approvedOn":"2026-11-02"}""",
            SentTo(approvals).ToJsonString());
        Assert.Equal($$"""{"organisationId":"{{_data.Council.Id}}","personName":"Pat District","role":"Member","represents":["{{_data.Council.Id}}","{{_data.Fire.Id}}"]}""",
            SentTo(members).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("no approval yet from Kent Fire and Rescue Service", refused.ErrorSummary);
    }

    [Fact]
    public async Task A_collective_seat_represents_two_or_more_authorities_the_members_own_among_them()
    {
        var (browser, page) = await Open();

        var answer = await browser.SubmitAll(page, "appoint",
        [
            ("Appointment.OrganisationId", _data.Council.Id.ToString()), ("Appointment.PersonName", "Pat District"), ("Appointment.Role", "Member"),
            ("Appointment.Represents", _data.Fire.Id.ToString()),
        ]);

        Assert.Equal([("Select two or more authorities for a collective seat, or none for an ordinary seat", "appoint-represents")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task The_bodies_list_each_body_with_its_chair_and_when_its_next_election_is_due()
    {
        var other = new AdminBody(Guid.NewGuid(), "Open Forum", BodyKind.OpenForum, MeetingCadence.TwiceYearly, 4, DateTimeOffset.UtcNow, [], 1);
        Gateway.Get("/api/governance/bodies", new[] { other, _data.Body() });
        var browser = await Admin();
        Gateway.Requests.Clear();

        var page = await browser.Get("/admin/bodies");

        var rows = page.Document.QuerySelectorAll("#bodies tbody tr").Select(r => Squeezed(r.TextContent)).ToList();
        Assert.Equal(
        [
            $"Community Safety Working Group Working group every quarter 4 Alex Officer {Long(_data.ChairTermEnds)} Due soon",
            "Open Forum Open Forum twice a year 0 None No elected term",
        ], rows);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{_data.BodyPath}']"));
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/governance/bodies"), r => r.PathAndQuery == "/api/governance/bodies?limit=500");
    }

    [Fact]
    public async Task A_body_is_created_and_the_administrator_is_taken_to_its_page()
    {
        Gateway.Get("/api/governance/bodies", new[] { _data.Body() });
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get("/admin/bodies");
        var id = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, "/api/governance/bodies", new { id }, HttpStatusCode.Created);

        var answer = await browser.Submit(page, "create", new Dictionary<string, string?>
        {
            ["Form.Name"] = "Maidstone Delivery Group", ["Form.Kind"] = "DeliveryGroup", ["Form.Cadence"] = "BiMonthly", ["Form.Quorum"] = "3",
            ["Form.ParentBodyId"] = _data.BodyId.ToString(),
        });

        Assert.Equal($"/admin/bodies/{id}?done=created", answer.RedirectPath());
        Assert.Equal($$"""{"name":"Maidstone Delivery Group","kind":"DeliveryGroup","cadence":"BiMonthly","quorumMinimum":3,"parentBodyId":"{{_data.BodyId}}"}""",
            SentTo("/api/governance/bodies").ToJsonString());
    }

    [Fact]
    public async Task A_body_needs_a_name_a_kind_a_cadence_and_a_sensible_quorum()
    {
        Gateway.Get("/api/governance/bodies", Array.Empty<AdminBody>());
        var browser = await Admin();
        var page = await browser.Get("/admin/bodies");

        var answer = await browser.Submit(page, "create", new Dictionary<string, string?> { ["Form.Name"] = "", ["Form.Quorum"] = "none" });

        Assert.Equal(
        [
            ("Enter the name of the body", "body-name"), ("Select the kind of body", "body-kind"), ("Select how often it meets", "body-cadence"),
            ("The quorum must be a whole number between 1 and 50", "body-quorum"),
        ], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Theory]
    [InlineData("/admin/bodies")]
    [InlineData("/admin/bodies/{0}")]
    [InlineData("/admin/organisations")]
    [InlineData("/admin/organisations/{0}")]
    public async Task Another_role_gets_the_403_page_and_nothing_is_asked_of_governance(string path)
    {
        _data.Serve(Gateway);
        var browser = await Site.AsClerkOf(_data.BodyId);
        Gateway.Requests.Clear(); // the sign-in page's own lists

        var page = await browser.Get(string.Format(CultureInfo.InvariantCulture, path, _data.BodyId));

        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (page.Status, page.H1));
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/governance/bodies"));
        Assert.Empty(Gateway.Sent(HttpMethod.Get, "/api/governance/organisations"));
    }

    [Fact]
    public async Task An_unknown_body_is_the_404_page()
    {
        var browser = await Admin();

        var page = await browser.Get($"/admin/bodies/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (page.Status, page.H1));
    }
}
