using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The gateway as the public edge: links name it, not a service; security headers on every answer; a problem for a
/// path with control characters; X-Forwarded-For believed only from its known proxy (<see cref="PlatformFixture.KnownProxy"/>,
/// 127.0.0.85). Other clients here come from 127.0.0.83–84, addresses no other test uses.
/// </summary>
public sealed class EdgeTests(PlatformFixture platform)
{
    private string GatewayOrigin => platform.Gateway.Url.GetLeftPart(UriPartial.Authority);

    /// <summary>The URL of <paramref name="meeting"/>'s entry in the public iCalendar feed (folded lines unfolded).</summary>
    private static async Task<string> FeedUrl(HttpClient client, Guid meeting, Action<HttpRequestMessage>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/meetings/calendar/public.ics");
        headers?.Invoke(request);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "").Split("\r\n");
        return Assert.Single(lines, l => l.StartsWith("URL:", StringComparison.Ordinal) && l.EndsWith($"/meetings/{meeting}", StringComparison.Ordinal))["URL:".Length..];
    }

    [Fact]
    public async Task Calendar_links_and_Location_headers_name_the_gateway_or_the_load_balancer_in_front_of_it()
    {
        using var secretary = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var nem = await MeetingsScenarioTests.Body(secretary, "Neighbourhood Engagement Meeting", "NeighbourhoodEngagement", "Quarterly");
        var created = await secretary.PostJson("/api/meetings/meetings",
            new { bodyId = nem, area = "North", startsAt = DateTimeOffset.UtcNow.AddDays(2), location = "Gravesend Civic Centre" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.CreatedId();
        // the Location resolves against the address the client used: the gateway's
        Assert.Equal($"{GatewayOrigin}/api/meetings/meetings/{meeting}", new Uri(platform.Gateway.Url, created.Headers.Location!).ToString());

        // through the gateway: its scheme, host and port (not Meetings' own address)
        using var resident = platform.Client();
        Assert.Equal($"{GatewayOrigin}/meetings/{meeting}", await FeedUrl(resident, meeting));

        // a client cannot choose the host of the links: the gateway replaces its X-Forwarded-*
        static void Spoofed(HttpRequestMessage r)
        {
            r.Headers.Add("X-Forwarded-Host", "evil.example");
            r.Headers.Add("X-Forwarded-Proto", "https");
        }
        using var stranger = platform.ClientFrom(IPAddress.Parse("127.0.0.84"));
        Assert.Equal($"{GatewayOrigin}/meetings/{meeting}", await FeedUrl(stranger, meeting, Spoofed));

        // the load balancer the gateway knows says the public address: the links carry it through to Meetings
        using var balancer = platform.ClientFrom(PlatformFixture.KnownProxy);
        Assert.Equal($"https://csp.example.org/meetings/{meeting}", await FeedUrl(balancer, meeting, r =>
        {
            r.Headers.Add("X-Forwarded-Host", "csp.example.org");
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.20");
        }));
    }

    [Fact]
    public async Task A_prefix_the_load_balancer_serves_the_platform_under_is_in_the_links_services_build()
    {
        // the known load balancer serves the platform at https://csp.example.org/csp/ and strips /csp before the gateway
        static void UnderPrefix(HttpRequestMessage r)
        {
            r.Headers.Add("X-Forwarded-Prefix", "/csp");
            r.Headers.Add("X-Forwarded-Host", "csp.example.org");
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.21");
        }
        using var balancer = platform.ClientFrom(PlatformFixture.KnownProxy).WithToken("governance-admin", "meetings-secretary");
        var nem = await MeetingsScenarioTests.Body(balancer, "Neighbourhood Engagement Meeting", "NeighbourhoodEngagement", "Quarterly");
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/meetings")
        {
            Content = JsonContent.Create(new { bodyId = nem, area = "East", startsAt = DateTimeOffset.UtcNow.AddDays(3), location = "Margate Winter Gardens" }),
        };
        UnderPrefix(create);
        var created = await balancer.SendAsync(create);
        var meeting = await created.CreatedId();
        // a 201's Location, resolved against the public address the client used, names the resource there
        Assert.Equal($"/csp/api/meetings/meetings/{meeting}", created.Headers.Location?.OriginalString);
        Assert.Equal($"https://csp.example.org/csp/api/meetings/meetings/{meeting}",
            new Uri(new Uri("https://csp.example.org/csp/api/meetings/meetings"), created.Headers.Location!).ToString());

        using var resident = platform.ClientFrom(PlatformFixture.KnownProxy);
        Assert.Equal($"https://csp.example.org/csp/meetings/{meeting}", await FeedUrl(resident, meeting, UnderPrefix));

        // from anyone else the prefix is ignored, as the other forwarded headers are
        using var stranger = platform.ClientFrom(IPAddress.Parse("127.0.0.84"));
        Assert.Equal($"{GatewayOrigin}/meetings/{meeting}", await FeedUrl(stranger, meeting, UnderPrefix));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_1_MiB_is_a_413_problem_at_the_gateway_and_at_each_service(bool chunked)
    {
        const int MiB = 1024 * 1024;
        Assert.Equal(2 * MiB, Encoding.UTF8.GetByteCount(Http.OrganisationOfSize(2 * MiB)));
        using var client = platform.Client().WithToken("governance-admin");
        var refused = await client.SendAsync(Http.JsonRequest(HttpMethod.Post, "/api/governance/organisations", Http.OrganisationOfSize(2 * MiB), chunked));
        var problem = await refused.Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Contains("at most 1,048,576 bytes", problem["detail"]!.GetValue<string>());
        AssertSecurityHeaders(refused, "default-src 'none'");

        // a service refuses it too (reached without the gateway)
        using var direct = new HttpClient { BaseAddress = platform.Governance.Url }.WithToken("governance-admin");
        await (await direct.SendAsync(Http.JsonRequest(HttpMethod.Post, "/api/governance/organisations", Http.OrganisationOfSize(2 * MiB), chunked)))
            .Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");

        // 900 KiB is not refused for its size: Governance reads it and finds the name too long
        await (await client.SendAsync(Http.JsonRequest(HttpMethod.Post, "/api/governance/organisations", Http.OrganisationOfSize(900 * 1024), chunked)))
            .Problem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Draft_minutes_may_be_larger_than_the_limit_of_every_other_request()
    {
        using var secretary = platform.Client().WithToken("meetings-secretary");
        // 112 sections of 19,000 characters: over 2 MiB of valid minutes, passed on by the gateway and read by Meetings,
        // which knows no such meeting
        var minutes = JsonSerializer.Serialize(new { sections = Enumerable.Range(0, 112).Select(_ => new { text = new string('m', 19_000) }) });
        Assert.True(minutes.Length > 2 * 1024 * 1024);
        var response = await secretary.SendAsync(Http.JsonRequest(HttpMethod.Put, $"/api/meetings/meetings/{Guid.NewGuid()}/minutes", minutes, chunked: false));
        await response.Problem(HttpStatusCode.NotFound, "not-found");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string contentSecurityPolicy)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains(contentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }

    [Fact]
    public async Task Every_answer_has_the_security_headers_and_none_names_the_server()
    {
        using var client = platform.Client().WithToken("governance-admin");
        // a service's answer, its problem, the gateway's own answer and the API reference page
        var api = await client.GetAsync("/api/governance/organisations");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        AssertSecurityHeaders(api, "default-src 'none'");
        var problem = await client.GetAsync($"/api/governance/bodies/{Guid.NewGuid()}");
        await problem.Problem(HttpStatusCode.NotFound, "not-found");
        AssertSecurityHeaders(problem, "default-src 'none'");
        AssertSecurityHeaders(await client.GetAsync("/health"), "default-src 'none'");
        var page = await client.GetAsync("/scalar/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(page, "script-src 'self' 'unsafe-inline'");
        // the page's own script, loaded from the gateway as the policy allows
        AssertSecurityHeaders(await client.GetAsync("/scalar/scalar.js"), "default-src 'none'");
    }

    [Theory]
    [InlineData("%01", "U+0001")]
    [InlineData("%0A", "U+000A")]
    [InlineData("a%1Fb", "U+001F")]
    [InlineData("%7F", "U+007F")]
    public async Task A_path_with_a_control_character_is_a_problem_at_the_gateway(string segment, string named)
    {
        using var client = platform.Client().WithToken("governance-admin");
        var response = await client.GetAsync($"/api/governance/bodies/{segment}");
        var problem = await response.Problem(HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains(named, problem["detail"]!.GetValue<string>());
        AssertSecurityHeaders(response, "default-src 'none'");
    }

    [Fact]
    public async Task A_NUL_in_the_path_is_refused_by_Kestrel_before_the_gateway_sees_it()
    {
        // Kestrel rejects a request target that decodes to a NUL ("Invalid request target") while parsing the request
        // line, before any middleware: an empty 400 and the connection closed (README, "API"). Pinned so that a Kestrel
        // that lets it through is noticed: then the gateway's check answers it with a problem like the others.
        using var client = platform.Client();
        var response = await client.GetAsync("/api/governance/bodies/%00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.ConnectionClose);
    }

    private static object Question => new { kind = "Question", text = "Who mends the fence on Watling Street?" };

    private static HttpRequestMessage Submission(string forwardedFor) =>
        new(HttpMethod.Post, $"/api/meetings/meetings/{Guid.NewGuid()}/questions")
        {
            Content = JsonContent.Create(Question),
            Headers = { { "X-Forwarded-For", forwardedFor } },
        };

    [Fact]
    public async Task X_Forwarded_For_chooses_the_rate_limit_partition_only_from_the_known_proxy()
    {
        // an unknown peer naming a new client address each time still spends its own budget
        using var stranger = platform.ClientFrom(IPAddress.Parse("127.0.0.83"));
        for (var i = 0; i < QuestionRateLimitTests.QuestionSubmissionsPerHour; i++)
            await (await stranger.SendAsync(Submission($"203.0.113.{i + 1}"))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await stranger.SendAsync(Submission("203.0.113.99"))).Problem(HttpStatusCode.TooManyRequests, "rate-limited");

        // the load balancer's clients each have their own
        using var balancer = platform.ClientFrom(PlatformFixture.KnownProxy);
        for (var i = 0; i < QuestionRateLimitTests.QuestionSubmissionsPerHour; i++)
            await (await balancer.SendAsync(Submission("198.51.100.7"))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await balancer.SendAsync(Submission("198.51.100.7"))).Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        await (await balancer.SendAsync(Submission("198.51.100.8"))).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
