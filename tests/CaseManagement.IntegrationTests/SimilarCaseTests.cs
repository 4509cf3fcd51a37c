using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class SimilarCaseTests(CaseManagementFixture fixture)
{
    private static object Referral(string name, string? dateOfBirth, string? address) => new
    {
        referringOfficer = "PC 2", area = "North",
        incidents = new[] { new { date = "2026-11-02", place = "Green", description = "Youths gathering" } },
        subjects = new[] { new { role = "Perpetrator", name, dateOfBirth, address } },
    };

    private static IEnumerable<(Guid Case, string MatchedOn)> Similar(JsonNode created) =>
        created["similarCases"]!.AsArray().Select(s => (s!["caseId"]!.GetValue<Guid>(), s["matchedOn"]!.GetValue<string>()));

    [Fact]
    public async Task A_referral_reports_open_cases_sharing_a_subject_or_an_address_and_erasure_removes_the_match()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var unique = Guid.NewGuid().ToString("N")[..8];

        var first = await (await worker.ReferCase(Referral($"Riley {unique}", "2001-02-03", $"{unique} Harbour Street, Ramsgate CT11 8AA")))
            .Json(HttpStatusCode.Created);
        var firstId = first["id"]!.GetValue<Guid>();
        Assert.Empty(Similar(first));

        var sameSubject = await (await worker.ReferCase(Referral($"  RILEY   {unique.ToUpperInvariant()} ", "2001-02-03", null)))
            .Json(HttpStatusCode.Created);
        Assert.Equal([(firstId, "NameAndDateOfBirth")], Similar(sameSubject));

        var sameAddress = await (await worker.ReferCase(Referral("Someone Else", null, $"{unique} harbour st., ramsgate, ct118aa")))
            .Json(HttpStatusCode.Created);
        Assert.Equal([(firstId, "Address")], Similar(sameAddress));

        var otherBirthday = await (await worker.ReferCase(Referral($"Riley {unique}", "2001-02-04", null))).Json(HttpStatusCode.Created);
        Assert.DoesNotContain(Similar(otherBirthday), s => s.Case == firstId);

        // once the first case's subject is erased, nothing derived from their data is left to match on
        var subjectId = first["subjects"]![0]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .EraseSubject(firstId, subjectId, new { reason = "Request" })).StatusCode);
        var afterErasure = await (await worker.ReferCase(Referral($"Riley {unique}", "2001-02-03", $"{unique} Harbour Street, Ramsgate CT11 8AA")))
            .Json(HttpStatusCode.Created);
        Assert.DoesNotContain(Similar(afterErasure), s => s.Case == firstId);
        Assert.Contains(Similar(afterErasure), s => s.Case == sameSubject["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Any_agency_may_search_for_a_person_or_an_address_and_sees_only_the_signpost_and_the_search_is_audited()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Quinn {unique}";
        var referred = await (await fixture.ClientFor(agencyA, CaseRoles.CaseWorker).ReferCase(
            Referral(name, "1985-07-08", $"{unique} Mill Lane, Deal CT14 6AA"))).Json(HttpStatusCode.Created);
        var caseId = referred["id"]!.GetValue<Guid>();

        var agencyB = await fixture.Organisation(signedIsa: false);
        var b = fixture.ClientFor(agencyB, CaseRoles.CaseWorker);
        var byName = await (await b.SearchSimilarCases(new { name = $" QUINN  {unique.ToUpperInvariant()}", dateOfBirth = "1985-07-08" })).Json(HttpStatusCode.OK);
        var hit = Assert.Single(byName.AsArray())!;
        Assert.Equal((caseId, "Open", agencyA), (hit["case"]!["id"]!.GetValue<Guid>(), hit["case"]!["status"]!.GetValue<string>(),
            hit["case"]!["agencies"]![0]!.GetValue<Guid>()));
        Assert.Equal(["NameAndDateOfBirth"], hit["matchedOn"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.DoesNotContain(unique, byName.ToJsonString().Replace(caseId.ToString(), ""), StringComparison.OrdinalIgnoreCase);

        var byAddress = await (await b.SearchSimilarCases(new { address = $"{unique} mill ln, deal, ct146aa" })).Json(HttpStatusCode.OK);
        Assert.Equal(caseId, Assert.Single(byAddress.AsArray())!["case"]!["id"]!.GetValue<Guid>());
        var beforeEmpty = DateTimeOffset.UtcNow;
        Assert.Empty((await (await b.SearchSimilarCases(new { name, dateOfBirth = "1985-07-09" })).Json(HttpStatusCode.OK)).AsArray());
        // a search that found nothing is audited too, with what it looked for as a keyed hash
        var empty = Assert.Single(await fixture.AuditSince(beforeEmpty));
        Assert.Equal(("POST", "/api/cases/search", (Guid?)null, 200, agencyB), (empty.Method, empty.Route, empty.CaseId, empty.Status, empty.OrganisationId!.Value));
        Assert.Matches("^dev:[0-9A-F]{64}$", empty.SearchHash);

        // closed cases are found too, with their status
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ClientFor(agencyA, CaseRoles.PanelChair)
            .CloseCase(caseId, new { outcome = "Improved", reason = "Calmer" })).StatusCode);
        var closed = await (await b.SearchSimilarCases(new { name, dateOfBirth = "1985-07-08", address = $"{unique} Mill Lane, Deal CT14 6AA" }))
            .Json(HttpStatusCode.OK);
        var closedHit = Assert.Single(closed.AsArray())!;
        Assert.Equal("Closed", closedHit["case"]!["status"]!.GetValue<string>());
        Assert.Equal(["NameAndDateOfBirth", "Address"], closedHit["matchedOn"]!.AsArray().Select(m => m!.GetValue<string>()));

        var audit = await (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin).GetAudit(caseId: caseId, organisationId: agencyB))
            .Json(HttpStatusCode.OK);
        var searches = audit.AsArray().Where(e => e!["route"]!.GetValue<string>() == "/api/cases/search").Select(e => e!).ToList();
        Assert.Equal(3, searches.Count); // one per search that found it
        Assert.All(searches, e => Assert.Equal(("POST", 200, "Granted"),
            (e["method"]!.GetValue<string>(), e["status"]!.GetValue<int>(), e["outcome"]!.GetValue<string>())));
        // the criteria only as keyed hashes: three different searches, three hashes, and nothing of the name or address
        Assert.Equal(3, searches.Select(e => e["searchHash"]!.GetValue<string>()).Distinct().Count());
        Assert.DoesNotContain(unique, audit.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // bad input and wrong callers
        var invalid = await (await b.SearchSimilarCases(new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["name"], invalid["errors"]!.AsObject().Select(e => e.Key));
        var nameOnly = await (await b.SearchSimilarCases(new { name })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["dateOfBirth"], nameOnly["errors"]!.AsObject().Select(e => e.Key));
        await (await b.PostRaw("/api/cases/search", "null")).Problem(HttpStatusCode.BadRequest);
        await (await b.SearchSimilarCases(new { name, dateOfBirth = "08/07/1985" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agencyB, "governance-admin").SearchSimilarCases(new { name, dateOfBirth = "1985-07-08" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().SearchSimilarCases(new { name, dateOfBirth = "1985-07-08" })).StatusCode);
    }
}
