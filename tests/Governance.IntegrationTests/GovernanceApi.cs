using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Governance's routes and the few set-up calls most tests need, each asserting its own success.</summary>
internal static class GovernanceApi
{
    public const string OrganisationsUrl = "/api/governance/organisations";
    public const string BodiesUrl = "/api/governance/bodies";

    public static string OrganisationUrl(Guid id) => $"{OrganisationsUrl}/{id}";
    public static string IsaUrl(Guid organisationId) => $"{OrganisationUrl(organisationId)}/isa";
    public static string IsaWithdrawUrl(Guid organisationId) => $"{IsaUrl(organisationId)}/withdraw";
    public static string BodyUrl(Guid id) => $"{BodiesUrl}/{id}";
    public static string MembersUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/members";
    public static string SubstitutesUrl(Guid bodyId, Guid membershipId) => $"{MembersUrl(bodyId)}/{membershipId}/substitutes";
    public static string EndUrl(Guid bodyId, Guid membershipId) => $"{MembersUrl(bodyId)}/{membershipId}/end";

    /// <summary>A name no other test uses: the database is shared by the whole run.</summary>
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    public static async Task<Guid> RegisterOrganisation(this HttpClient admin, string? name = null, string kind = "ResponsibleAuthority") =>
        await (await admin.PostJson(OrganisationsUrl, new { name = name ?? Unique("Organisation"), kind })).CreatedId();

    /// <summary>Signs the Information Sharing Agreement for the organisation; answers the new ETag.</summary>
    public static async Task<string> SignIsa(this HttpClient admin, Guid organisationId, string signedOn = "2025-04-01",
        string signedBy = "Jo Bloggs, Chief Executive")
    {
        var response = await admin.PostJson(IsaUrl(organisationId), new { signedOn, signedBy });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.ETag();
    }

    /// <summary>Withdraws the organisation from the Information Sharing Agreement; answers the new ETag.</summary>
    public static async Task<string> WithdrawIsa(this HttpClient admin, Guid organisationId, string reason = "Under review")
    {
        var response = await admin.PostJson(IsaWithdrawUrl(organisationId), new { reason });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.ETag();
    }

    /// <summary>GET an organisation: its JSON and its ETag.</summary>
    public static async Task<(JsonNode Organisation, string ETag)> ReadOrganisation(this HttpClient client, Guid organisationId)
    {
        var response = await client.GetAsync(OrganisationUrl(organisationId));
        var json = await response.Json(HttpStatusCode.OK);
        return (json, response.ETag());
    }

    public static async Task<Guid> CreateBody(this HttpClient admin, string? name = null, string kind = "WorkingGroup",
        string cadence = "Quarterly") =>
        await (await admin.PostJson(BodiesUrl, new { name = name ?? Unique("Body"), kind, cadence })).CreatedId();

    public static async Task<Guid> Appoint(this HttpClient admin, Guid bodyId, Guid organisationId, string personName,
        string role = "Member")
    {
        var response = await admin.PostJson(MembersUrl(bodyId), new { organisationId, personName, role });
        return (await response.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();
    }

    public static async Task<Guid> NameSubstitute(this HttpClient admin, Guid bodyId, Guid membershipId, string name)
    {
        var response = await admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name });
        return (await response.Json(HttpStatusCode.OK))["substituteId"]!.GetValue<Guid>();
    }

    /// <summary>POST without a body (the end-membership command has none), optionally with If-Match.</summary>
    public static Task<HttpResponseMessage> PostEmpty(this HttpClient client, string url, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>GET a body: its JSON and its ETag.</summary>
    public static async Task<(JsonNode Body, string ETag)> ReadBody(this HttpClient client, Guid bodyId)
    {
        var response = await client.GetAsync(BodyUrl(bodyId));
        var json = await response.Json(HttpStatusCode.OK);
        return (json, response.ETag());
    }

    public static JsonNode Member(this JsonNode body, Guid membershipId) =>
        body["members"]!.AsArray().Single(m => m!["membershipId"]!.GetValue<Guid>() == membershipId)!;

    /// <summary>
    /// Asserts the answer to a body that cannot be read as the command (malformed JSON, a wrong JSON type, an unknown
    /// enum name, <c>null</c>, nothing): a 400 problem of the platform's <c>bad-request</c> type, as
    /// <c>ProblemExceptionHandler</c> maps a <c>JsonException</c> and <c>FieldErrors.MissingBody</c> answers a null body.
    /// </summary>
    public static Task<JsonNode> UnreadableBodyProblem(this HttpResponseMessage response) =>
        response.Problem(HttpStatusCode.BadRequest, "bad-request");
}
