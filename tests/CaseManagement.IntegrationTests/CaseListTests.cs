using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>The caseload (<c>GET /api/cases</c>) and why a reader may see a case (<c>seenAs</c> on the case read).</summary>
public sealed class CaseListTests(CaseManagementFixture fixture)
{
    private static readonly DateOnly Today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);

    private static object Referral(string area) => new
    {
        referringOfficer = "PC 12", area,
        incidents = new[] { new { date = "2026-11-01", place = "Bus station", description = "Shouting at passengers" } },
        subjects = new[] { new { role = "Perpetrator", name = "Lee " + Guid.NewGuid().ToString("N")[..6] } },
    };

    private async Task Given(Guid caseId, params object[] events)
    {
        await using var session = fixture.Store.LightweightSession();
        session.Events.Append(caseId, events);
        await session.SaveChangesAsync();
    }

    private static RiskAssessed Assessment(Guid caseId, RiskLevel level, int score, DateOnly reviewDue) =>
        new(caseId, new Dictionary<string, bool>(), score, level, Guid.NewGuid(), "Assessor", DateTimeOffset.UtcNow, reviewDue);

    private static IReadOnlyList<Guid> Ids(JsonNode list) => [.. list.AsArray().Select(e => e!["id"]!.GetValue<Guid>())];

    [Fact]
    public async Task The_caseload_lists_open_cases_highest_risk_first_then_by_review_date_with_what_is_overdue_and_filters_by_area_and_agency()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        async Task<Guid> Refer(string area) => await (await worker.ReferCase(Referral(area))).CreatedId();
        var lowSoon = await Refer("North");
        var unassessed = await Refer("North");
        var highLater = await Refer("East");
        var highSooner = await Refer("North");
        var medium = await Refer("North");
        var closed = await Refer("North");
        await Given(lowSoon, Assessment(lowSoon, RiskLevel.Low, 2, Today.AddDays(1)));
        await Given(highLater, Assessment(highLater, RiskLevel.High, 20, Today.AddDays(20)));
        await Given(highSooner, Assessment(highSooner, RiskLevel.High, 16, Today.AddDays(-3)),
            new ActionAgreed(highSooner, Guid.NewGuid(), agency, await fixture.Seal(highSooner, "Visit"), Today.AddDays(-1), null, "Chair", DateTimeOffset.UtcNow));
        await Given(medium, Assessment(medium, RiskLevel.Medium, 9, Today.AddDays(5)));
        Assert.Equal(HttpStatusCode.NoContent, (await worker.CloseCase(closed, new { outcome = "Resolved", reason = "Done" })).StatusCode);

        var response = await worker.GetCaseload(agency: agency);
        var list = await response.Json(HttpStatusCode.OK);
        Assert.Equal([highSooner, highLater, medium, lowSoon, unassessed], Ids(list));
        Assert.Equal(5, response.TotalCount());
        var first = list[0]!;
        Assert.Equal(("High", 16, Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), agency, true, 1, "North"),
            (first["risk"]!.GetValue<string>(), first["riskScore"]!.GetValue<int>(), first["nextReviewDue"]!.GetValue<string>(),
                first["leadAgency"]!.GetValue<Guid>(), first["reviewOverdue"]!.GetValue<bool>(), first["overdueActions"]!.GetValue<int>(),
                first["area"]!.GetValue<string>()));
        Assert.Equal((false, 0), (list[1]!["reviewOverdue"]!.GetValue<bool>(), list[1]!["overdueActions"]!.GetValue<int>()));
        Assert.Null(list[4]!["risk"]);
        Assert.DoesNotContain("Lee ", list.ToJsonString());

        Assert.Equal([highSooner, medium, lowSoon, unassessed], Ids(await (await worker.GetCaseload(agency: agency, area: "north")).Json(HttpStatusCode.OK)));
        Assert.Equal([highLater], Ids(await (await worker.GetCaseload(agency: agency, area: "East")).Json(HttpStatusCode.OK)));
        var paged = await worker.GetCaseload(agency: agency, limit: 2, page: 2);
        Assert.Equal([medium, lowSoon], Ids(await paged.Json(HttpStatusCode.OK)));
        Assert.Equal(5, paged.TotalCount());
        // an agency given an action is among the cases' agencies, and its caseload has that case
        var housing = await fixture.Organisation(signedIsa: true);
        await worker.AgreeAction(medium, new { ownerOrganisationId = housing, description = "Visit", dueOn = Today.AddDays(3) });
        Assert.Equal([medium], Ids(await (await worker.GetCaseload(agency: housing)).Json(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task The_page_s_cases_are_audited_and_bad_filters_are_validation_problems()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var a = await (await worker.ReferCase(Referral("West"))).CreatedId();
        var b = await (await worker.ReferCase(Referral("West"))).CreatedId();

        var since = DateTimeOffset.UtcNow;
        var page = await (await worker.GetCaseload(agency: agency, limit: 1)).Json(HttpStatusCode.OK);
        var listed = Assert.Single(Ids(page));
        var entries = await fixture.AuditSince(since);
        var entry = Assert.Single(entries);
        Assert.Equal(("GET", "/api/cases", listed, 200), (entry.Method, entry.Route, entry.CaseId!.Value, entry.Status!.Value));
        Assert.Contains(listed, new[] { a, b });

        await (await worker.GetCaseload(area: "Middle")).ValidationProblem("area");
        await (await worker.GetCaseload(area: "7")).ValidationProblem("area");
        await (await worker.GetCaseload(agency: Guid.Empty, limit: 0)).ValidationProblem("agency", "limit");
        await (await worker.GetAsync("/api/cases?agency=someone")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_user_of_a_non_signatory_or_a_lapsed_signatory_is_refused_the_caseload_as_a_case_read_is_and_the_refusal_is_audited()
    {
        var owner = await fixture.Organisation(signedIsa: true);
        var caseId = await (await fixture.ClientFor(owner, CaseRoles.CaseWorker).ReferCase(Referral("South"))).CreatedId();
        foreach (var organisation in new[] { await fixture.Organisation(signedIsa: false), await fixture.LapsedSignatory() })
        {
            var outsider = fixture.ClientFor(organisation, CaseRoles.CaseWorker);
            var since = DateTimeOffset.UtcNow;
            var listRefusal = await (await outsider.GetCaseload()).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
            var readRefusal = await (await outsider.GetCase(caseId)).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
            Assert.Equal(readRefusal["detail"]!.GetValue<string>(), listRefusal["detail"]!.GetValue<string>());
            var entry = (await fixture.AuditSince(since)).First(e => e.Route == "/api/cases");
            Assert.Equal((organisation, 403, Audit.AccessOutcome.Refused, (Guid?)null), (entry.OrganisationId!.Value, entry.Status!.Value, entry.Outcome, entry.CaseId));
        }
        // roles of no case are refused before the ISA is asked about
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(owner, "governance-admin").GetCaseload()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetCaseload()).StatusCode);
    }

    [Fact]
    public async Task A_case_read_says_why_the_reader_may_see_it_their_organisation_s_signature_and_its_review_date()
    {
        var owner = await fixture.Organisation(signedIsa: true);
        var reviewOn = Today.AddMonths(7);
        var reader = await fixture.Organisation(signedIsa: true, reviewOn: reviewOn);
        var caseId = await (await fixture.ClientFor(owner, CaseRoles.CaseWorker).ReferCase(Referral("South"))).CreatedId();

        var view = await (await fixture.ClientFor(reader, CaseRoles.PanelChair).GetCase(caseId)).Json(HttpStatusCode.OK);

        var seenAs = view["seenAs"]!;
        Assert.Equal((reader, "Organisation " + reader.ToString("N")[..6], "2026-01-05", reviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (seenAs["organisationId"]!.GetValue<Guid>(), seenAs["organisationName"]!.GetValue<string>(), seenAs["signedOn"]!.GetValue<string>(),
                seenAs["reviewOn"]!.GetValue<string>()));
    }
}
