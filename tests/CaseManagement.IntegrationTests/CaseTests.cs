using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class CaseTests(CaseManagementFixture fixture)
{
    private static object Referral(string name = "Jordan Example", string address = "12 High Street, Margate CT9 1AA") => new
    {
        referringOfficer = "PC 1234 Smith",
        area = "East",
        incidents = new[] { new { date = "2026-11-01", place = "High Street car park", description = "Repeated intimidation of shop staff" } },
        subjects = new object[]
        {
            new { role = "Perpetrator", name, dateOfBirth = "2004-05-06", address, contact = "07700 900123" },
            new { role = "Victim", name = "Sam Shopkeeper", dateOfBirth = (string?)null, address = (string?)null, contact = (string?)null },
        },
        locations = new[] { "High Street, Margate" },
    };

    private async Task<(Guid Case, JsonNode View)> Refer(Guid organisation, object? referral = null)
    {
        var worker = fixture.ClientFor(organisation, CaseRoles.CaseWorker);
        var caseId = await (await worker.ReferCase(referral ?? Referral())).CreatedId();
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        return (caseId, view);
    }

    [Fact]
    public async Task A_signatory_refers_a_case_and_reads_it_in_full_and_the_read_is_audited()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var (caseId, view) = await Refer(agencyA);

        Assert.StartsWith("ASB-2026-", view["reference"]!.GetValue<string>());
        Assert.Equal(agencyA, view["referringOrganisationId"]!.GetValue<Guid>());
        Assert.Equal("East", view["area"]!.GetValue<string>());
        var perpetrator = view["subjects"]!.AsArray().Single(s => s!["role"]!.GetValue<string>() == "Perpetrator")!;
        Assert.Equal("Jordan Example", perpetrator["name"]!.GetValue<string>());
        Assert.Equal("2004-05-06", perpetrator["dateOfBirth"]!.GetValue<string>());
        Assert.False(perpetrator["erased"]!.GetValue<bool>());
        Assert.Equal("Repeated intimidation of shop staff", view["incidents"]![0]!["description"]!.GetValue<string>());

        Assert.Equal("PC 1234 Smith", view["referringOfficer"]!.GetValue<string>());
        Assert.Equal(["High Street, Margate"], view["locations"]!.AsArray().Select(l => l!.GetValue<string>()));

        // neither personal data nor any free text of the case is stored readable (the scan finds what is in clear: the reference)
        Assert.NotEmpty(await fixture.RowsRevealing(view["reference"]!.GetValue<string>()));
        foreach (var sealedText in new[] { "Jordan Example", "Repeated intimidation of shop staff", "High Street car park", "PC 1234 Smith", "07700 900123" })
            Assert.Empty(await fixture.RowsRevealing(sealedText));

        var audit = await (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin).GetAudit(caseId: caseId))
            .Json(HttpStatusCode.OK);
        // newest first: the read, then the referral (the referral's entry was committed with the case's first event)
        Assert.Equal([("GET", "/api/cases/{caseId}", 200), ("POST", "/api/cases", 201)],
            audit.AsArray().Select(e => (e!["method"]!.GetValue<string>(), e["route"]!.GetValue<string>(), e["status"]!.GetValue<int>())));
        var entry = audit[0]!;
        Assert.Equal(("Granted", agencyA, "user-of-" + agencyA, caseId),
            (entry["outcome"]!.GetValue<string>(), entry["organisationId"]!.GetValue<Guid>(), entry["userSubject"]!.GetValue<string>(), entry["caseId"]!.GetValue<Guid>()));
        Assert.Equal(["case-worker"], entry["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_non_signatory_sees_only_the_signpost_and_its_attempt_is_audited()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var agencyB = await fixture.Organisation(signedIsa: false);
        var (caseId, _) = await Refer(agencyA);

        var b = fixture.ClientFor(agencyB, CaseRoles.CaseWorker);
        var refused = await (await b.GetCase(caseId)).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(CaseManagementRoutes.Signpost(caseId), refused["signpost"]!.GetValue<string>());
        Assert.DoesNotContain("Jordan", refused.ToJsonString());

        var signpost = await (await b.GetSignpost(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(agencyA, Assert.Single(signpost["agencies"]!.AsArray())!.GetValue<Guid>());
        Assert.Null(signpost["subjects"]);

        var audit = await (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin).GetAudit(organisationId: agencyB))
            .Json(HttpStatusCode.OK);
        // newest first: the signpost read (granted: anyone may see it), the refused read of the details
        Assert.Equal([("/api/cases/{caseId}/signpost", 200, "Granted"), ("/api/cases/{caseId}", 403, "Refused")],
            audit.AsArray().Select(e => (e!["route"]!.GetValue<string>(), e["status"]!.GetValue<int>(), e["outcome"]!.GetValue<string>())));
        Assert.All(audit.AsArray(), e => Assert.Equal(caseId, e!["caseId"]!.GetValue<Guid>()));

        // a token without an organisation is refused too
        await (await fixture.Client(CaseRoles.CaseWorker).GetCase(caseId)).Problem(HttpStatusCode.Forbidden, "no-organisation");
    }

    [Fact]
    public async Task Withdrawing_from_the_ISA_ends_access_and_signing_again_restores_it()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var (caseId, _) = await Refer(agencyA);
        var a = fixture.ClientFor(agencyA, CaseRoles.CaseWorker);

        await fixture.Receive(new IsaWithdrawn(agencyA, "Left the partnership", DateTimeOffset.UtcNow));
        await (await a.GetCase(caseId)).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await a.ReferCase(Referral())).Problem(HttpStatusCode.Forbidden, "isa-not-signed");

        await fixture.Receive(new IsaSigned(agencyA, new DateOnly(2026, 11, 20), "New Chief Executive", DateTimeOffset.UtcNow));
        await (await a.GetCase(caseId)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Erasing_a_subject_is_for_an_admin_of_a_signatory_records_who_and_why_and_leaves_no_trace_of_them()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var (caseId, view) = await Refer(agencyA, Referral("Alexis Erasable", "99 Forget Me Road"));
        var subjectId = view["subjects"]!.AsArray().Single(s => s!["role"]!.GetValue<string>() == "Perpetrator")!["subjectId"]!.GetValue<Guid>();
        var admin = fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin);
        var url = CaseManagementRoutes.EraseSubject(caseId, subjectId);

        await (await fixture.ClientFor(agencyA, CaseRoles.CaseWorker).PostJson(url, new { reason = "x" })).Problem(HttpStatusCode.Forbidden);
        // an admin of an organisation that has not signed the ISA, or whose signature is past review, may not erase: refused and audited
        var outsider = await fixture.Organisation(signedIsa: false);
        var since = DateTimeOffset.UtcNow;
        await (await fixture.ClientFor(outsider, CaseRoles.PartnershipAdmin).PostJson(url, new { reason = "Tidying up" }))
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        var refusal = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal((caseId, subjectId, outsider, 403, Audit.AccessOutcome.Refused, "/api/cases/{caseId}/subjects/{subjectId}/erase"),
            (refusal.CaseId!.Value, refusal.SubjectId!.Value, refusal.OrganisationId!.Value, refusal.Status!.Value, refusal.Outcome, refusal.Route));
        await (await fixture.ClientFor(await fixture.LapsedSignatory(), CaseRoles.PartnershipAdmin).PostJson(url, new { reason = "x" }))
            .Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await fixture.Client(CaseRoles.PartnershipAdmin).PostJson(url, new { reason = "x" })).Problem(HttpStatusCode.Forbidden, "no-organisation");
        await (await admin.PostJson(url, new { reason = "" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await admin.EraseSubject(caseId, Guid.NewGuid(), new { reason = "Subject request" }))
            .Problem(HttpStatusCode.NotFound, "subject-not-found");
        await (await admin.EraseSubject(Guid.NewGuid(), subjectId, new { reason = "Subject request" }))
            .Problem(HttpStatusCode.NotFound, "not-found");

        since = DateTimeOffset.UtcNow;
        var erased = await admin.PostJson(url, new { reason = "Right to erasure request from Alexis Erasable" });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal("\"2\"", erased.ETag());
        // the erasure is in the access audit: who, organisation, which case and subject, answered 204
        var audited = Assert.Single(await fixture.AuditSince(since));
        Assert.Equal(("user-of-" + agencyA, agencyA, caseId, subjectId, 204, Audit.AccessOutcome.Granted),
            (audited.UserSubject, audited.OrganisationId!.Value, audited.CaseId!.Value, audited.SubjectId!.Value, audited.Status!.Value, audited.Outcome));
        await (await admin.PostJson(url, new { reason = "again" })).Problem(HttpStatusCode.Conflict, "subject-already-erased");

        var after = await (await fixture.ClientFor(agencyA, CaseRoles.CaseWorker).GetCase(caseId)).Json(HttpStatusCode.OK);
        var subject = after["subjects"]!.AsArray().Single(s => s!["subjectId"]!.GetValue<Guid>() == subjectId)!;
        Assert.True(subject["erased"]!.GetValue<bool>());
        Assert.Null(subject["name"]);
        Assert.Null(subject["address"]);
        var victim = after["subjects"]!.AsArray().Single(s => s!["subjectId"]!.GetValue<Guid>() != subjectId)!;
        Assert.Equal("Sam Shopkeeper", victim["name"]!.GetValue<string>()); // the others are untouched
        Assert.Equal("Repeated intimidation of shop staff", after["incidents"]![0]!["description"]!.GetValue<string>());
        // the erasure records who and why (the reason redacted of the subject too)
        var erasure = Assert.Single(after["erasures"]!.AsArray())!;
        Assert.Equal((subjectId, "Right to erasure request from [erased]", "Test User", "user-of-" + agencyA, agencyA),
            (erasure["subjectId"]!.GetValue<Guid>(), erasure["reason"]!.GetValue<string>(), erasure["erasedBy"]!.GetValue<string>(),
             erasure["erasedByUser"]!.GetValue<string>(), erasure["erasedByOrganisation"]!.GetValue<Guid>()));

        Assert.NotEmpty(await fixture.RowsRevealing(after["reference"]!.GetValue<string>())); // the scan finds what is in clear
        foreach (var secret in new[] { "Alexis Erasable", "99 Forget Me Road", "07700 900123", "Alexis", "Erasable" })
            Assert.Empty(await fixture.RowsRevealing(secret));
    }

    [Fact]
    public async Task Referral_answers_bad_input_with_problems()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agencyA, CaseRoles.CaseWorker);

        var invalid = await (await worker.ReferCase(new
        {
            area = "Central",
        })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(400, invalid["status"]!.GetValue<int>());

        var fields = await (await worker.ReferCase(new
        {
            referringOfficer = "",
            area = "North",
            incidents = new[] { new { date = "2099-01-01", place = "", description = new string('x', 4001) } },
            subjects = new[] { new { role = "Perpetrator", name = "", dateOfBirth = "2099-01-01" } },
            locations = new[] { new string('y', 301) },
        })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            ["incidents[0].date", "incidents[0].description", "incidents[0].place", "locations[0]", "referringOfficer", "subjects[0].dateOfBirth", "subjects[0].name"],
            fields["errors"]!.AsObject().Select(e => e.Key).Order());

        var empty = await (await worker.ReferCase(new { referringOfficer = "PC", area = "West", incidents = Array.Empty<object>(), subjects = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["incidents", "subjects"], empty["errors"]!.AsObject().Select(e => e.Key).Order());

        await (await worker.PostRaw("/api/cases", "{\"subjects\": [")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await worker.PostRaw("/api/cases", "null")).Problem(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Endpoints_need_the_right_role_and_unknown_cases_are_404()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().ReferCase(Referral())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agencyA, CaseRoles.PanelChair).ReferCase(Referral())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agencyA, "meetings-secretary").GetCase(Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agencyA, CaseRoles.CaseWorker).GetAudit()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetSignpost(Guid.NewGuid())).StatusCode);

        var worker = fixture.ClientFor(agencyA, CaseRoles.CaseWorker);
        await (await worker.GetCase(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.GetCase(Guid.Empty)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.GetSignpost(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin).GetAudit(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
    }
}
