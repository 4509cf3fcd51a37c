using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class BodyTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    [Fact]
    public async Task Creating_a_body_stores_it_with_the_default_quorum_and_publishes_BodyCreated()
    {
        var name = Unique("Community Safety Partnership Executive");
        var before = DateTimeOffset.UtcNow;
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(BodiesUrl, new { name = $"  {name} ", kind = "Executive", cadence = "Quarterly" }));

        var id = await response.CreatedId();
        Assert.Equal(BodyUrl(id), response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.ETag());

        var published = tracked.Sent.SingleMessage<BodyCreated>();
        Assert.Equal((id, name, BodyKind.Executive, MeetingCadence.Quarterly, 4),
            (published.BodyId, published.Name, published.Kind, published.Cadence, published.QuorumMinimum));
        Assert.InRange(published.CreatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var (body, etag) = await _admin.ReadBody(id);
        Assert.Equal("\"1\"", etag);
        Assert.Equal(id, body["id"]!.GetValue<Guid>());
        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal("Executive", body["kind"]!.GetValue<string>());
        Assert.Equal("Quarterly", body["cadence"]!.GetValue<string>());
        Assert.Equal(4, body["quorumMinimum"]!.GetValue<int>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Empty(body["members"]!.AsArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task A_body_may_name_its_own_quorum_between_1_and_50(int quorumMinimum)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(BodiesUrl,
            new { name = Unique("ASB case panel"), kind = "AsbCasePanel", cadence = "Monthly", quorumMinimum }));

        var id = await response.CreatedId();
        var published = tracked.Sent.SingleMessage<BodyCreated>();
        Assert.Equal((id, BodyKind.AsbCasePanel, MeetingCadence.Monthly, quorumMinimum),
            (published.BodyId, published.Kind, published.Cadence, published.QuorumMinimum));
        var (body, _) = await _admin.ReadBody(id);
        Assert.Equal(quorumMinimum, body["quorumMinimum"]!.GetValue<int>());
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { """{"name":"Panel","kind":"AsbCasePanel","cadence":"Monthly","quorumMinimum":0}""", ["quorumMinimum"] },
        { """{"name":"Panel","kind":"AsbCasePanel","cadence":"Monthly","quorumMinimum":51}""", ["quorumMinimum"] },
        { """{"name":"Panel","kind":"AsbCasePanel","cadence":"Monthly","quorumMinimum":-3}""", ["quorumMinimum"] },
        { """{"name":"Panel","cadence":"Monthly"}""", ["kind"] },
        { """{"name":"Panel","kind":99,"cadence":"Monthly"}""", ["kind"] },
        { """{"name":"Panel","kind":"AsbCasePanel"}""", ["cadence"] },
        { """{"name":"Panel","kind":"AsbCasePanel","cadence":42}""", ["cadence"] },
        { """{"kind":"AsbCasePanel","cadence":"Monthly"}""", ["name"] },
        { """{"name":" \t ","kind":"AsbCasePanel","cadence":"Monthly"}""", ["name"] },
        { $$"""{"name":"{{new string('p', 201)}}","kind":"AsbCasePanel","cadence":"Monthly"}""", ["name"] },
        { """{}""", ["name", "kind", "cadence"] },
    };

    [Theory, MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_body_is_a_validation_problem_naming_the_fields_and_publishes_nothing(string json, string[] fields)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(BodiesUrl, json));

        await response.ValidationProblem(fields);
        Assert.Empty(tracked.Sent.MessagesOf<BodyCreated>());
    }

    [Theory]
    [InlineData("""{"name":"Panel","kind":"AsbCasePanel","cadence":"Monthly","quorumMinimum":"four"}""")]
    [InlineData("""{"name":"Panel","kind":"AsbCasePanel","cadence":"Fortnightly"}""")]
    [InlineData("""{"name":"Panel",""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task An_unreadable_body_is_a_400_problem(string json)
    {
        await (await _admin.PostRaw(BodiesUrl, json)).UnreadableBodyProblem();
    }

    [Fact]
    public async Task The_list_holds_every_body_ordered_by_name()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var second = await _admin.CreateBody($"Zz steering {suffix}", "Steering", "TwiceYearly");
        var first = await _admin.CreateBody($"Aa forum {suffix}", "OpenForum", "Annually");

        var list = await _admin.AllPages(BodiesUrl);
        var ids = list.Select(b => b!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
        Assert.True(ids.IndexOf(first) < ids.IndexOf(second), "The list is ordered by name");
        var item = list.Single(b => b!["id"]!.GetValue<Guid>() == second)!;
        Assert.Equal(("Steering", "TwiceYearly", 4), (item["kind"]!.GetValue<string>(), item["cadence"]!.GetValue<string>(),
            item["quorumMinimum"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Reading_a_body_lists_its_members_and_serves_its_version_as_ETag()
    {
        var police = await _admin.RegisterOrganisation();
        var council = await _admin.RegisterOrganisation(kind: "CooperatingBody");
        var bodyId = await _admin.CreateBody(kind: "DeliveryGroup", cadence: "BiMonthly");
        var chair = await _admin.Appoint(bodyId, police, "Alex Chair", "Chair");
        var member = await _admin.Appoint(bodyId, council, "Sam Member");
        var substitute = await _admin.NameSubstitute(bodyId, member, "Robin Deputy");

        var (body, etag) = await _admin.ReadBody(bodyId);

        Assert.Equal("\"4\"", etag);
        Assert.Equal(4, body["version"]!.GetValue<int>());
        var members = body["members"]!.AsArray();
        Assert.Equal([chair, member], members.Select(m => m!["membershipId"]!.GetValue<Guid>()));
        var first = body.Member(chair);
        Assert.Equal((police, "Alex Chair", "Chair"),
            (first["organisationId"]!.GetValue<Guid>(), first["personName"]!.GetValue<string>(), first["role"]!.GetValue<string>()));
        Assert.Null(first["endedAt"]);
        Assert.Empty(first["substitutes"]!.AsArray());
        var second = body.Member(member);
        Assert.Equal((council, "Sam Member", "Member"),
            (second["organisationId"]!.GetValue<Guid>(), second["personName"]!.GetValue<string>(), second["role"]!.GetValue<string>()));
        var named = Assert.Single(second["substitutes"]!.AsArray())!;
        Assert.Equal((substitute, "Robin Deputy"), (named["substituteId"]!.GetValue<Guid>(), named["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_body_is_a_404_not_found_problem()
    {
        var id = Guid.NewGuid();
        var problem = await (await _admin.GetAsync(BodyUrl(id))).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id.ToString(), problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_id_that_is_not_a_guid_is_a_404_problem()
    {
        await (await _admin.GetAsync($"{BodiesUrl}/not-a-guid")).Problem(HttpStatusCode.NotFound);
    }
}
