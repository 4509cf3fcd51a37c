using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.TestSupport;

/// <summary>Small helpers for tests that talk HTTP to the services or the gateway.</summary>
public static class Http
{
    public static string Token(params string[] roles) => TokenFor(null, roles);

    /// <summary>A development token for a user of the given organisation (the <c>org</c> claim).</summary>
    public static string TokenFor(Guid? organisationId, params string[] roles) =>
        JwtAuthentication.MintDevelopmentToken($"user-of-{organisationId?.ToString() ?? "none"}", "Test User", organisationId, roles);

    public static HttpClient WithToken(this HttpClient client, params string[] roles) => client.WithTokenFor(null, roles);

    /// <summary>A meeting clerk's token: role <c>meetings-clerk</c> with one <c>body</c> claim per body they manage.</summary>
    public static HttpClient WithClerkToken(this HttpClient client, params Guid[] bodies)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JwtAuthentication.MintDevelopmentToken(
            "clerk", "Test Clerk", null, ["meetings-clerk"], new Dictionary<string, string[]> { ["body"] = [.. bodies.Select(b => b.ToString())] }));
        return client;
    }

    public static HttpClient WithTokenFor(this HttpClient client, Guid? organisationId, params string[] roles)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(organisationId, roles));
        return client;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body, string? ifMatch = null) =>
        client.Send(HttpMethod.Post, url, JsonContent.Create(body), ifMatch);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string raw, string contentType = "application/json") =>
        client.Send(HttpMethod.Post, url, new StringContent(raw, Encoding.UTF8, contentType));

    /// <summary>A request with a JSON body, sent with its <c>Content-Length</c> or, <paramref name="chunked"/>, without one.</summary>
    public static HttpRequestMessage JsonRequest(HttpMethod method, string url, string json, bool chunked = false)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        return request;
    }

    /// <summary>An organisation to register, exactly <paramref name="bytes"/> of JSON (its name far too long to be valid).</summary>
    public static string OrganisationOfSize(int bytes)
    {
        var empty = JsonSerializer.Serialize(new { kind = "CooperatingBody", name = "" });
        return JsonSerializer.Serialize(new { kind = "CooperatingBody", name = new string('x', bytes - empty.Length) });
    }

    private static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, HttpContent content, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task<Guid> CreatedId(this HttpResponseMessage response) =>
        (await response.Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    /// <summary>Asserts an RFC 9457 problem answer with the given status (and type, when given).</summary>
    public static async Task<JsonNode> Problem(this HttpResponseMessage response, HttpStatusCode status, string? rule = null)
    {
        var body = await response.Json(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        if (rule is not null) Assert.Equal(Problems.TypeFor(rule), body["type"]!.GetValue<string>());
        return body;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? throw new InvalidOperationException("The response has no ETag");

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
