using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// A second gateway process in front of the platform's services, as it runs outside Development (<c>Staging</c>: no
/// development token endpoint, a configured signing key, HSTS), with a small per-user budget a test can spend without
/// touching the budgets of the platform's own gateway, which every other test uses. Its load balancer is 127.0.0.86.
/// </summary>
public sealed class StagingGateway(PlatformFixture platform) : IAsyncLifetime
{
    public const int AuthenticatedRequestsPerMinute = 20;
    public static readonly IPAddress KnownProxy = IPAddress.Parse("127.0.0.86");

    private ServiceProcess? _process;

    public Uri Url => _process!.Url;

    public async ValueTask InitializeAsync()
    {
        var settings = platform.Services.ToDictionary(s => $"services__{s.Name}__http__0", s => s.Url.ToString());
        settings["ASPNETCORE_ENVIRONMENT"] = "Staging";
        // the development key and issuer, configured as production would configure its own: the services accept the tokens
        settings["Authentication__SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JwtAuthentication.DevelopmentSigningKey));
        settings["Authentication__Issuer"] = JwtAuthentication.DevelopmentIssuer;
        settings["Gateway__AuthenticatedRequestsPerMinute"] = AuthenticatedRequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        settings["Gateway__KnownProxies__0"] = KnownProxy.ToString();
        _process = ServiceProcess.Start("gateway-staging", "gateway", "CommunitySafety.Gateway", settings);
        await _process.WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }
}

/// <summary>Per-user rate limits and HSTS, at a gateway outside Development (<see cref="StagingGateway"/>).</summary>
public sealed class StagingGatewayTests(PlatformFixture platform, StagingGateway gateway) : IClassFixture<StagingGateway>
{
    private HttpClient Client(string source = "127.0.0.87") => platform.ClientFrom(IPAddress.Parse(source), gateway.Url);

    private static AuthenticationHeaderValue TokenOf(string subject) =>
        new("Bearer", JwtAuthentication.MintDevelopmentToken(subject, "Rate Test User", null, "governance-admin"));

    [Fact]
    public async Task Each_signed_in_user_has_a_budget_of_their_own_and_a_spent_one_is_a_429_problem_with_Retry_After()
    {
        using var client = Client();
        var spender = TokenOf("spender-" + Guid.NewGuid().ToString("N"));
        var served = 0;
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3 * StagingGateway.AuthenticatedRequestsPerMinute && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/governance/organisations") { Headers = { Authorization = spender } };
            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served++;
            }
        }
        Assert.NotNull(limited);
        // a bucket of 20 refilled at 20 a minute: one more may have come in while the first ones were answered
        Assert.InRange(served, StagingGateway.AuthenticatedRequestsPerMinute, StagingGateway.AuthenticatedRequestsPerMinute + 3);
        var problem = await limited.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Contains($"signed-in user may send {StagingGateway.AuthenticatedRequestsPerMinute} requests a minute", problem["detail"]!.GetValue<string>());
        Assert.Equal("User", problem["budget"]!.GetValue<string>());
        Assert.True(limited.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1),
            $"Retry-After: {limited.Headers.RetryAfter}");

        // another user from the same address is served, and so is an anonymous caller (the service answers 401)
        client.DefaultRequestHeaders.Authorization = TokenOf("other-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/governance/organisations")).StatusCode);
        client.DefaultRequestHeaders.Authorization = null;
        await (await client.GetAsync("/api/governance/organisations")).Problem(HttpStatusCode.Unauthorized);
    }

    private static HttpRequestMessage ForwardedHttps(string path) => new(HttpMethod.Get, path)
    {
        Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-Host", "csp.example.org" }, { "X-Forwarded-For", "203.0.113.30" } },
    };

    [Fact]
    public async Task Outside_Development_an_HTTPS_answer_carries_HSTS_and_in_Development_none_does()
    {
        using var balancer = Client(StagingGateway.KnownProxy.ToString());
        foreach (var path in new[] { "/health", "/api/meetings/calendar/public.ics" })
        {
            var https = await balancer.SendAsync(ForwardedHttps(path));
            Assert.Equal(HttpStatusCode.OK, https.StatusCode);
            Assert.Equal("max-age=31536000", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")));
        }
        // plain http (the balancer says nothing, or a client that is not the balancer says https): no HSTS
        Assert.False((await balancer.GetAsync("/health")).Headers.Contains("Strict-Transport-Security"));
        using var stranger = Client();
        Assert.False((await stranger.SendAsync(ForwardedHttps("/health"))).Headers.Contains("Strict-Transport-Security"));

        // the platform's gateway runs in Development: none even over https from its balancer
        using var development = platform.ClientFrom(PlatformFixture.KnownProxy);
        var answer = await development.SendAsync(ForwardedHttps("/health"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }
}
