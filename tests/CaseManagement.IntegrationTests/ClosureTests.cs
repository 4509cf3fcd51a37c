using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class ClosureTests(CaseManagementFixture fixture)
{
    [Fact]
    public async Task A_case_is_closed_with_an_outcome_reopened_with_history_and_a_closed_case_is_not_similar()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var chair = fixture.ClientFor(agency, CaseRoles.PanelChair);
        var name = "Casey " + Guid.NewGuid().ToString("N")[..8];
        object Referral() => new
        {
            referringOfficer = "PC 3", area = "East",
            incidents = new[] { new { date = "2026-11-03", place = "Estate", description = "Noise nuisance" } },
            subjects = new[] { new { role = "Perpetrator", name, dateOfBirth = "1999-09-09" } },
        };
        var caseId = await (await worker.ReferCase(Referral())).CreatedId();

        await (await chair.ReopenCase(caseId, new { reason = "x" })).Problem(HttpStatusCode.Conflict, "case-open");
        await (await chair.CloseCase(caseId, new { outcome = "Solved?", reason = "x" })).Problem(HttpStatusCode.BadRequest);
        await (await chair.CloseCase(caseId, new { outcome = "MergedIntoAnotherCase", reason = "x" })).Problem(HttpStatusCode.BadRequest, "validation");
        var invalid = await (await chair.CloseCase(caseId, new { reason = "" })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["outcome", "reason"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());

        var closed = await chair.CloseCase(caseId, new { outcome = "Resolved", reason = "Behaviour stopped after an ABA" }, "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal("\"2\"", closed.ETag());
        await (await chair.CloseCase(caseId, new { outcome = "Resolved", reason = "again" })).Problem(HttpStatusCode.Conflict, "case-closed");
        Assert.Equal("Closed", (await (await worker.GetSignpost(caseId)).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());

        // a closed case is not reported as similar
        var later = await (await worker.ReferCase(Referral())).Json(HttpStatusCode.Created);
        Assert.DoesNotContain(later["similarCases"]!.AsArray(), s => s!["caseId"]!.GetValue<Guid>() == caseId);

        Assert.Equal(HttpStatusCode.NoContent, (await worker.ReopenCase(caseId, new { reason = "New incidents reported" })).StatusCode);
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal("Open", view["status"]!.GetValue<string>());
        Assert.Equal(["Closed", "Open"], view["statusHistory"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal("Resolved", view["statusHistory"]![0]!["outcome"]!.GetValue<string>());

        var outsider = await fixture.Organisation(signedIsa: false);
        await (await fixture.ClientFor(outsider, CaseRoles.PanelChair)
            .CloseCase(caseId, new { outcome = "Resolved", reason = "x" })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        // the refused attempt is in the audit, though the request's own writes were not made
        var audit = await (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin).GetAudit(organisationId: outsider))
            .Json(HttpStatusCode.OK);
        var refused = Assert.Single(audit.AsArray())!;
        Assert.Equal((caseId, "Refused", 403, "POST", "/api/cases/{caseId}/close"),
            (refused["caseId"]!.GetValue<Guid>(), refused["outcome"]!.GetValue<string>(), refused["status"]!.GetValue<int>(),
             refused["method"]!.GetValue<string>(), refused["route"]!.GetValue<string>()));
        Assert.Equal("Open", (await (await worker.GetSignpost(caseId)).Json(HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .CloseCase(caseId, new { outcome = "Resolved", reason = "x" })).StatusCode);
        await (await chair.CloseCase(Guid.NewGuid(), new { outcome = "Resolved", reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
