using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class LinkingTests(CaseManagementFixture fixture)
{
    private static object Referral(string name, string dateOfBirth, string incident, string location) => new
    {
        referringOfficer = "PC 4", area = "South",
        incidents = new[] { new { date = "2026-11-04", place = location, description = incident } },
        subjects = new[] { new { role = "Perpetrator", name, dateOfBirth } },
        locations = new[] { location },
    };

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    private static IEnumerable<Guid> Similar(JsonNode created) => created["similarCases"]!.AsArray().Select(s => s!["caseId"]!.GetValue<Guid>());

    private static async Task<Guid> Refer(HttpClient worker, string? name = null) =>
        await (await worker.ReferCase(Referral(name ?? Unique("Alex"), "1990-01-01", "Shouting", "Market Square"))).CreatedId();

    private static async Task BadInput(HttpClient client, string url, string idField)
    {
        await (await client.PostRaw(url, "null")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await client.PostRaw(url, "")).Problem(HttpStatusCode.BadRequest, "bad-request");
        var missing = await (await client.PostJson(url, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal([idField, "reason"], missing["errors"]!.AsObject().Select(e => e.Key).Order());
        var empty = await (await client.PostJson(url, new Dictionary<string, object> { [idField] = Guid.Empty, ["reason"] = "  " }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal([idField, "reason"], empty["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Two_open_cases_are_linked_on_both_sides_once_and_every_refusal_is_answered()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var chair = fixture.ClientFor(agency, CaseRoles.PanelChair);
        var a = await Refer(worker);
        var b = await Refer(worker);
        var url = CaseManagementRoutes.Links(a);

        await BadInput(worker, url, "linkedCaseId");
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker)
            .PostJson(url, new { linkedCaseId = b, reason = "x" })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .PostJson(url, new { linkedCaseId = b, reason = "x" })).StatusCode);
        await (await worker.LinkCase(Guid.NewGuid(), new { linkedCaseId = b, reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.PostJson(url, new { linkedCaseId = Guid.NewGuid(), reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.PostJson(url, new { linkedCaseId = a, reason = "x" })).Problem(HttpStatusCode.Conflict, "link-to-self");
        await (await worker.PostJson(url, new { linkedCaseId = b, reason = "x" }, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        var linked = await chair.PostJson(url, new { linkedCaseId = b, reason = "  Same stairwell, different families  " }, "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        Assert.Equal("\"2\"", linked.ETag());

        var viewA = await (await worker.GetCase(a)).Json(HttpStatusCode.OK);
        var viewB = await (await worker.GetCase(b)).Json(HttpStatusCode.OK);
        var linkOfA = Assert.Single(viewA["links"]!.AsArray())!;
        var linkOfB = Assert.Single(viewB["links"]!.AsArray())!;
        Assert.Equal((b, viewB["reference"]!.GetValue<string>(), "Same stairwell, different families"),
            (linkOfA["caseId"]!.GetValue<Guid>(), linkOfA["reference"]!.GetValue<string>(), linkOfA["reason"]!.GetValue<string>()));
        Assert.Equal((a, viewA["reference"]!.GetValue<string>()), (linkOfB["caseId"]!.GetValue<Guid>(), linkOfB["reference"]!.GetValue<string>()));
        Assert.Equal(linkOfA["at"]!.GetValue<DateTimeOffset>(), linkOfB["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("Open", "Open"), (viewA["status"]!.GetValue<string>(), viewB["status"]!.GetValue<string>()));
        Assert.Equal(2, viewB["version"]!.GetValue<long>()); // recorded on the other case's stream too

        await (await worker.PostJson(url, new { linkedCaseId = b, reason = "again" })).Problem(HttpStatusCode.Conflict, "already-linked");
        await (await worker.LinkCase(b, new { linkedCaseId = a, reason = "the other way" }))
            .Problem(HttpStatusCode.Conflict, "already-linked");

        // a closed case, on either side, is not linked
        var closed = await Refer(worker);
        Assert.Equal(HttpStatusCode.NoContent, (await chair.CloseCase(closed, new { outcome = "Resolved", reason = "x" })).StatusCode);
        await (await worker.PostJson(url, new { linkedCaseId = closed, reason = "x" })).Problem(HttpStatusCode.Conflict, "case-closed");
        await (await worker.LinkCase(closed, new { linkedCaseId = a, reason = "x" })).Problem(HttpStatusCode.Conflict, "case-closed");
        Assert.Empty((await (await worker.GetCase(closed)).Json(HttpStatusCode.OK))["links"]!.AsArray());
    }

    [Fact]
    public async Task A_duplicate_merges_into_the_survivor_with_its_subjects_readable_and_closes_as_merged()
    {
        var agencyA = await fixture.Organisation(signedIsa: true);
        var agencyB = await fixture.Organisation(signedIsa: true);
        var workerA = fixture.ClientFor(agencyA, CaseRoles.CaseWorker);
        var workerB = fixture.ClientFor(agencyB, CaseRoles.CaseWorker);
        var chair = fixture.ClientFor(agencyA, CaseRoles.PanelChair);
        var survivorName = Unique("Robin");
        var duplicateName = Unique("Morgan");
        var survivor = await (await workerA.ReferCase(Referral(survivorName, "1995-03-03", "Graffiti", "Bus Station"))).CreatedId();
        var duplicate = await (await workerB.ReferCase(Referral(duplicateName, "1996-04-04", "Fireworks at windows", "Tower Block")))
            .Json(HttpStatusCode.Created);
        var duplicateId = duplicate["id"]!.GetValue<Guid>();
        var duplicateSubject = duplicate["subjects"]![0]!.GetValue<Guid>();
        var url = CaseManagementRoutes.Merge(survivor);

        await BadInput(chair, url, "duplicateCaseId");
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.PanelChair)
            .PostJson(url, new { duplicateCaseId = duplicateId, reason = "x" })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin)
            .PostJson(url, new { duplicateCaseId = duplicateId, reason = "x" })).StatusCode);
        await (await chair.MergeCase(Guid.NewGuid(), new { duplicateCaseId = duplicateId, reason = "x" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await chair.PostJson(url, new { duplicateCaseId = Guid.NewGuid(), reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await chair.PostJson(url, new { duplicateCaseId = survivor, reason = "x" })).Problem(HttpStatusCode.Conflict, "merge-into-self");
        var closed = await Refer(workerA);
        Assert.Equal(HttpStatusCode.NoContent, (await chair.CloseCase(closed, new { outcome = "Resolved", reason = "x" })).StatusCode);
        await (await chair.PostJson(url, new { duplicateCaseId = closed, reason = "x" })).Problem(HttpStatusCode.Conflict, "case-closed");
        await (await chair.MergeCase(closed, new { duplicateCaseId = duplicateId, reason = "x" }))
            .Problem(HttpStatusCode.Conflict, "case-closed");

        var merged = await (await chair.PostJson(url, new { duplicateCaseId = duplicateId, reason = "Same household referred twice" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal([duplicateSubject], merged["subjects"]!.AsArray().Select(s => s!.GetValue<Guid>()));

        // the survivor holds the duplicate's incidents, subjects (their names still readable), locations and agencies
        var view = await (await workerA.GetCase(survivor)).Json(HttpStatusCode.OK);
        Assert.Equal([survivorName, duplicateName], view["subjects"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(duplicateSubject, view["subjects"]![1]!["subjectId"]!.GetValue<Guid>());
        Assert.Equal("1996-04-04", view["subjects"]![1]!["dateOfBirth"]!.GetValue<string>());
        Assert.Equal(["Graffiti", "Fireworks at windows"], view["incidents"]!.AsArray().Select(i => i!["description"]!.GetValue<string>()));
        Assert.Equal(["Bus Station", "Tower Block"], view["locations"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal([agencyA, agencyB], view["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        var mergedFrom = Assert.Single(view["mergedFrom"]!.AsArray())!;
        Assert.Equal((duplicateId, "Same household referred twice"), (mergedFrom["caseId"]!.GetValue<Guid>(), mergedFrom["reason"]!.GetValue<string>()));
        Assert.Equal("Open", view["status"]!.GetValue<string>());
        Assert.Null(view["mergedInto"]);

        // the duplicate is closed as merged, for good
        var duplicateView = await (await workerB.GetCase(duplicateId)).Json(HttpStatusCode.OK);
        Assert.Equal("Closed", duplicateView["status"]!.GetValue<string>());
        Assert.Equal("MergedIntoAnotherCase", duplicateView["statusHistory"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal((survivor, view["reference"]!.GetValue<string>()),
            (duplicateView["mergedInto"]!.GetValue<Guid>(), duplicateView["mergedIntoReference"]!.GetValue<string>()));
        Assert.Equal(survivor, (await (await workerB.GetSignpost(duplicateId)).Json(HttpStatusCode.OK))["mergedInto"]!.GetValue<Guid>());
        await (await chair.ReopenCase(duplicateId, new { reason = "x" })).Problem(HttpStatusCode.Conflict, "case-merged");
        await (await chair.PostJson(url, new { duplicateCaseId = duplicateId, reason = "again" })).Problem(HttpStatusCode.Conflict, "case-merged");

        // a later referral of the duplicate's subject finds the survivor
        var later = await (await workerA.ReferCase(Referral(duplicateName, "1996-04-04", "More fireworks", "Tower Block")))
            .Json(HttpStatusCode.Created);
        Assert.Equal([survivor], Similar(later).Distinct());

        // and the merged-in subject is erased on the survivor
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ClientFor(agencyA, CaseRoles.PartnershipAdmin)
            .EraseSubject(survivor, duplicateSubject, new { reason = "Request" })).StatusCode);
        var erased = (await (await workerA.GetCase(survivor)).Json(HttpStatusCode.OK))["subjects"]![1]!;
        Assert.True(erased["erased"]!.GetValue<bool>());
        Assert.Null(erased["name"]);
    }
}
