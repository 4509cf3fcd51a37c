using System.Net;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>A service takes request bodies of at most 1 MiB (<c>Limits:MaxRequestBodyBytes</c>): over it, a 413 problem.</summary>
public sealed class BodyLimitTests(GovernanceFixture fixture)
{
    private const int MiB = 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_1_MiB_is_a_413_problem_and_one_under_it_is_read(bool chunked)
    {
        var client = fixture.Client(GovernanceRoles.Admin);
        var refused = await client.SendAsync(Http.JsonRequest(HttpMethod.Post, "/api/governance/organisations", Http.OrganisationOfSize(MiB + 1), chunked));
        var problem = await refused.Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal("This address accepts a request body of at most 1,048,576 bytes.", problem["detail"]!.GetValue<string>());
        Assert.Equal(MiB, problem["maxRequestBodyBytes"]!.GetValue<long>());

        // at the limit the body is read: the name is far too long
        await (await client.SendAsync(Http.JsonRequest(HttpMethod.Post, "/api/governance/organisations", Http.OrganisationOfSize(MiB), chunked)))
            .Problem(HttpStatusCode.BadRequest, "validation");
    }
}
