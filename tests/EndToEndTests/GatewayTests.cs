using System.Net;
using System.Net.Http.Headers;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

public sealed class GatewayTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("governance", "/api/governance/organisations")]
    [InlineData("meetings", "/api/meetings/meetings/{meetingId}/decisions")]
    [InlineData("casemanagement", "/api/cases/{caseId}")]
    [InlineData("funding", "/api/funding/streams/{streamId}")]
    public async Task Each_services_OpenAPI_document_is_served_through_the_gateway(string service, string path)
    {
        using var client = platform.Client();
        var document = await (await client.GetAsync($"/openapi/{service}.json")).Json(HttpStatusCode.OK);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        Assert.NotNull(document["paths"]![path]);
        Assert.True(document["servers"] is null || document["servers"]!.AsArray().Count == 0, "the document must not point past the gateway");
    }

    [Fact]
    public async Task The_API_reference_page_lists_every_service()
    {
        using var client = platform.Client();
        var response = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // scalar.aspnetcore.js resolves these against the site's root: /openapi/<service>.json, routed by the gateway
        Assert.Contains("\"url\":\"openapi/governance.json\"", html);
        Assert.Contains("\"url\":\"openapi/meetings.json\"", html);
        Assert.Contains("\"url\":\"openapi/casemanagement.json\"", html);
        Assert.Contains("\"url\":\"openapi/funding.json\"", html);
    }

    [Fact]
    public async Task A_bad_token_is_refused_at_the_gateway_and_a_missing_one_by_the_service()
    {
        using var client = platform.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/governance/organisations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        await (await client.GetAsync("/api/governance/organisations")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_Authorization_header_passes_through_to_the_services()
    {
        using var client = platform.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await DecisionScenarioTests.DevelopmentToken(client, "governance-admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/governance/organisations")).StatusCode);
        // the service checks the role itself: governance-admin is not a meetings secretary
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJson("/api/meetings/meetings",
            new { bodyId = Guid.NewGuid(), startsAt = "2026-12-01T10:00:00Z" })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_not_a_server_error()
    {
        using var client = platform.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await DecisionScenarioTests.DevelopmentToken(client, "governance-admin"));
        await (await client.PostRaw("/api/governance/organisations", "{\"name\": [1,2")).Problem(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/governance/bodies/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("{\"roles\":")]
    [InlineData("{\"roles\":\"not-a-list\"}")]
    [InlineData("{\"organisationId\":\"not-a-guid\"}")]
    [InlineData("null")]
    public async Task The_development_token_endpoint_answers_bad_input_with_a_problem(string body)
    {
        using var client = platform.Client();
        await (await client.PostRaw("/api/dev/token", body)).Problem(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Anonymous_requests_are_rate_limited_with_a_problem()
    {
        using var client = platform.ClientFrom(IPAddress.Parse("127.0.0.2"));
        HttpResponseMessage? limited = null;
        for (var i = 0; i < PlatformFixture.AnonymousRequestsPerMinute + 5 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/governance/organisations");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.NotNull(limited);
        await limited.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(limited.Headers.RetryAfter is not null, "429 without Retry-After");

        // an authenticated user is not limited by the anonymous budget
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Http.Token("governance-admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/governance/organisations")).StatusCode);
    }
}
