using System.Net;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// An error is answered with an RFC 9457 problem whatever the request's Accept asks for (found by the fuzz test of
/// issue 6: with <c>Accept: text/html</c> a command got a <c>text/plain</c> "Status Code: 406" page, and a refused
/// read an empty body). ServiceDefaults' fallback problem writer covers every service and the gateway.
/// </summary>
public sealed class AcceptTests(GovernanceFixture fixture)
{
    public static TheoryData<string> Accepts => new() { "text/html", "image/png", "application/xml" };

    private HttpRequestMessage Request(HttpMethod method, string url, string accept, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    [Theory, MemberData(nameof(Accepts))]
    public async Task A_command_that_cannot_answer_in_the_accepted_type_is_a_406_problem(string accept)
    {
        var response = await fixture.Client(GovernanceRoles.Admin).SendAsync(Request(HttpMethod.Post, OrganisationsUrl, accept,
            """{"name":"Kent Police","kind":"ResponsibleAuthority"}"""));
        await response.Problem(HttpStatusCode.NotAcceptable);
        // Wolverine negotiates before it reads the body: unreadable input gets the same answer
        await (await fixture.Client(GovernanceRoles.Admin).SendAsync(Request(HttpMethod.Post, OrganisationsUrl, accept, """{"name":[1,2""")))
            .Problem(HttpStatusCode.NotAcceptable);
    }

    [Theory, MemberData(nameof(Accepts))]
    public async Task Unknown_ids_missing_tokens_refused_roles_and_wrong_methods_are_problems_whatever_the_accept(string accept)
    {
        var admin = fixture.Client(GovernanceRoles.Admin);
        await (await admin.SendAsync(Request(HttpMethod.Get, OrganisationUrl(Guid.NewGuid()), accept))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await fixture.Client().SendAsync(Request(HttpMethod.Get, OrganisationsUrl, accept))).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Client("meetings-clerk").SendAsync(Request(HttpMethod.Post, OrganisationsUrl, accept, "{}")))
            .Problem(HttpStatusCode.Forbidden);
        await (await admin.SendAsync(Request(HttpMethod.Put, OrganisationsUrl, accept))).Problem(HttpStatusCode.MethodNotAllowed);
    }
}

/// <summary>Text PostgreSQL cannot store in jsonb (NUL) or that is no text at all (lone surrogates) is refused as input.</summary>
public sealed class NastyTextTests(GovernanceFixture fixture)
{
    [Theory]
    [InlineData("""{"name":"a\u0000b","kind":"ResponsibleAuthority"}""")]
    [InlineData("""{"name":"\u0000","kind":"ResponsibleAuthority"}""")]
    [InlineData("""{"name":"a\ud800b","kind":"ResponsibleAuthority"}""")]
    [InlineData("""{"name":"\u001f","kind":"ResponsibleAuthority"}""")]
    public async Task A_name_of_control_characters_or_broken_unicode_is_a_400_problem(string json)
    {
        var response = await fixture.Client(GovernanceRoles.Admin).PostRaw(OrganisationsUrl, json);
        await response.Problem(HttpStatusCode.BadRequest);
    }
}
