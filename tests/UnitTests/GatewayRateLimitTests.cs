using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The gateway's budgets: who is counted together, how much each may send, and what a 429 says.</summary>
public sealed class GatewayRateLimitTests
{
    private static readonly RateLimitOptions Options = new(AnonymousRequestsPerMinute: 30, AuthenticatedRequestsPerMinute: 20, QuestionSubmissionsPerHour: 10);

    private static HttpContext Request(string address, string? subject = null, bool signedIn = true)
    {
        var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
        if (subject is not null || signedIn)
        {
            Claim[] claims = subject is null ? [] : [new Claim(CspClaims.Subject, subject)];
            http.User = new ClaimsPrincipal(signedIn ? new ClaimsIdentity(claims, "Bearer") : new ClaimsIdentity(claims));
        }
        return http;
    }

    private static HttpContext Anonymous(string address) => Request(address, signedIn: false);

    private static int Granted(RateLimitPartition<string> partition, int attempts)
    {
        using var limiter = partition.Factory(partition.PartitionKey);
        return Enumerable.Range(0, attempts).Count(_ => limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Defaults_and_configured_budgets()
    {
        var defaults = RateLimitOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal(new RateLimitOptions(120, 30_000, 10), defaults);

        var configured = RateLimitOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AnonymousRequestsPerMinute"] = "60", ["AuthenticatedRequestsPerMinute"] = "500", ["QuestionSubmissionsPerHour"] = "3",
        }).Build());
        Assert.Equal(new RateLimitOptions(60, 500, 3), configured);
    }

    [Fact]
    public void The_default_user_budget_lets_the_benchmarks_one_user_through()
    {
        // tests/Benchmark: 16 connections, one token, at most ~2,000 reads/s measured here, for 3 s of warm-up and 10 s
        var partition = GatewayRateLimits.Public(Request("127.0.0.1", "benchmark"), RateLimitOptions.From(new ConfigurationBuilder().Build()));
        Assert.Equal(26_000, Granted(partition, 26_000)); // before any refill: the bucket alone holds the 13 s
    }

    [Fact]
    public void Signed_in_users_are_counted_by_subject_and_anonymous_callers_by_address()
    {
        var alice = GatewayRateLimits.Public(Request("10.0.0.1", "alice"), Options);
        var aliceElsewhere = GatewayRateLimits.Public(Request("10.0.0.2", "alice"), Options);
        var bob = GatewayRateLimits.Public(Request("10.0.0.1", "bob"), Options);
        var anonymous = GatewayRateLimits.Public(Anonymous("10.0.0.1"), Options);
        var noSubject = GatewayRateLimits.Public(Request("10.0.0.1"), Options);

        Assert.Equal("user:alice", alice.PartitionKey);
        Assert.Equal(alice.PartitionKey, aliceElsewhere.PartitionKey); // one budget wherever the user is
        Assert.Equal("user:bob", bob.PartitionKey);
        Assert.Equal("address:10.0.0.1", anonymous.PartitionKey);
        Assert.Equal("user-at:10.0.0.1", noSubject.PartitionKey); // a token without a subject: its address, apart from anonymous callers
        Assert.Equal(4, new[] { alice, bob, anonymous, noSubject }.Select(p => p.PartitionKey).Distinct().Count());
    }

    [Fact]
    public void A_user_gets_the_authenticated_budget_and_an_anonymous_caller_the_anonymous_one()
    {
        Assert.Equal(20, Granted(GatewayRateLimits.Public(Request("10.0.0.1", "alice"), Options), 100));
        Assert.Equal(30, Granted(GatewayRateLimits.Public(Anonymous("10.0.0.1"), Options), 100));
        Assert.Equal(10, Granted(GatewayRateLimits.QuestionSubmissions(Request("10.0.0.1", "alice"), Options), 100));
        Assert.Equal("user:alice", GatewayRateLimits.QuestionSubmissions(Request("10.0.0.1", "alice"), Options).PartitionKey);
        Assert.Equal("address:10.0.0.1", GatewayRateLimits.QuestionSubmissions(Anonymous("10.0.0.1"), Options).PartitionKey);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Zero_or_less_means_no_limit_for_signed_in_users(int perMinute)
    {
        var options = Options with { AuthenticatedRequestsPerMinute = perMinute };
        Assert.Equal(10_000, Granted(GatewayRateLimits.Public(Request("10.0.0.1", "alice"), options), 10_000));
        Assert.Equal(30, Granted(GatewayRateLimits.Public(Anonymous("10.0.0.1"), options), 100)); // anonymous callers still limited
    }

    [Fact]
    public void A_spent_user_budget_refills_over_the_minute_and_says_when_to_retry()
    {
        using var limiter = new TokenBucketRateLimiter(GatewayRateLimits.PerUser(20));
        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromMinutes(1),
            $"Retry-After {retryAfter}");
    }

    [Fact]
    public void A_refusal_names_the_budget_that_was_spent()
    {
        Assert.Contains("signed-in user may send 20 requests a minute", Options.Detail(RateLimitBudget.User));
        Assert.Contains("Anonymous clients may send 30 requests a minute from one address", Options.Detail(RateLimitBudget.AnonymousAddress));
        Assert.Contains("10 questions or observations an hour", Options.Detail(RateLimitBudget.QuestionSubmissions));
    }
}
