using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// Case data is shared only between ISA signatories, through the gateway and over the broker: Governance records who
/// signed, CaseManagement learns it from Governance's events, and a subject's erasure leaves no readable trace.
/// </summary>
public sealed class InformationSharingScenarioTests(PlatformFixture platform)
{
    private const string SubjectName = "Morgan Erasmus-Testcase";

    [Fact]
    public async Task Only_signatories_read_case_details_refusals_are_audited_and_erasure_leaves_no_trace()
    {
        using var officer = platform.Client().WithTokenFor(null, "governance-admin");
        var agencyA = await (await officer.PostJson("/api/governance/organisations", new { name = "Kent Police", kind = "ResponsibleAuthority" })).CreatedId();
        var agencyB = await (await officer.PostJson("/api/governance/organisations", new { name = "Kent Fire and Rescue", kind = "ResponsibleAuthority" })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{agencyA}/isa",
            new { signedOn = "2026-04-01", signedBy = "Chief Constable" })).StatusCode);

        using var a = platform.Client().WithTokenFor(agencyA, "case-worker");
        using var b = platform.Client().WithTokenFor(agencyB, "case-worker");
        using var admin = platform.Client().WithTokenFor(agencyA, "partnership-admin");

        // CaseManagement learns that A signed over RabbitMQ; until then A may not refer.
        var referral = new
        {
            referringOfficer = "PC 4711 Jones",
            area = "South",
            incidents = new[] { new { date = "2026-11-10", place = "Station Road underpass", description = "Graffiti and threats to commuters" } },
            subjects = new[] { new { role = "Perpetrator", name = SubjectName, dateOfBirth = "2003-03-03", address = "7 Quiet Lane, Ashford", contact = "07700 900456" } },
            locations = new[] { "Station Road, Ashford" },
        };
        HttpResponseMessage referred = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (referred = await a.PostJson("/api/cases", referral)).StatusCode == HttpStatusCode.Created);
        var caseId = await referred.CreatedId();

        var full = await (await a.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.Equal(SubjectName, full["subjects"]![0]!["name"]!.GetValue<string>());

        await (await b.GetAsync($"/api/cases/{caseId}")).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        var signpost = await (await b.GetAsync($"/api/cases/{caseId}/signpost")).Json(HttpStatusCode.OK);
        Assert.Equal(agencyA, signpost["agencies"]![0]!.GetValue<Guid>());
        Assert.DoesNotContain(SubjectName, signpost.ToJsonString());
        // B may search for the person and learns only that A holds a case
        var found = await (await b.PostJson("/api/cases/search", new { name = SubjectName.ToUpperInvariant(), dateOfBirth = "2003-03-03" })).Json(HttpStatusCode.OK);
        Assert.Contains(found.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == caseId && h["case"]!["agencies"]![0]!.GetValue<Guid>() == agencyA);
        Assert.DoesNotContain(SubjectName, found.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var audit = await (await admin.GetAsync($"/api/cases/audit?caseId={caseId}")).Json(HttpStatusCode.OK);
        Assert.Contains(audit.AsArray(), e => e!["organisationId"]!.GetValue<Guid>() == agencyB && e["outcome"]!.GetValue<string>() == "Refused");
        Assert.Contains(audit.AsArray(), e => e!["organisationId"]!.GetValue<Guid>() == agencyA && e["outcome"]!.GetValue<string>() == "Granted");

        // A withdraws from the ISA: A loses access as soon as CaseManagement hears of it.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{agencyA}/isa/withdraw",
            new { reason = "Agreement under review" })).StatusCode);
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await a.GetAsync($"/api/cases/{caseId}")).StatusCode == HttpStatusCode.Forbidden);

        // Erasure is accountable: an admin of an organisation that is not (any more) a signatory may not erase, and the refusal is audited.
        var subjectId = full["subjects"]![0]!["subjectId"]!.GetValue<Guid>();
        await (await admin.PostJson($"/api/cases/{caseId}/subjects/{subjectId}/erase", new { reason = "Right to erasure" }))
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{agencyA}/isa",
            new { signedOn = "2026-11-20", signedBy = "Chief Constable" })).StatusCode);
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await a.GetAsync($"/api/cases/{caseId}")).StatusCode == HttpStatusCode.OK);

        // The subject is erased by A's admin once A signed again: no endpoint and no row of the service's database shows them any more.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJson($"/api/cases/{caseId}/subjects/{subjectId}/erase",
            new { reason = $"Right to erasure request of {SubjectName}" })).StatusCode);
        var afterErasure = await (await a.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.True(afterErasure["subjects"]![0]!["erased"]!.GetValue<bool>());
        Assert.DoesNotContain(SubjectName, afterErasure.ToJsonString());
        Assert.Equal("Right to erasure request of [erased]", afterErasure["erasures"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(agencyA, afterErasure["erasures"]![0]!["erasedByOrganisation"]!.GetValue<Guid>());
        var auditText = await (await admin.GetAsync($"/api/cases/audit?caseId={caseId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(SubjectName, auditText);
        var trail = JsonNode.Parse(auditText)!.AsArray();
        Assert.Contains(trail, e => e!["route"]!.GetValue<string>() == "/api/cases/{caseId}/subjects/{subjectId}/erase" && e["status"]!.GetValue<int>() == 403);
        Assert.Contains(trail, e => e!["route"]!.GetValue<string>() == "/api/cases/{caseId}/subjects/{subjectId}/erase" && e["status"]!.GetValue<int>() == 204
                                    && e["subjectId"]!.GetValue<Guid>() == subjectId && e["organisationId"]!.GetValue<Guid>() == agencyA);

        // every table of CaseManagement's database (events, snapshots, documents, Wolverine's inbox, outbox and dead letters), in clear,
        // as hex and as base64: none of their name, address or contact, nor the case's free text; the scan does find what is in clear
        var database = platform.CaseManagementDatabase.ConnectionString;
        Assert.NotEmpty(await Probes.RowsRevealing(database, full["reference"]!.GetValue<string>()));
        foreach (var secret in new[] { SubjectName, "7 Quiet Lane", "07700 900456", "Graffiti and threats to commuters", "Station Road underpass",
                     "Station Road, Ashford", "PC 4711 Jones", "Right to erasure" })
            Assert.Empty(await Probes.RowsRevealing(database, secret));
    }
}
