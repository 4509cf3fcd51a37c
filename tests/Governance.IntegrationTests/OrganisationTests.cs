using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;

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

        var list = await (await _admin.GetAsync("/api/governance/organisations")).Json(HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), o => o!["id"]!.GetValue<Guid>() == id);
    }
}
