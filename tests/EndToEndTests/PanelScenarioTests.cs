using System.Globalization;
using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The case panel's month through the gateway: a referral is risk-assessed, lands on the next sitting's agenda, gets an
/// action for another signatory agency and interventions, and is linked to a related case and closed.
/// </summary>
public sealed class PanelScenarioTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_referred_case_is_assessed_put_on_the_agenda_given_actions_and_interventions_and_closed()
    {
        using var officer = platform.Client().WithTokenFor(null, "governance-admin");
        async Task<Guid> Signatory(string name)
        {
            var id = await (await officer.PostJson("/api/governance/organisations", new { name, kind = "ResponsibleAuthority" })).CreatedId();
            Assert.Equal(HttpStatusCode.NoContent, (await officer.PostJson($"/api/governance/organisations/{id}/isa",
                new { signedOn = "2026-04-01", signedBy = "Director" })).StatusCode);
            return id;
        }
        var police = await Signatory("Kent Police " + Guid.NewGuid().ToString("N")[..4]);
        var housing = await Signatory("Thanet Housing " + Guid.NewGuid().ToString("N")[..4]);
        using var worker = platform.Client().WithTokenFor(police, "case-worker");
        using var chair = platform.Client().WithTokenFor(police, "panel-chair");
        using var housingWorker = platform.Client().WithTokenFor(housing, "case-worker");

        object Referral(string name) => new
        {
            referringOfficer = "PC 99", area = "East",
            incidents = new[] { new { date = "2026-11-15", place = "Northdown Road", description = "Repeated verbal abuse of neighbours" } },
            subjects = new[] { new { role = "Perpetrator", name, dateOfBirth = "1997-06-01" } },
        };
        HttpResponseMessage referred = null!;
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () =>
            (referred = await worker.PostJson("/api/cases", Referral("Alex Panelcase"))).StatusCode == HttpStatusCode.Created);
        var caseId = await referred.CreatedId();
        var related = await (await worker.PostJson("/api/cases", Referral("Jamie Panelcase"))).CreatedId();

        var answers = new[] { "repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact" }
            .ToDictionary(q => q, q => q is "repeat-victim" or "vulnerable" or "fear" or "violence");
        var risk = await (await worker.PostJson($"/api/cases/{caseId}/risk-assessments", new { answers })).Json(HttpStatusCode.OK);
        Assert.Equal("High", risk["level"]!.GetValue<string>());
        var reviewDue = DateOnly.Parse(risk["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        // next month's sitting takes the case, and says why
        var sitting = await (await chair.PostJson("/api/cases/panel/sittings", new { sittingOn = reviewDue })).Json(HttpStatusCode.Created);
        var entry = sitting["agenda"]!["considered"]!.AsArray().Single(e => e!["caseId"]!.GetValue<Guid>() == caseId)!;
        Assert.True(entry["onAgenda"]!.GetValue<bool>());
        Assert.Equal($"High risk: review due {reviewDue:yyyy-MM-dd}.", entry["reason"]!.GetValue<string>());
        Assert.False(sitting["agenda"]!["considered"]!.AsArray().Single(e => e!["caseId"]!.GetValue<Guid>() == related)!["onAgenda"]!.GetValue<bool>());

        // housing takes on an action once CaseManagement has heard that it signed
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        await Probes.Eventually(TimeSpan.FromSeconds(60), async () => (await worker.PostJson($"/api/cases/{caseId}/actions",
            new { ownerOrganisationId = housing, description = "Tenancy enforcement visit", dueOn = today.AddDays(3) })).StatusCode == HttpStatusCode.OK);
        var seenByHousing = await (await housingWorker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.Equal("Amber", seenByHousing["actions"]![0]!["rag"]!.GetValue<string>());
        Assert.Contains(housing, seenByHousing["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        // a community protection notice needs a prior warning
        var subjectId = seenByHousing["subjects"]![0]!["subjectId"]!.GetValue<Guid>();
        await (await worker.PostJson($"/api/cases/{caseId}/interventions", new { kind = "CommunityProtectionNotice", subjectId, issuedOn = today }))
            .Problem(HttpStatusCode.Conflict, "cpn-needs-prior-warning");
        Assert.Equal(HttpStatusCode.Created, (await worker.PostJson($"/api/cases/{caseId}/interventions",
            new { kind = "CommunityProtectionWarning", subjectId, issuedOn = today.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostJson($"/api/cases/{caseId}/interventions",
            new { kind = "CommunityProtectionNotice", subjectId, issuedOn = today })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostJson($"/api/cases/{caseId}/links", new { linkedCaseId = related, reason = "Same street" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chair.PostJson($"/api/cases/{caseId}/close", new { outcome = "Improved", reason = "CPN complied with" })).StatusCode);

        var final = await (await worker.GetAsync($"/api/cases/{caseId}")).Json(HttpStatusCode.OK);
        Assert.Equal("Closed", final["status"]!.GetValue<string>());
        Assert.Equal(related, final["links"]![0]!["caseId"]!.GetValue<Guid>());
        Assert.Equal(["CommunityProtectionWarning", "CommunityProtectionNotice"], final["interventions"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal("Repeated verbal abuse of neighbours", final["incidents"]![0]!["description"]!.GetValue<string>());

        // the case's free text and its subjects' details are sealed: no row of CaseManagement's database reveals them (the reference is in clear)
        var database = platform.CaseManagementDatabase.ConnectionString;
        Assert.NotEmpty(await Probes.RowsRevealing(database, final["reference"]!.GetValue<string>()));
        foreach (var secret in new[] { "Alex Panelcase", "Jamie Panelcase", "Northdown Road", "Repeated verbal abuse of neighbours", "Tenancy enforcement visit",
                     "CPN complied with", "Same street" })
            Assert.Empty(await Probes.RowsRevealing(database, secret));
    }
}
