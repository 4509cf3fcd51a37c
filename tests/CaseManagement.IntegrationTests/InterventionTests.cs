using System.Globalization;
using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class InterventionTests(CaseManagementFixture fixture)
{
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Referred(Guid Agency, HttpClient Worker, HttpClient Chair, Guid Case, Guid Perpetrator, Guid Victim);

    private async Task<Referred> ReferredCase()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 7", area = "South",
            incidents = new[] { new { date = DaysAgo(60), place = "Precinct", description = "Intimidating residents" } },
            subjects = new[] { new { role = "Perpetrator", name = "Riley Respondent" }, new { role = "Victim", name = "Val Resident" } },
        })).CreatedId();
        var subjects = (await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK))["subjects"]!.AsArray();
        Guid Subject(string role) => subjects.Single(s => s!["role"]!.GetValue<string>() == role)!["subjectId"]!.GetValue<Guid>();
        return new Referred(agency, worker, fixture.ClientFor(agency, CaseRoles.PanelChair), caseId, Subject("Perpetrator"), Subject("Victim"));
    }

    private static object Intervention(string kind, Guid subjectId, int daysAgo, Guid? issuedBy = null, string? notes = null) =>
        new { kind, subjectId, issuedOn = DaysAgo(daysAgo), issuedBy, notes };

    [Fact]
    public async Task The_register_records_interventions_a_CPN_only_after_a_CPW_and_breaches_and_the_case_shows_them()
    {
        var c = await ReferredCase();
        var council = await fixture.Organisation(signedIsa: false); // an issuer need not be a signatory: it is only named
        var url = CaseManagementRoutes.Interventions(c.Case);

        // a CPN with no warning at all, and one for a subject whose CPW is not theirs, are refused
        await (await c.Worker.PostJson(url, Intervention("CommunityProtectionNotice", c.Perpetrator, 5))).Problem(HttpStatusCode.Conflict, "cpn-needs-prior-warning");

        var cpw = await c.Worker.PostJson(url, Intervention("CommunityProtectionWarning", c.Perpetrator, 20, notes: "Stop gathering at the precinct"), "\"1\"");
        var cpwId = await cpw.CreatedId();
        Assert.Equal(CaseManagementRoutes.Intervention(c.Case, cpwId), cpw.Headers.Location?.ToString());
        Assert.Equal("\"2\"", cpw.ETag());

        await (await c.Worker.PostJson(url, Intervention("CommunityProtectionNotice", c.Victim, 5))).Problem(HttpStatusCode.Conflict, "cpn-needs-prior-warning");
        await (await c.Worker.PostJson(url, Intervention("CommunityProtectionNotice", c.Perpetrator, 21))).Problem(HttpStatusCode.Conflict, "cpn-needs-prior-warning");

        var cpn = await c.Chair.PostJson(url, Intervention("CommunityProtectionNotice", c.Perpetrator, 10, issuedBy: council));
        var cpnId = await cpn.CreatedId();
        Assert.Equal("\"3\"", cpn.ETag());

        var breach = await c.Worker.PostJson($"{url}/{cpnId}/breaches", new { occurredOn = DaysAgo(3), description = "Gathered at the precinct again" }, "\"3\"");
        Assert.Equal(HttpStatusCode.NoContent, breach.StatusCode);
        Assert.Equal("\"4\"", breach.ETag());
        Assert.Equal(HttpStatusCode.NoContent,
            (await c.Chair.PostJson($"{url}/{cpnId}/breaches", new { occurredOn = DaysAgo(10), description = "Same day as the notice" })).StatusCode);

        var view = await (await c.Worker.GetCase(c.Case)).Json(HttpStatusCode.OK);
        var register = view["interventions"]!.AsArray();
        Assert.Equal([(cpwId, "CommunityProtectionWarning"), (cpnId, "CommunityProtectionNotice")],
            register.Select(i => (i!["id"]!.GetValue<Guid>(), i["kind"]!.GetValue<string>())));
        var warning = register[0]!;
        Assert.Equal((c.Perpetrator, DaysAgo(20), c.Agency, "Stop gathering at the precinct"),
            (warning["subjectId"]!.GetValue<Guid>(), warning["issuedOn"]!.GetValue<string>(), warning["issuedByOrganisation"]!.GetValue<Guid>(),
             warning["notes"]!.GetValue<string>()));
        Assert.Empty(warning["breaches"]!.AsArray());
        var notice = register[1]!;
        Assert.Equal(council, notice["issuedByOrganisation"]!.GetValue<Guid>());
        Assert.Equal([(DaysAgo(3), "Gathered at the precinct again"), (DaysAgo(10), "Same day as the notice")],
            notice["breaches"]!.AsArray().Select(b => (b!["occurredOn"]!.GetValue<string>(), b["description"]!.GetValue<string>())));
        Assert.Equal([c.Agency, council], view["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        Assert.Equal(5, view["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Recording_an_intervention_answers_bad_input_refusals_and_rules_with_problems()
    {
        var c = await ReferredCase();
        var url = CaseManagementRoutes.Interventions(c.Case);

        await (await c.Worker.PostRaw(url, "null")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await c.Worker.PostRaw(url, $"{{\"kind\": \"Telling-off\", \"subjectId\": \"{c.Perpetrator}\", \"issuedOn\": \"{DaysAgo(1)}\"}}"))
            .Problem(HttpStatusCode.BadRequest, "bad-request");
        var missing = await (await c.Worker.PostJson(url, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["issuedOn", "kind", "subjectId"], missing["errors"]!.AsObject().Select(e => e.Key).Order());
        var invalid = await (await c.Worker.PostJson(url, new
        {
            kind = "Warning", subjectId = Guid.Empty, issuedOn = DaysAgo(-2), issuedBy = Guid.Empty, notes = new string('n', 2001),
        })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["issuedBy", "issuedOn", "notes", "subjectId"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());

        await (await c.Worker.PostJson(url, Intervention("Warning", Guid.NewGuid(), 1))).Problem(HttpStatusCode.NotFound, "subject-not-found");
        await (await c.Worker.IssueIntervention(Guid.NewGuid(), Intervention("Warning", c.Perpetrator, 1)))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await c.Worker.IssueIntervention(Guid.Empty, Intervention("Warning", c.Perpetrator, 1)))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await c.Worker.PostJson(url, Intervention("Warning", c.Perpetrator, 1), "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker)
            .PostJson(url, Intervention("Warning", c.Perpetrator, 1))).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await fixture.ClientFor(c.Agency, CaseRoles.PartnershipAdmin).PostJson(url, Intervention("Warning", c.Perpetrator, 1))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await c.Chair.CloseCase(c.Case, new { outcome = "Improved", reason = "ABA kept" })).StatusCode);
        await (await c.Worker.PostJson(url, Intervention("AcceptableBehaviourAgreement", c.Perpetrator, 1))).Problem(HttpStatusCode.Conflict, "case-closed");

        // nothing refused was recorded
        var view = await (await c.Worker.GetCase(c.Case)).Json(HttpStatusCode.OK);
        Assert.Empty(view["interventions"]!.AsArray());
        Assert.Equal([c.Agency], view["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Recording_a_breach_answers_bad_input_refusals_and_rules_with_problems()
    {
        var c = await ReferredCase();
        var interventionId = await (await c.Worker.IssueIntervention(c.Case, Intervention("Injunction", c.Perpetrator, 10))).CreatedId();
        var url = CaseManagementRoutes.Breaches(c.Case, interventionId);
        object Breach(int daysAgo) => new { occurredOn = DaysAgo(daysAgo), description = "Entered the exclusion zone" };

        await (await c.Worker.PostRaw(url, "null")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await c.Worker.PostRaw(url, "{\"occurredOn\": \"last Tuesday\", \"description\": \"x\"}")).Problem(HttpStatusCode.BadRequest, "bad-request");
        var missing = await (await c.Worker.PostJson(url, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["description", "occurredOn"], missing["errors"]!.AsObject().Select(e => e.Key).Order());
        var invalid = await (await c.Worker.PostJson(url, new { occurredOn = DaysAgo(-2), description = new string('d', 2001) }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["description", "occurredOn"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());

        await (await c.Worker.PostJson(url, Breach(11))).Problem(HttpStatusCode.Conflict, "breach-before-intervention");
        await (await c.Worker.RecordBreach(c.Case, Guid.NewGuid(), Breach(1)))
            .Problem(HttpStatusCode.NotFound, "intervention-not-found");
        await (await c.Worker.RecordBreach(c.Case, Guid.Empty, Breach(1)))
            .Problem(HttpStatusCode.NotFound, "intervention-not-found");
        await (await c.Worker.RecordBreach(Guid.NewGuid(), interventionId, Breach(1)))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.PanelChair).PostJson(url, Breach(1)))
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(c.Agency, CaseRoles.PartnershipAdmin).PostJson(url, Breach(1))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await c.Chair.CloseCase(c.Case, new { outcome = "Resolved", reason = "Moved away" })).StatusCode);
        await (await c.Worker.PostJson(url, Breach(1))).Problem(HttpStatusCode.Conflict, "case-closed");

        var view = await (await c.Worker.GetCase(c.Case)).Json(HttpStatusCode.OK);
        Assert.Empty(Assert.Single(view["interventions"]!.AsArray())!["breaches"]!.AsArray());
    }
}
