using System.Net;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>Every list of CaseManagement is paged (<c>limit</c>, <c>page</c>, <c>X-Total-Count</c>, <c>Link</c>); a page's cases alone are audited.</summary>
public sealed class PagingTests(CaseManagementFixture fixture)
{
    private static readonly DateOnly Today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);

    /// <summary>Every list route and its largest <c>limit</c>; <c>{organisation}</c> stands for a signatory the test arranges.</summary>
    public static TheoryData<string, int> Lists => new()
    {
        { CaseManagementRoutes.Cases, 500 },
        { "/api/cases?area=North&agency={organisation}", 500 },
        { CaseManagementRoutes.OverdueActions, 500 },
        { "/api/cases/actions/overdue?owner={organisation}", 500 },
        { CaseManagementRoutes.OverdueReviews, 500 },
        { CaseManagementRoutes.Sittings, 100 },
        { CaseManagementRoutes.SittingsFrom(from: Today), 100 },
        { CaseManagementRoutes.Audit, 500 },
        { "/api/cases/audit?organisationId={organisation}", 500 },
    };

    [Theory, MemberData(nameof(Lists))]
    public async Task Every_list_answers_its_total_and_links_and_refuses_a_limit_or_page_out_of_range(string route, int max)
    {
        var organisation = await fixture.Organisation(signedIsa: true);
        await fixture.ClientFor(organisation, CaseRoles.CaseWorker, CaseRoles.PartnershipAdmin)
            .AssertPagedList(route.Replace("{organisation}", organisation.ToString()), max);
    }

    [Fact]
    public async Task Overdue_actions_are_paged_and_only_the_cases_on_the_page_are_opened_and_audited()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var owner = await fixture.Organisation(signedIsa: true);
        var cases = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var caseId = await (await worker.ReferCase(new
            {
                referringOfficer = "PC 9", area = "South",
                incidents = new[] { new { date = "2026-11-01", place = "Car park", description = "Criminal damage" } },
                subjects = new[] { new { role = "Perpetrator", name = "Sam " + Guid.NewGuid().ToString("N")[..6] } },
            })).CreatedId();
            await using var session = fixture.Store.LightweightSession();
            session.Events.Append(caseId, new ActionAgreed(caseId, Guid.NewGuid(), owner, await fixture.Seal(caseId, $"Repair the fence {i}"),
                Today.AddDays(-10 + i), null, "Chair", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
            cases.Add(caseId);
        }

        var since = DateTimeOffset.UtcNow;
        var first = await worker.GetOverdueActions(owner: owner, limit: 2);
        var page = (await first.Json(HttpStatusCode.OK)).AsArray();
        Assert.Equal(cases[..2], page.Select(a => a!["caseId"]!.GetValue<Guid>())); // the most overdue first
        Assert.Equal(["Repair the fence 0", "Repair the fence 1"], page.Select(a => a!["description"]!.GetValue<string>()));
        Assert.Equal(3, first.TotalCount());
        var second = await worker.GetAsync(first.Links()["next"]);
        Assert.Equal(cases[2], Assert.Single((await second.Json(HttpStatusCode.OK)).AsArray())!["caseId"]!.GetValue<Guid>());
        Assert.False(second.Links().ContainsKey("next"));

        var audited = (await fixture.AuditSince(since)).Where(e => e.Route == "/api/cases/actions/overdue" && e.CaseId is not null)
            .GroupBy(e => e.RequestId).Select(g => g.Select(e => e.CaseId!.Value).Order().ToList()).ToList();
        Assert.Equal(2, audited.Count);
        Assert.Contains(cases[..2].Order().ToList(), audited);
        Assert.Contains([cases[2]], audited);
    }
}
