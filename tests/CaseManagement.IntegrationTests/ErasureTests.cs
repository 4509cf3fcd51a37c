using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>A subject's erasure reaches every free text of the case (and of the duplicates merged into it), and leaves no row readable.</summary>
public sealed class ErasureTests(CaseManagementFixture fixture)
{
    [Fact]
    public async Task Erasing_a_subject_redacts_them_from_every_free_text_of_the_case_and_its_merged_duplicate_and_no_row_reveals_them()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var chair = fixture.ClientFor(agency, CaseRoles.PanelChair);
        var u = Guid.NewGuid().ToString("N")[..8];
        var (first, last) = ($"Morgan{u}", $"Erasewell{u}");
        var name = $"{first} {last}";
        var street = $"12 Forget{u} Road";
        var address = $"{street}, Deal CT14 6AA";
        var contact = $"07700 {Random.Shared.Next(100000, 999999)}";
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);

        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = $"PC 77, who knows {first}", area = "East",
            incidents = new[] { new { date = "2026-11-01", place = $"Outside {street}", description = $"{name} threw stones at the Keeper{u} family" } },
            subjects = new object[]
            {
                new { role = "Perpetrator", name, dateOfBirth = "2001-02-03", address, contact },
                new { role = "Victim", name = $"Keeper{u} Senior" },
            },
            locations = new[] { $"{street}, Deal", $"Bus shelter {u}" },
        })).CreatedId();
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Guid Subject(JsonNode v, string role) => v["subjects"]!.AsArray().Single(s => s!["role"]!.GetValue<string>() == role)!["subjectId"]!.GetValue<Guid>();
        var subjectId = Subject(view, "Perpetrator");

        // every kind of free text, each naming them
        var sittingId = (await (await chair.ScheduleSitting(new { sittingOn = today })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await chair.RecordReview(sittingId, new
        {
            caseId, attendance = new[] { agency }, summary = $"{last} was seen at {street} again",
            decisions = new[] { $"CPW to {name}", "Support the victims" },
            actions = new[] { new { ownerOrganisationId = agency, description = $"Call {contact} weekly", dueOn = today.AddDays(7) } },
        })).Json(HttpStatusCode.OK);
        var interventionId = await (await worker.IssueIntervention(caseId,
            new { kind = "CommunityProtectionWarning", subjectId, issuedOn = today, notes = $"{first} (born 3 February 2001) warned at home" })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.RecordBreach(caseId, interventionId,
            new { occurredOn = today, description = $"{last}'s friends gathered again" })).StatusCode);
        var linked = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 78", area = "East",
            incidents = new[] { new { date = "2026-11-02", place = "Green", description = "Noise" } },
            subjects = new[] { new { role = "Witness", name = $"Neighbour{u}" } },
        })).CreatedId();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.LinkCase(caseId, new { linkedCaseId = linked, reason = $"{first}'s cousin" })).StatusCode);
        var duplicate = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 79", area = "East",
            incidents = new[] { new { date = "2026-11-03", place = "Shop", description = $"{name} shoplifting" } },
            subjects = new[] { new { role = "Witness", name = $"Shopkeeper{u}" } },
            locations = new[] { $"Shop {u}" },
        })).CreatedId();
        Assert.Equal(HttpStatusCode.OK, (await worker.MergeCase(caseId, new { duplicateCaseId = duplicate, reason = $"Both about {last}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.CloseCase(caseId, new { outcome = "Improved", reason = $"{first} moved" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.ReopenCase(caseId, new { reason = $"{first} is back, call {contact}" })).StatusCode);
        var actionId = (await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK))["actions"]![0]!["actionId"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.UpdateActionStatus(caseId, actionId,
            new { status = "InProgress", note = $"Left a message for {first}" })).StatusCode);

        // the search finds the case by the location that is their address, before
        var byLocation = await (await worker.SearchSimilarCases(new { address = $"12 forget{u} rd, deal" })).Json(HttpStatusCode.OK);
        Assert.Contains(byLocation.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == caseId);
        string[] secrets = [name, first, last, street, contact];
        foreach (var secret in secrets) Assert.Empty(await fixture.RowsRevealing(secret)); // sealed from the start

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .EraseSubject(caseId, subjectId, new { reason = $"Request by {name}" })).StatusCode);

        var after = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        var text = after.ToJsonString();
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
        Assert.Equal("[erased] threw stones at the Keeper" + u + " family", after["incidents"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("Outside [erased]", after["incidents"]![0]!["place"]!.GetValue<string>());
        Assert.Equal("[erased] shoplifting", after["incidents"]![1]!["description"]!.GetValue<string>()); // the duplicate's, merged in
        Assert.Equal(["[erased], Deal", $"Bus shelter {u}", $"Shop {u}"], after["locations"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("PC 77, who knows [erased]", after["referringOfficer"]!.GetValue<string>());
        Assert.Equal("[erased] was seen at [erased] again", after["reviews"]![0]!["summary"]!.GetValue<string>());
        Assert.Equal(["CPW to [erased]", "Support the victims"], after["reviews"]![0]!["decisions"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("Call [erased] weekly", after["actions"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("Left a message for [erased]", after["actions"]![0]!["history"]![0]!["note"]!.GetValue<string>());
        Assert.Equal("[erased] (born [erased]) warned at home", after["interventions"]![0]!["notes"]!.GetValue<string>());
        Assert.Equal("[erased] friends gathered again", after["interventions"]![0]!["breaches"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("[erased] cousin", after["links"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal("Both about [erased]", after["mergedFrom"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(["[erased] moved", "[erased] is back, call [erased]"], after["statusHistory"]!.AsArray().Select(h => h!["reason"]!.GetValue<string>()));
        Assert.Equal("Request by [erased]", after["erasures"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal($"Keeper{u} Senior", after["subjects"]!.AsArray().Single(s => s!["role"]!.GetValue<string>() == "Victim")!["name"]!.GetValue<string>());

        // the duplicate merged in is redacted too; the linked case keeps its own record
        var duplicateView = await (await worker.GetCase(duplicate)).Json(HttpStatusCode.OK);
        Assert.Equal("[erased] shoplifting", duplicateView["incidents"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("Both about [erased]", duplicateView["statusHistory"]![0]!["reason"]!.GetValue<string>());
        var linkedView = await (await worker.GetCase(linked)).Json(HttpStatusCode.OK);
        Assert.Equal($"{first}'s cousin", linkedView["links"]![0]!["reason"]!.GetValue<string>());

        // their address no longer finds the case (the location index was rebuilt from the redacted locations); other locations still do
        var searched = await (await worker.SearchSimilarCases(new { address = $"12 forget{u} rd, deal" })).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(searched.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == caseId);
        var stillFound = await (await worker.SearchSimilarCases(new { address = $"Shop {u}" })).Json(HttpStatusCode.OK);
        Assert.Contains(stillFound.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == caseId);

        // no row of the database (events, snapshots, documents, Wolverine's tables) reveals them, in clear, hex or base64 (the linked
        // case keeps its link reason, sealed under its own key); the scan does find what is stored in clear, the reference
        Assert.NotEmpty(await fixture.RowsRevealing(after["reference"]!.GetValue<string>()));
        foreach (var secret in secrets) Assert.Empty(await fixture.RowsRevealing(secret));
        // and the case goes on: new text is sealed under the new key
        Assert.Equal(HttpStatusCode.NoContent, (await worker.CloseCase(caseId, new { outcome = "Resolved", reason = "Done" })).StatusCode);
        Assert.Equal("Done", (await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK))["statusHistory"]![2]!["reason"]!.GetValue<string>());
    }
}
