using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>
/// The gateway as a test sets it: an answer per method and path (the query included when the test names one), and every
/// request the site sent, with its body and headers. Anything not set is a 404 problem, as the gateway would answer.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    public const string Address = "http://gateway.test";

    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, string?, HttpResponseMessage>> _answers = new();

    public ConcurrentQueue<(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization, string? ForwardedFor)> Requests { get; } = new();

    public void Reset()
    {
        _answers.Clear();
        Requests.Clear();
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (with a query: only that query) with JSON.</summary>
    public void Answer(HttpMethod method, string path, object? body, HttpStatusCode status = HttpStatusCode.OK,
        IDictionary<string, string>? headers = null) =>
        _answers[Key(method, path)] = (_, _) =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = body is null ? null : new StringContent(body as string ?? JsonSerializer.Serialize(body, GatewayClient.Json), Encoding.UTF8,
                    (int)status >= 400 ? "application/problem+json" : "application/json"),
            };
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response.Headers.TryAddWithoutValidation(name, value);
            return response;
        };

    public void Get(string path, object body) => Answer(HttpMethod.Get, path, body);

    /// <summary>Answers with a body as it is (a CSV report, say), of that content type.</summary>
    public void AnswerRaw(HttpMethod method, string path, string body, string contentType) =>
        _answers[Key(method, path)] = (_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, new System.Net.Http.Headers.MediaTypeHeaderValue(contentType.Split(';')[0]) { CharSet = "utf-8" }),
        };

    /// <summary>A ProblemDetails answer, as the services refuse.</summary>
    public void Refuse(HttpMethod method, string path, HttpStatusCode status, string rule, string detail, object? extensions = null)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = "urn:csp:problem:" + rule, ["title"] = "Refused by the rule " + rule, ["status"] = (int)status, ["detail"] = detail,
        };
        if (extensions is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extensions, GatewayClient.Json).EnumerateObject())
                problem[property.Name] = property.Value;
        Answer(method, path, problem, status);
    }

    public IEnumerable<(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization, string? ForwardedFor)> Sent(HttpMethod method, string pathStart) =>
        Requests.Where(r => r.Method == method && r.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        Requests.Enqueue((request.Method, uri.PathAndQuery, body, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("X-Forwarded-For", out var f) ? f.First() : null));
        if (_answers.TryGetValue(Key(request.Method, uri.PathAndQuery), out var exact) || _answers.TryGetValue(Key(request.Method, uri.AbsolutePath), out exact))
            return exact(request, body);
        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"type":"urn:csp:problem:not-found","title":"Not found","status":404}""", Encoding.UTF8, "application/problem+json"),
        };
    }

    protected override void Dispose(bool disposing)
    {
        // one instance for the whole run: HttpClientFactory's handler rotation must not dispose it (the base releases nothing)
        base.Dispose(disposing);
    }

    private static string Key(HttpMethod method, string path) => $"{method} {path}";
}
