using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>Concurrent updates to one case: a lost race is a 409 (or 412 with If-Match), never a lost update.</summary>
public sealed class CaseConcurrencyTests(CaseManagementFixture fixture)
{
    private const int Racers = 8;

    private async Task<(HttpClient Worker, Guid Case, Guid Owner)> ReferredCase()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 8", area = "West",
            incidents = new[] { new { date = "2026-11-01", place = "Square", description = "Fireworks thrown at cars" } },
            subjects = new[] { new { role = "Perpetrator", name = "Racer Example" } },
        })).CreatedId();
        return (worker, caseId, agency);
    }

    private static object Action(Guid owner, int i) =>
        new { ownerOrganisationId = owner, description = $"Action {i}", dueOn = PartnershipCalendar.Today(DateTimeOffset.UtcNow).AddDays(10) };

    [Fact]
    public async Task Racing_writers_without_If_Match_either_land_or_get_409_and_every_landed_write_is_kept()
    {
        var (worker, caseId, owner) = await ReferredCase();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => worker.AgreeAction(caseId, Action(owner, i))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) await lost.Problem(HttpStatusCode.Conflict, "concurrent-write");
        var landed = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(landed >= 1);
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(landed, view["actions"]!.AsArray().Count);
        Assert.Equal(1 + landed, view["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Racing_writers_naming_the_same_version_in_If_Match_let_exactly_one_through()
    {
        var (worker, caseId, owner) = await ReferredCase();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => worker.AgreeAction(caseId, Action(owner, i), "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Single(view["actions"]!.AsArray());
        Assert.Equal(2, view["version"]!.GetValue<long>());
    }
}
