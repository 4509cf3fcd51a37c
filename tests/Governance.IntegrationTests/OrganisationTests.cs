using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class OrganisationTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    [Fact]
    public async Task Registering_an_organisation_stores_it_and_publishes_OrganisationRegistered()
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson("/api/governance/organisations", new { name = " Kent Police ", kind = "ResponsibleAuthority" }));

        var id = await response.CreatedId();
        Assert.Equal($"/api/governance/organisations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        var published = tracked.Sent.SingleMessage<OrganisationRegistered>();
        Assert.Equal((id, "Kent Police", OrganisationKind.ResponsibleAuthority), (published.OrganisationId, published.Name, published.Kind));

        var read = await _admin.GetAsync($"/api/governance/organisations/{id}");
        var body = await read.Json(HttpStatusCode.OK);
        Assert.Equal("Kent Police", body["name"]!.GetValue<string>());
        Assert.Equal("ResponsibleAuthority", body["kind"]!.GetValue<string>());
        Assert.Equal("\"1\"", read.ETag());

        var list = await _admin.AllPages("/api/governance/organisations");
        Assert.Contains(list, o => o!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task A_name_of_exactly_200_characters_and_a_cooperating_body_are_accepted()
    {
        var name = new string('n', 200);
        var id = await (await _admin.PostJson(OrganisationsUrl, new { name, kind = "CooperatingBody" })).CreatedId();

        var body = await (await _admin.GetAsync(OrganisationUrl(id))).Json(HttpStatusCode.OK);
        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal("CooperatingBody", body["kind"]!.GetValue<string>());
    }

    public static TheoryData<string, string[]> InvalidRegistrations => new()
    {
        { """{"kind":"ResponsibleAuthority"}""", ["name"] },
        { """{"name":null,"kind":"ResponsibleAuthority"}""", ["name"] },
        { """{"name":"","kind":"ResponsibleAuthority"}""", ["name"] },
        { """{"name":"   ","kind":"ResponsibleAuthority"}""", ["name"] },
        { $$"""{"name":"{{new string('x', 201)}}","kind":"ResponsibleAuthority"}""", ["name"] },
        { """{"name":"Kent Fire and Rescue"}""", ["kind"] },
        { """{"name":"Kent Fire and Rescue","kind":null}""", ["kind"] },
        { """{"name":"Kent Fire and Rescue","kind":7}""", ["kind"] },
        { """{}""", ["name", "kind"] },
    };

    [Theory, MemberData(nameof(InvalidRegistrations))]
    public async Task An_invalid_registration_is_a_validation_problem_naming_the_fields_and_publishes_nothing(string json, string[] fields)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(OrganisationsUrl, json));

        await response.ValidationProblem(fields);
        Assert.Empty(tracked.Sent.MessagesOf<OrganisationRegistered>());
    }

    [Theory]
    [InlineData("""{"name":""", "malformed JSON")]
    [InlineData("""{"name":5,"kind":"ResponsibleAuthority"}""", "a number where a string belongs")]
    [InlineData("""{"name":"Kent Police","kind":"Constabulary"}""", "an unknown kind")]
    [InlineData("""["Kent Police"]""", "an array instead of an object")]
    [InlineData("null", "the JSON literal null")]
    [InlineData("", "an empty body")]
    public async Task An_unreadable_body_is_a_400_problem(string json, string because)
    {
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(OrganisationsUrl, json));

        var problem = await response.UnreadableBodyProblem();
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), because);
        Assert.Empty(tracked.Sent.MessagesOf<OrganisationRegistered>());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await _admin.PostRaw(OrganisationsUrl, """{"name":"Kent Police","kind":"ResponsibleAuthority"}""", "text/plain");
        await response.Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_list_holds_every_registered_organisation_ordered_by_name()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var second = await _admin.RegisterOrganisation($"Zz second {suffix}", "CooperatingBody");
        var first = await _admin.RegisterOrganisation($"Aa first {suffix}");

        var list = await _admin.AllPages(OrganisationsUrl);
        var ids = list.Select(o => o!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(first, ids);
        Assert.Contains(second, ids);
        Assert.True(ids.IndexOf(first) < ids.IndexOf(second), "The list is ordered by name");
        var item = list.Single(o => o!["id"]!.GetValue<Guid>() == second)!;
        Assert.Equal(("CooperatingBody", 1), (item["kind"]!.GetValue<string>(), item["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404_not_found_problem()
    {
        var id = Guid.NewGuid();
        var problem = await (await _admin.GetAsync(OrganisationUrl(id))).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id.ToString(), problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organisation_id_that_is_not_a_guid_is_a_404_problem()
    {
        await (await _admin.GetAsync($"{OrganisationsUrl}/not-a-guid")).Problem(HttpStatusCode.NotFound);
    }
}
