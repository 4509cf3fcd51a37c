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

    /// <summary>Asserts a 400 validation problem naming exactly <paramref name="fields"/>; returns its errors.</summary>
    public static async Task<JsonObject> ValidationProblem(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(fields.Order(), errors.Select(e => e.Key).Order());
        foreach (var field in fields) Assert.NotEmpty(errors[field]!.AsArray());
        return errors;
    }

    /// <summary>The links of the answer's RFC 8288 <c>Link</c> header, by relation (<c>next</c>, <c>prev</c>, <c>first</c>, <c>last</c>).</summary>
    public static IReadOnlyDictionary<string, string> Links(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? System.Text.RegularExpressions.Regex.Matches(string.Join(", ", values), "<([^>]*)>;\\s*rel=\"([^\"]*)\"")
                .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value)
            : new Dictionary<string, string>();

    /// <summary>The answer's <c>X-Total-Count</c> (fails when there is none).</summary>
    public static long TotalCount(this HttpResponseMessage response) =>
        long.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks a list endpoint against the platform's paging convention: with <c>limit=1</c> it answers 200 with
    /// <c>X-Total-Count</c> and a <c>Link</c> header (first, next when there is more than one item, last; no prev), each
    /// link the same path with the request's own query parameters and the limit; <paramref name="maxLimit"/> is accepted,
    /// one more, 0 or page 0 are validation problems naming the field, and a page that is not a number is a 400 problem.
    /// </summary>
    public static async Task AssertPagedList(this HttpClient client, string url, int maxLimit = 500)
    {
        static string With(string url, string query) => url + (url.Contains('?') ? '&' : '?') + query;
        var response = await client.GetAsync(With(url, "limit=1"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var total = response.TotalCount();
        var links = response.Links();
        Assert.Equal(["first", .. total > 1 ? new[] { "next" } : [], "last"], links.Keys);
        var (path, query) = (url.Split('?')[0], url.Contains('?') ? url.Split('?')[1] : null);
        Assert.All(links.Values, link =>
        {
            Assert.StartsWith(path + "?", link);
            if (query is not null) Assert.Contains(query, link); // the list's own filters are kept
            Assert.Contains("limit=1&page=", link);
        });
        Assert.EndsWith($"page={Math.Max(1, total)}", links["last"]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(With(url, $"limit={maxLimit}"))).StatusCode);
        await (await client.GetAsync(With(url, $"limit={maxLimit + 1}"))).ValidationProblem("limit");
        await (await client.GetAsync(With(url, "limit=0"))).ValidationProblem("limit");
        await (await client.GetAsync(With(url, "page=0"))).ValidationProblem("page");
        await (await client.GetAsync(With(url, "limit=0&page=0"))).ValidationProblem("limit", "page");
        await (await client.GetAsync(With(url, "page=first"))).Problem(HttpStatusCode.BadRequest);
    }

    /// <summary>Every item of a paged list: its first page (<paramref name="url"/>) and each <c>rel="next"</c> after it.</summary>
    public static async Task<JsonArray> AllPages(this HttpClient client, string url)
    {
        var all = new JsonArray();
        for (string? next = url; next is not null;)
        {
            var response = await client.GetAsync(next);
            foreach (var item in (await response.Json(HttpStatusCode.OK)).AsArray().ToList()) all.Add(item?.DeepClone());
            next = response.Links().GetValueOrDefault("next");
        }
        return all;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? throw new InvalidOperationException("The response has no ETag");

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
