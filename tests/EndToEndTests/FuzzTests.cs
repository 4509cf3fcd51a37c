using CommunitySafety.Contracts;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// Issue 6: at least 10,000 generated malformed requests across every operation of every service's OpenAPI document,
/// through the gateway. Every answer must be a 2xx or an RFC 9457 problem (application/problem+json with status and
/// title); never a 5xx. Generation is deterministic: <c>FUZZ_SEED</c> picks another seed, and a failure names the seed
/// and the request's index so it can be replayed.
/// </summary>
public sealed class FuzzTests(PlatformFixture platform)
{
    private const int Requests = 10_400;
    private const int Concurrency = 8;
    private const int DefaultSeed = 6;

    private static readonly string[] AllRoles =
    [
        "governance-admin", "organisation-admin", "meetings-secretary", "case-worker", "panel-chair", "partnership-admin",
        "funding-officer", "finance-officer", "bidder",
    ];

    private static readonly string[] Services = [.. Platform.Services.Select(s => s.Name)];

    [Fact]
    public async Task Malformed_requests_to_every_endpoint_are_answered_with_a_problem_never_a_server_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : DefaultSeed;
        using var user = platform.Client().WithTokenFor(Guid.NewGuid(), AllRoles);
        // Callers without a valid token are anonymous to the gateway's rate limiter: each kind comes from a loopback
        // address of its own, so that none of them spends the budget of 127.0.0.1 the other tests use.
        var unauthenticated = new[] { FuzzCaller.Anonymous, FuzzCaller.GarbageToken, FuzzCaller.ExpiredToken, FuzzCaller.WrongKeyToken }
            .Select((caller, i) => (caller, client: platform.ClientFrom(IPAddress.Parse($"127.0.0.{77 + i}"))))
            .ToDictionary(c => c.caller, c => c.client);
        using var _ = new Disposables(unauthenticated.Values);
        HttpClient ClientFor(FuzzCaller caller) => caller == FuzzCaller.AllRoles ? user : unauthenticated[caller];

        var operations = new List<FuzzOperation>();
        foreach (var service in Services)
        {
            var document = await (await user.GetAsync($"/openapi/{service}.json")).Json(HttpStatusCode.OK);
            operations.AddRange(RequestFuzzer.Operations(service, document));
        }
        Assert.True(operations.Count >= 40, $"only {operations.Count} operations found in the OpenAPI documents");

        var tokens = new Dictionary<FuzzCaller, string?>
        {
            [FuzzCaller.AllRoles] = null,
            [FuzzCaller.Anonymous] = null,
            [FuzzCaller.GarbageToken] = "not-a-token",
            [FuzzCaller.ExpiredToken] = ExpiredToken(),
            [FuzzCaller.WrongKeyToken] = JwtAuthentication.MintToken(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))),
                "intruder", "Intruder", Guid.NewGuid(), AllRoles, TimeSpan.FromHours(1)),
        };

        var failures = new ConcurrentBag<(FuzzRequest Request, int Status, string Reason)>();
        // Warm-up, one operation at a time: each service generates an endpoint's code on its first request (seconds
        // each on a busy machine). These answers are judged like any other.
        for (var i = 0; i < operations.Count; i++)
        {
            var request = RequestFuzzer.Generate(seed, i, operations, kind: 0);
            var (status, reason) = await SendAndJudge(request, ClientFor(request.Caller), tokens);
            if (reason is not null) failures.Add((request, status, reason));
        }
        var suspicious = new ConcurrentBag<(FuzzRequest Request, int Status)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (index, _) =>
            {
                var request = RequestFuzzer.Generate(seed, index, operations);
                var (status, reason) = await SendAndJudge(request, ClientFor(request.Caller), tokens);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (reason is not null) failures.Add((request, status, reason));
                else if (status is >= 200 and < 300 && request.Malformed) suspicious.Add((request, status));
            });
        clock.Stop();

        var sent = statuses.Values.Sum() + operations.Count;
        var summary = $"seed {seed} (FUZZ_SEED), {sent} requests ({operations.Count} of them warm-up) to {operations.Count} operations; {Requests} in {clock.Elapsed.TotalSeconds:F0} s; "
                      + $"statuses: {string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}";
        WriteReport(summary, failures, suspicious);
        Assert.True(sent >= 10_000, summary);
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were server errors or not problems. {summary}\n" + Grouped(failures));
    }

    private static async Task<(int Status, string? Reason)> SendAndJudge(FuzzRequest fuzz, HttpClient client,
        IReadOnlyDictionary<FuzzCaller, string?> tokens)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }
        if (tokens[fuzz.Caller] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in fuzz.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"no answer: {e.GetType().Name} {e.Message}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500) return (status, "server error: " + FuzzRequest.Clip(text, 300));
            if (status is >= 200 and < 300) return (status, null);
            if (fuzz.Method == "HEAD") return (status, response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? null : $"content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}");
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return (status, $"content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}: {FuzzRequest.Clip(text, 300)}");
            try
            {
                var problem = JsonNode.Parse(text);
                if (problem?["status"]?.GetValue<int>() != status) return (status, "problem without the right status: " + FuzzRequest.Clip(text, 300));
                if (problem["title"]?.GetValue<string>() is not { Length: > 0 }) return (status, "problem without a title: " + FuzzRequest.Clip(text, 300));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return (status, "problem body is not a problem: " + FuzzRequest.Clip(text, 300));
            }
            return (status, null);
        }
    }

    /// <summary>A token signed with the development key but expired an hour ago.</summary>
    private static string ExpiredToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = JwtAuthentication.DevelopmentIssuer,
        Audience = JwtAuthentication.DefaultAudience,
        Claims = new Dictionary<string, object> { [CspClaims.Subject] = "expired", [CspClaims.Role] = AllRoles },
        NotBefore = DateTime.UtcNow.AddHours(-2),
        IssuedAt = DateTime.UtcNow.AddHours(-2),
        Expires = DateTime.UtcNow.AddHours(-1),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtAuthentication.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>The distinct failures by method, path template and status, with one example request each.</summary>
    private static string Grouped(IEnumerable<(FuzzRequest Request, int Status, string Reason)> failures, int groups = 30) =>
        string.Join("\n", failures
            .GroupBy(f => (f.Request.Method, f.Request.PathTemplate, f.Status))
            .OrderBy(g => g.Key.PathTemplate).ThenBy(g => g.Key.Method)
            .Take(groups)
            .Select(g =>
            {
                var example = g.OrderBy(f => f.Request.Index).First();
                return $"- {g.Key.Method} {g.Key.PathTemplate} → {g.Key.Status} ×{g.Count()}: {example.Reason}\n    e.g. {example.Request.Describe()}";
            }));

    /// <summary>With <c>FUZZ_REPORT</c> set, writes every failure and every 2xx to a malformed request to that file.</summary>
    private static void WriteReport(string summary, IEnumerable<(FuzzRequest Request, int Status, string Reason)> failures,
        IEnumerable<(FuzzRequest Request, int Status)> suspicious)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is not { Length: > 0 } path) return;
        var report = new StringBuilder(summary).AppendLine().AppendLine().AppendLine("FAILURES").AppendLine(Grouped(failures, int.MaxValue));
        report.AppendLine().AppendLine("2xx TO MALFORMED REQUESTS");
        foreach (var g in suspicious.GroupBy(x => (x.Request.Method, x.Request.PathTemplate, x.Request.Kind.Split('=')[0])).OrderBy(g => g.Key.PathTemplate))
            report.AppendLine(CultureInfo.InvariantCulture, $"- {g.Key.Method} {g.Key.PathTemplate} ×{g.Count()}: {g.First().Status} {g.First().Request.Describe()}");
        File.WriteAllText(path, report.ToString());
    }

    private sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items) item.Dispose();
        }
    }
}
