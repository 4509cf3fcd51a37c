using System.Net;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Strategy;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Every list of Governance is paged (<c>limit</c>, <c>page</c>, <c>X-Total-Count</c>, <c>Link</c>).</summary>
public sealed class PagingTests(GovernanceFixture fixture)
{
    private const string SubscriptionsUrl = "/api/governance/subscriptions";

    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    /// <summary>Every list route; <c>{body}</c> and <c>{subscription}</c> stand for a body and a subscription the test arranges.</summary>
    public static TheoryData<string> Lists =>
    [
        OrganisationsUrl,
        OrganisationsUrl + "?isaSigned=false",
        BodiesUrl,
        BodiesUrl + "/{body}/elections",
        BodiesUrl + "/{body}/interests",
        BodiesUrl + "/{body}/offices",
        BodiesUrl + "/{body}/reminders",
        BodiesUrl + "/{body}/terms-of-reference",
        StrategyUrls.Assessments,
        StrategyUrls.Assessments + "?year=2026",
        StrategyUrls.Agreements,
        SubscriptionsUrl,
        SubscriptionsUrl + "/{subscription}/deliveries",
        SubscriptionsUrl + "/{subscription}/deliveries?status=Delivered",
    ];

    private async Task<Guid> Subscription(Guid organisation) =>
        (await (await _admin.PostJson(SubscriptionsUrl, new { organisationId = organisation, url = "https://93.184.215.14/hooks",
            eventTypes = new[] { DecisionEvents.GrantAwardedType } })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private async Task<string> Arranged(string route)
    {
        if (route.Contains("{body}")) route = route.Replace("{body}", (await _admin.CreateBody()).ToString());
        if (route.Contains("{subscription}")) route = route.Replace("{subscription}", (await Subscription(await _admin.RegisterOrganisation())).ToString());
        return route;
    }

    private static string With(string url, string query) => url + (url.Contains('?') ? '&' : '?') + query;

    [Theory, MemberData(nameof(Lists))]
    public async Task Every_list_answers_its_total_and_links_and_refuses_a_limit_or_page_out_of_range(string route)
    {
        var url = await Arranged(route);
        var response = await _admin.GetAsync(With(url, "limit=1"));
        await response.Json(HttpStatusCode.OK);
        var total = response.TotalCount();
        var links = response.Links();
        Assert.Contains("first", links.Keys);
        Assert.Contains("last", links.Keys);
        Assert.Equal(total > 1, links.ContainsKey("next"));
        Assert.False(links.ContainsKey("prev"));
        var path = url.Split('?')[0];
        Assert.All(links.Values, link =>
        {
            Assert.StartsWith(path + "?", link);
            Assert.Contains("limit=1", link);
            if (url.Contains('?')) Assert.Contains(url.Split('?')[1], link); // the list's own filter is kept
        });
        Assert.EndsWith($"page={Math.Max(1, total)}", links["last"]);

        await (await _admin.GetAsync(With(url, "limit=501"))).ValidationProblem("limit");
        await (await _admin.GetAsync(With(url, "limit=0"))).ValidationProblem("limit");
        await (await _admin.GetAsync(With(url, "page=0"))).ValidationProblem("page");
        await (await _admin.GetAsync(With(url, "limit=0&page=0"))).ValidationProblem("limit", "page");
        await (await _admin.GetAsync(With(url, "page=first"))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_list_is_paged_in_the_database_and_its_next_links_lead_through_every_page_once()
    {
        var organisation = await _admin.RegisterOrganisation();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++) created.Add(await Subscription(organisation));
        var url = $"{SubscriptionsUrl}?organisationId={organisation}&limit=2";

        var first = await _admin.GetAsync(url);
        var firstItems = (await first.Json(HttpStatusCode.OK)).AsArray();
        Assert.Equal((2, 5L), (firstItems.Count, first.TotalCount()));
        Assert.Equal(["first", "next", "last"], first.Links().Keys);
        Assert.Equal($"{SubscriptionsUrl}?organisationId={organisation}&limit=2&page=2", first.Links()["next"]);
        Assert.Equal($"{SubscriptionsUrl}?organisationId={organisation}&limit=2&page=3", first.Links()["last"]);

        var second = await _admin.GetAsync(first.Links()["next"]);
        Assert.Equal(2, (await second.Json(HttpStatusCode.OK)).AsArray().Count);
        Assert.Equal(["first", "prev", "next", "last"], second.Links().Keys);
        var third = await _admin.GetAsync(second.Links()["next"]);
        Assert.Single((await third.Json(HttpStatusCode.OK)).AsArray());
        Assert.Equal(["first", "prev", "last"], third.Links().Keys);

        // every subscription once, in the list's order (oldest first)
        Assert.Equal(created, (await _admin.AllPages(url)).Select(s => s!["id"]!.GetValue<Guid>()));

        // past the last page: nothing, the same total, and a way back
        var beyond = await _admin.GetAsync($"{url}&page=9");
        Assert.Empty((await beyond.Json(HttpStatusCode.OK)).AsArray());
        Assert.Equal(5, beyond.TotalCount());
        Assert.EndsWith("page=3", beyond.Links()["prev"]);
    }

    [Fact]
    public async Task A_bodys_terms_of_reference_page_its_versions_and_always_show_the_version_in_effect()
    {
        var body = await _admin.CreateBody();
        var url = $"{BodyUrl(body)}/terms-of-reference";
        var versions = new List<Guid>();
        for (var i = 0; i < 3; i++)
            versions.Add((await (await _admin.PostJson(url, new
            {
                purpose = "To reduce crime and disorder", guidingPrinciples = new[] { "Evidence Led" }, responsibilities = new[] { "The agreement" },
                membership = new[] { "Kent Police" }, cadence = "Quarterly", quorumMinimum = 4, decisionMaking = "Consensus",
            })).Json(HttpStatusCode.Created))["versionId"]!.GetValue<Guid>());
        await fixture.Receive(new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), body, "Adopt the terms of reference", true, "4", [],
            DateTimeOffset.UtcNow, [versions[0]]));

        var first = await _admin.GetAsync($"{url}?limit=1");
        var page = await first.Json(HttpStatusCode.OK);
        Assert.Equal(3, first.TotalCount());
        Assert.Equal(versions[0], page["inEffect"]!["versionId"]!.GetValue<Guid>());
        Assert.Equal([versions[2]], page["drafts"]!.AsArray().Select(v => v!["versionId"]!.GetValue<Guid>()));
        Assert.Empty(page["history"]!.AsArray());

        var last = await (await _admin.GetAsync(first.Links()["last"])).Json(HttpStatusCode.OK);
        Assert.Equal(versions[0], last["inEffect"]!["versionId"]!.GetValue<Guid>());
        Assert.Empty(last["drafts"]!.AsArray());
        Assert.Equal([versions[0]], last["history"]!.AsArray().Select(v => v!["versionId"]!.GetValue<Guid>()));
    }
}
