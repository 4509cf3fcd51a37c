using System.Net;
using System.Net.Http.Json;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Issue 13, points 1 and 6: Governance marks bodies confidential (at creation, or later; never one that meets in public)
/// and gives a body a parent (the only other body whose decisions may adopt its terms of reference), and tells Meetings.
/// </summary>
public sealed class ConfidentialBodyTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private static string ConfidentialUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/confidential";
    private static string ParentUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/parent";

    private Task<HttpResponseMessage> SetParent(Guid bodyId, Guid? parentBodyId, HttpClient? client = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ParentUrl(bodyId)) { Content = JsonContent.Create(new { parentBodyId }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return (client ?? _admin).SendAsync(request);
    }

    [Fact]
    public async Task A_body_created_confidential_or_with_a_parent_says_so_and_tells_Meetings()
    {
        var parent = await _admin.CreateBody(Unique("Executive"), "Executive");
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(BodiesUrl,
            new { name = Unique("Hate crime panel"), kind = "DeliveryGroup", cadence = "Monthly", confidential = true, parentBodyId = parent }));
        var id = await response.CreatedId();

        var published = tracked.Sent.SingleMessage<BodyCreated>();
        Assert.Equal((id, true, parent), (published.BodyId, published.Confidential, published.ParentBodyId));
        var (body, _) = await _admin.ReadBody(id);
        Assert.Equal((true, true, parent), (body["markedConfidential"]!.GetValue<bool>(), body["confidential"]!.GetValue<bool>(), body["parentBodyId"]!.GetValue<Guid>()));

        // the ASB case panel is confidential without being marked; other bodies are not
        var (panel, _) = await _admin.ReadBody(await _admin.CreateBody(Unique("ASB case panel"), "AsbCasePanel"));
        Assert.Equal((false, true), (panel["markedConfidential"]!.GetValue<bool>(), panel["confidential"]!.GetValue<bool>()));
        var (group, _) = await _admin.ReadBody(await _admin.CreateBody());
        Assert.False(group["confidential"]!.GetValue<bool>());
        Assert.Null(group["parentBodyId"]);
    }

    [Fact]
    public async Task Creation_refuses_a_confidential_public_body_an_unknown_parent_and_an_empty_parent_id()
    {
        foreach (var kind in new[] { "OpenForum", "NeighbourhoodEngagement", "Conference" })
            await (await _admin.PostJson(BodiesUrl, new { name = Unique("Forum"), kind, cadence = "TwiceYearly", confidential = true }))
                .Problem(HttpStatusCode.UnprocessableEntity, "public-body");
        var unknown = Guid.NewGuid();
        var refused = await (await _admin.PostJson(BodiesUrl, new { name = Unique("Group"), kind = "WorkingGroup", cadence = "Quarterly", parentBodyId = unknown }))
            .Problem(HttpStatusCode.UnprocessableEntity, "parent-not-known");
        Assert.Equal(unknown, refused["parentBodyId"]!.GetValue<Guid>());
        await (await _admin.PostJson(BodiesUrl, new { name = Unique("Group"), kind = "WorkingGroup", cadence = "Quarterly", parentBodyId = Guid.Empty }))
            .ValidationProblem("parentBodyId");
        await (await _admin.PostRaw(BodiesUrl, """{"name":"Group","kind":"WorkingGroup","cadence":"Quarterly","confidential":"yes"}""")).UnreadableBodyProblem();
    }

    [Fact]
    public async Task Marking_a_body_confidential_publishes_it_once_and_is_refused_for_a_public_body()
    {
        var body = await _admin.CreateBody();
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostEmpty(ConfidentialUrl(body), "\"1\""));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(body, tracked.Sent.SingleMessage<BodyMarkedConfidential>().BodyId);
        var (read, _) = await _admin.ReadBody(body);
        Assert.True(read["confidential"]!.GetValue<bool>());

        // once marked, always: again changes nothing and tells nobody
        tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostEmpty(ConfidentialUrl(body)));
        Assert.Equal((HttpStatusCode.NoContent, "\"2\""), (response.StatusCode, response.ETag()));
        Assert.Empty(tracked.Sent.MessagesOf<BodyMarkedConfidential>());
        tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostEmpty(ConfidentialUrl(await _admin.CreateBody(Unique("Panel"), "AsbCasePanel"))));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(tracked.Sent.MessagesOf<BodyMarkedConfidential>());

        var forum = await _admin.CreateBody(Unique("Open Forum"), "OpenForum", "TwiceYearly");
        await (await _admin.PostEmpty(ConfidentialUrl(forum))).Problem(HttpStatusCode.UnprocessableEntity, "public-body");
        await (await _admin.PostEmpty(ConfidentialUrl(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostEmpty(ConfidentialUrl(body), "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await fixture.Client("meetings-secretary").PostEmpty(ConfidentialUrl(forum))).Problem(HttpStatusCode.Forbidden);
        await (await fixture.Client().PostEmpty(ConfidentialUrl(forum))).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_parent_is_set_changed_and_removed_and_Meetings_is_told()
    {
        var executive = await _admin.CreateBody(Unique("Executive"), "Executive");
        var other = await _admin.CreateBody(Unique("Steering group"), "Steering");
        var group = await _admin.CreateBody();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await SetParent(group, executive, ifMatch: "\"1\""));
        Assert.Equal((HttpStatusCode.NoContent, "\"2\""), (response.StatusCode, response.ETag()));
        var changed = tracked.Sent.SingleMessage<BodyParentChanged>();
        Assert.Equal((group, executive), (changed.BodyId, changed.ParentBodyId));
        Assert.Equal(executive, (await _admin.ReadBody(group)).Body["parentBodyId"]!.GetValue<Guid>());

        tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await SetParent(group, executive));
        Assert.Equal((HttpStatusCode.NoContent, "\"2\""), (response.StatusCode, response.ETag())); // the same parent: nothing changes
        Assert.Empty(tracked.Sent.MessagesOf<BodyParentChanged>());

        Assert.Equal(HttpStatusCode.NoContent, (await SetParent(group, other)).StatusCode);
        tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await SetParent(group, null));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(tracked.Sent.SingleMessage<BodyParentChanged>().ParentBodyId);
        Assert.Null((await _admin.ReadBody(group)).Body["parentBodyId"]);
    }

    [Fact]
    public async Task A_parent_that_is_the_body_unknown_or_below_it_is_refused()
    {
        var executive = await _admin.CreateBody(Unique("Executive"), "Executive");
        var group = await _admin.CreateBody();
        var subGroup = await _admin.CreateBody(Unique("Sub-group"), "DeliveryGroup");
        Assert.Equal(HttpStatusCode.NoContent, (await SetParent(group, executive)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SetParent(subGroup, group)).StatusCode);

        await (await SetParent(group, group)).Problem(HttpStatusCode.UnprocessableEntity, "parent-is-self");
        var unknown = Guid.NewGuid();
        Assert.Equal(unknown, (await (await SetParent(group, unknown)).Problem(HttpStatusCode.UnprocessableEntity, "parent-not-known"))["parentBodyId"]!.GetValue<Guid>());
        await (await SetParent(executive, group)).Problem(HttpStatusCode.Conflict, "parent-cycle");
        await (await SetParent(executive, subGroup)).Problem(HttpStatusCode.Conflict, "parent-cycle");
        Assert.Null((await _admin.ReadBody(executive)).Body["parentBodyId"]);

        await (await SetParent(Guid.NewGuid(), executive)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await SetParent(group, Guid.Empty)).ValidationProblem("parentBodyId");
        await (await SetParent(group, executive, ifMatch: "\"9\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        foreach (var unreadable in new[] { "null", """{"parentBodyId":"the executive"}""", """{"parentBodyId":42}""", """{"parentBodyId":""" })
        {
            var raw = new HttpRequestMessage(HttpMethod.Put, ParentUrl(group)) { Content = new StringContent(unreadable, System.Text.Encoding.UTF8, "application/json") };
            await (await _admin.SendAsync(raw)).UnreadableBodyProblem();
        }
        await (await SetParent(group, executive, ifMatch: "yesterday")).Problem(HttpStatusCode.BadRequest);
        await (await _admin.PostEmpty(ConfidentialUrl(group), "yesterday")).Problem(HttpStatusCode.BadRequest);
        await (await _admin.PostEmpty(ConfidentialUrl(Guid.Empty))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await SetParent(Guid.Empty, executive)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await SetParent(group, executive, fixture.Client("meetings-secretary"))).Problem(HttpStatusCode.Forbidden);
        await (await SetParent(group, executive, fixture.Client())).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Drafting_terms_of_reference_tells_Meetings_whose_they_are()
    {
        var body = await _admin.CreateBody();
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson($"{BodyUrl(body)}/terms-of-reference", new
        {
            purpose = "To deliver the plan", cadence = "Monthly", quorumMinimum = 1, decisionMaking = "Consensus",
        }));
        var created = await response.Json(HttpStatusCode.Created);
        var drafted = tracked.Sent.SingleMessage<TermsOfReferenceVersionDrafted>();
        Assert.Equal((body, created["versionId"]!.GetValue<Guid>(), 1), (drafted.BodyId, drafted.VersionId, drafted.Version));
    }
}
