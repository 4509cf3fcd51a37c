using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
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

        var first = await (await worker.PostJson("/api/cases", Referral($"Riley {unique}", "2001-02-03", $"{unique} Harbour Street, Ramsgate CT11 8AA")))
            .Json(HttpStatusCode.Created);
        var firstId = first["id"]!.GetValue<Guid>();
        Assert.Empty(Similar(first));

        var sameSubject = await (await worker.PostJson("/api/cases", Referral($"  RILEY   {unique.ToUpperInvariant()} ", "2001-02-03", null)))
            .Json(HttpStatusCode.Created);
        Assert.Equal([(firstId, "NameAndDateOfBirth")], Similar(sameSubject));

        var sameAddress = await (await worker.PostJson("/api/cases", Referral("Someone Else", null, $"{unique} harbour st., ramsgate, ct118aa")))
            .Json(HttpStatusCode.Created);
        Assert.Equal([(firstId, "Address")], Similar(sameAddress));

        var otherBirthday = await (await worker.PostJson("/api/cases", Referral($"Riley {unique}", "2001-02-04", null))).Json(HttpStatusCode.Created);
        Assert.DoesNotContain(Similar(otherBirthday), s => s.Case == firstId);

        // once the first case's subject is erased, nothing derived from their data is left to match on
        var subjectId = first["subjects"]![0]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .PostJson($"/api/cases/{firstId}/subjects/{subjectId}/erase", new { reason = "Request" })).StatusCode);
        var afterErasure = await (await worker.PostJson("/api/cases", Referral($"Riley {unique}", "2001-02-03", $"{unique} Harbour Street, Ramsgate CT11 8AA")))
            .Json(HttpStatusCode.Created);
        Assert.DoesNotContain(Similar(afterErasure), s => s.Case == firstId);
        Assert.Contains(Similar(afterErasure), s => s.Case == sameSubject["id"]!.GetValue<Guid>());
    }
}
