using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;

namespace CommunitySafety.Web.Api;

/// <summary>
/// The services' API as the site calls it: through the gateway (<c>services:gateway:http:0</c>), on behalf of the user
/// whose page is being rendered — their access token from the sign-in cookie, or none for a resident — so every service
/// sees the real user (ISA gating, audit, clerks' bodies). The browser never holds the token.
/// </summary>
public sealed class GatewayClient(HttpClient http, ILogger<GatewayClient> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ApiResult<T>> Get<T>(string path, CancellationToken ct) => Send<T>(new HttpRequestMessage(HttpMethod.Get, path), ct);

    /// <summary>A read with a token of the site's own (Development's demonstration sign-in), not the user's.</summary>
    public Task<ApiResult<T>> GetAs<T>(string token, string path, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return Send<T>(request, ct);
    }

    public Task<ApiResult<T>> Post<T>(string path, object? body, CancellationToken ct, string? ifMatch = null) =>
        Send<T>(Request(HttpMethod.Post, path, body, ifMatch), ct);

    public Task<ApiResult<T>> Put<T>(string path, object? body, CancellationToken ct) => Send<T>(Request(HttpMethod.Put, path, body, null), ct);

    /// <summary>A write whose answer has no body the page needs (204, or 201 with an id it ignores).</summary>
    public async Task<Problem?> Send(HttpMethod method, string path, object? body, CancellationToken ct) =>
        (await Send<JsonElement>(Request(method, path, body, null), ct)).Problem;

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task<ApiResult<T>> Send<T>(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "{Method} {Path}: the gateway did not answer", request.Method, request.RequestUri);
            return Problem.Unavailable;
        }
        using (response)
        {
            var etag = response.Headers.ETag?.Tag;
            var total = response.Headers.TryGetValues("X-Total-Count", out var totals) && int.TryParse(totals.FirstOrDefault(), out var t) ? t : (int?)null;
            if (!response.IsSuccessStatusCode)
            {
                var problem = Problem.From(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                if (problem.Status >= 500)
                    logger.LogWarning("{Method} {Path} answered {Status} {Rule}", request.Method, request.RequestUri?.AbsolutePath, problem.Status, problem.Rule);
                return new ApiResult<T>(default, problem, etag, total);
            }
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                return new ApiResult<T>(default, null, etag, total);
            return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null, etag, total);
        }
    }
}

/// <summary>
/// Puts the signed-in user's access token on every call to the gateway, and the resident's own address in
/// <c>X-Forwarded-For</c>, so that the gateway (which trusts the site as a proxy: <c>Gateway:KnownProxies</c>) counts an
/// anonymous resident's requests against their own budget, not everybody's.
/// </summary>
public sealed class ForwardTheUser(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http)
        {
            if (request.Headers.Authorization is null && http.User.Identity?.IsAuthenticated == true
                && await http.GetTokenAsync(SignIn.AccessTokenName) is { Length: > 0 } token)
                request.Headers.Authorization = new("Bearer", token);
            if (http.Connection.RemoteIpAddress is { } address)
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
