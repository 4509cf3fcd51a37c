using System.Net;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The bodies as residents see them (the website's "Who we are"): no sign-in, no confidential body, no person named.</summary>
public sealed class OpenBodiesTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);
    private readonly HttpClient _anonymous = fixture.Client();

    [Fact]
    public async Task Anybody_reads_a_body_with_its_members_by_organisation_and_role_but_no_names()
    {
        var police = await _admin.RegisterOrganisation(Unique("Kent Police"));
        var fire = await _admin.RegisterOrganisation(Unique("Kent Fire and Rescue"));
        var body = await _admin.CreateBody(Unique("Working Group"));
        await _admin.Appoint(body, police, "Jo Bloggs", "Chair");
        await _admin.Appoint(body, police, "Sam Smith");
        var ended = await _admin.Appoint(body, fire, "Chris Gone");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty(EndUrl(body, ended))).StatusCode);

        var response = await _anonymous.GetAsync($"/api/governance/open/bodies/{body}");

        var open = await response.Json(HttpStatusCode.OK);
        Assert.Equal("WorkingGroup", open["kind"]!.GetValue<string>());
        var members = open["members"]!.AsArray().Select(m => (m!["organisationId"]!.GetValue<Guid>(), m["role"]!.GetValue<string>())).ToList();
        Assert.Equal([(police, "Chair"), (police, "Member")], members);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Jo Bloggs", raw);
        Assert.DoesNotContain("Sam Smith", raw);
        Assert.Null(open["termsOfReference"]);
    }

    [Fact]
    public async Task A_confidential_body_is_neither_listed_nor_read()
    {
        var panel = await _admin.CreateBody(Unique("ASB Case Panel"), "AsbCasePanel", "Monthly");
        var marked = await _admin.CreateBody(Unique("Marked Group"));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{BodyUrl(marked)}/confidential")).StatusCode);
        var open = await _admin.CreateBody(Unique("Open Group"));

        var listed = (await _anonymous.AllPages("/api/governance/open/bodies?limit=500")).Select(b => b!["id"]!.GetValue<Guid>()).ToList();

        Assert.Contains(open, listed);
        Assert.DoesNotContain(panel, listed);
        Assert.DoesNotContain(marked, listed);
        await (await _anonymous.GetAsync($"/api/governance/open/bodies/{panel}")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAsync($"/api/governance/open/bodies/{marked}")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAsync($"/api/governance/open/bodies/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
