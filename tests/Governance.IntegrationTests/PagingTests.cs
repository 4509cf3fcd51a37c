using System.Net;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Strategy;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Every list of Governance is paged (<c>limit</c>, <c>page</c>, <c>X-Total-Count</c>, <c>Link</c>); open data's decisions
/// are read from documents of their own, not from the event history.
/// </summary>
public sealed class PagingTests(GovernanceFixture fixture)
{
    private const string SubscriptionsUrl = "/api/governance/subscriptions";
    private const string OpenDecisionsUrl = "/api/governance/open/decisions";

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
        OpenDecisionsUrl,
        "/api/governance/open/bodies",
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

    [Theory, MemberData(nameof(Lists))]
    public async Task Every_list_answers_its_total_and_links_and_refuses_a_limit_or_page_out_of_range(string route) =>
        await _admin.AssertPagedList(await Arranged(route));

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

    [Fact]
    public async Task Open_decisions_are_paged_newest_first_and_only_of_known_bodies_that_are_not_confidential()
    {
        var group = await _admin.CreateBody(Unique("Working Group"));
        var later = await _admin.CreateBody(Unique("Task Group"));
        // recorded far ahead of every other test's decisions, so that these are the newest
        var at = new DateTimeOffset(9000, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var oldest = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), group, "Fund two PCSOs for the town centre", true, "4", [], at);
        var award = new GrantAwarded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Safer Streets", 9_000m, "GBP", oldest.DecisionId,
            new DateOnly(8999, 12, 1), at.AddMinutes(1));
        var newest = oldest with { DecisionId = Guid.NewGuid(), Text = "Adopt the ASB strategy", RecordedAt = at.AddMinutes(2) };
        var unknownBody = oldest with { DecisionId = Guid.NewGuid(), BodyId = Guid.NewGuid(), RecordedAt = at.AddMinutes(3) };
        var ofLater = oldest with { DecisionId = Guid.NewGuid(), BodyId = later, Text = "Review the CCTV estate", RecordedAt = at.AddMinutes(4) };
        foreach (var message in new object[] { oldest, award, newest, unknownBody, ofLater }) await fixture.Receive(message);
        // a body marked confidential after its decision entered the feed hides it from then on
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostAsync($"{BodyUrl(later)}/confidential", null)).StatusCode);

        var anonymous = fixture.Client();
        var first = await anonymous.GetAsync($"{OpenDecisionsUrl}?limit=2");
        var page = (await first.Json(HttpStatusCode.OK)).AsArray();
        Assert.Equal([newest.DecisionId, award.AwardId], page.Select(d => d!["id"]!.GetValue<Guid>()));
        Assert.Equal(("grant-award", "Safer Streets", 9_000m), (page[1]!["kind"]!.GetValue<string>(), page[1]!["summary"]!.GetValue<string>(),
            page[1]!["amount"]!.GetValue<decimal>()));
        Assert.StartsWith("Working Group", page[0]!["body"]!.GetValue<string>());
        var second = (await (await anonymous.GetAsync(first.Links()["next"])).Json(HttpStatusCode.OK)).AsArray();
        Assert.Equal(oldest.DecisionId, second[0]!["id"]!.GetValue<Guid>());
        Assert.True(first.TotalCount() >= 3);

        var all = (await anonymous.AllPages($"{OpenDecisionsUrl}?limit=500")).Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        Assert.DoesNotContain(unknownBody.DecisionId, all);
        Assert.DoesNotContain(ofLater.DecisionId, all);
        Assert.Equal(first.TotalCount(), all.Count);
    }

    [Fact]
    public async Task Decision_events_taken_into_the_feed_before_open_data_kept_documents_are_backfilled_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var group = await _admin.CreateBody(Unique("Working Group"));
        var decision = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), group, "Extend the Safer Streets scheme", true, "5", [],
            new DateTimeOffset(2999, 6, 1, 12, 0, 0, TimeSpan.Zero));
        // in the feed as an older Governance left it: the event, and no document
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream(decision.DecisionId, new DecisionEventPublished(DecisionEvents.From(decision), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(ct);
        }
        async Task<bool> InOpenData() =>
            (await fixture.Client().AllPages($"{OpenDecisionsUrl}?limit=500")).Any(d => d!["id"]!.GetValue<Guid>() == decision.DecisionId);

        Assert.False(await InOpenData(), "open data reads its documents, not the events");
        // this database was backfilled when the service started: done once, not again
        Assert.Equal(0, await PublicDecisionsBackfill.RunAsync(fixture.Store, TimeProvider.System, ct));
        Assert.False(await InOpenData());

        // a database the backfill has not seen yet (an existing deployment's)
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Delete<PublicDecisionsBackfilled>(PublicDecisionsBackfilled.Key);
            await session.SaveChangesAsync(ct);
        }
        Assert.True(await PublicDecisionsBackfill.RunAsync(fixture.Store, TimeProvider.System, ct) >= 1);
        Assert.True(await InOpenData());
        Assert.Equal(0, await PublicDecisionsBackfill.RunAsync(fixture.Store, TimeProvider.System, ct));
    }
}
