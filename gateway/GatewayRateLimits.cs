using System.Globalization;
using System.Threading.RateLimiting;
using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Gateway;

/// <summary>The budget a request is counted against (and that a 429 names).</summary>
public enum RateLimitBudget { AnonymousAddress, User, QuestionSubmissions }

/// <summary>
/// The gateway's per-client budgets (section <c>Gateway</c>). <see cref="AuthenticatedRequestsPerMinute"/> of 0 or less
/// means no limit for signed-in users.
/// </summary>
/// <param name="AnonymousRequestsPerMinute">Per client address, for requests without a token: a bucket of this many requests, refilled at this many a minute.</param>
/// <param name="AuthenticatedRequestsPerMinute">
/// Per user (the token's subject): a bucket of this many requests, refilled at this many a minute. The default, 30,000,
/// is far above any person's use (a page of the web client is tens of requests) and lets the benchmark's one user through:
/// 16 connections at up to ~2,000 requests/s for 3 s of warm-up and 10 s of measuring are at most ~26,000 requests, within
/// one bucket (30,000, plus 6,500 refilled over the 13 s). One token (a runaway integration, a stolen token) gets at most
/// 500 requests/s sustained; a burst above that lasts until the bucket is empty (20 s at 2,000 requests/s).
/// </param>
/// <param name="QuestionSubmissionsPerHour">Per user, or per client address without a token: how many public questions or observations may be submitted in an hour.</param>
public sealed record RateLimitOptions(int AnonymousRequestsPerMinute, int AuthenticatedRequestsPerMinute, int QuestionSubmissionsPerHour)
{
    public const int DefaultAnonymousRequestsPerMinute = 120;
    public const int DefaultAuthenticatedRequestsPerMinute = 30_000;
    public const int DefaultQuestionSubmissionsPerHour = 10;

    public static RateLimitOptions From(IConfiguration gateway) => new(
        gateway.GetValue(nameof(AnonymousRequestsPerMinute), DefaultAnonymousRequestsPerMinute),
        gateway.GetValue(nameof(AuthenticatedRequestsPerMinute), DefaultAuthenticatedRequestsPerMinute),
        gateway.GetValue(nameof(QuestionSubmissionsPerHour), DefaultQuestionSubmissionsPerHour));

    /// <summary>What a 429 says: which budget was spent.</summary>
    public string Detail(RateLimitBudget budget) => budget switch
    {
        RateLimitBudget.QuestionSubmissions => $"A client may submit {QuestionSubmissionsPerHour} questions or observations an hour. Retry later.",
        RateLimitBudget.User => $"A signed-in user may send {AuthenticatedRequestsPerMinute} requests a minute, and this user's budget is spent. Retry later.",
        _ => $"Anonymous clients may send {AnonymousRequestsPerMinute} requests a minute from one address. Authenticate or retry later.",
    };
}

/// <summary>
/// Rate limits of the public routes, partitioned by who is asking: a signed-in user by the token's subject (or, for a
/// token without one, the client address), an anonymous caller by the client address (X-Forwarded-For only from a
/// known load balancer: <see cref="GatewayEdge"/>). Residents' question submissions have a budget of their own.
/// </summary>
public static class GatewayRateLimits
{
    public const string PublicPolicy = "public";
    public const string QuestionSubmissionsPolicy = "question-submissions";
    private const string BudgetItem = "rate-limit-budget";

    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        var options = RateLimitOptions.From(builder.Configuration.GetSection(GatewayEdge.Section));
        var internalPort = GatewayWebClient.InternalPort(builder.Configuration.GetSection(GatewayEdge.Section));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicPolicy, http => GatewayWebClient.IsInternal(http, internalPort) && !IsAuthenticated(http)
                // the web client calling for an anonymous resident: the page request that caused it was counted
                ? RateLimitPartition.GetNoLimiter("web-client")
                : Public(http, options));
            o.AddPolicy(QuestionSubmissionsPolicy, http => QuestionSubmissions(http, options));
            o.OnRejected = (ctx, _) => RejectAsync(ctx, options);
        });
        return builder;
    }

    /// <summary>The public routes' partition: per user when signed in (<see cref="RateLimitOptions.AuthenticatedRequestsPerMinute"/>), else per address.</summary>
    public static RateLimitPartition<string> Public(HttpContext http, RateLimitOptions options)
    {
        if (IsAuthenticated(http))
        {
            http.Items[BudgetItem] = RateLimitBudget.User;
            var perMinute = options.AuthenticatedRequestsPerMinute;
            return perMinute <= 0
                ? RateLimitPartition.GetNoLimiter(UserKey(http))
                : RateLimitPartition.GetTokenBucketLimiter(UserKey(http), _ => PerUser(perMinute));
        }
        http.Items[BudgetItem] = RateLimitBudget.AnonymousAddress;
        return RateLimitPartition.GetFixedWindowLimiter(AddressKey(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AnonymousRequestsPerMinute, Window = TimeSpan.FromMinutes(1) });
    }

    /// <summary>Question submissions: per user when signed in, else per address, <see cref="RateLimitOptions.QuestionSubmissionsPerHour"/>.</summary>
    public static RateLimitPartition<string> QuestionSubmissions(HttpContext http, RateLimitOptions options)
    {
        http.Items[BudgetItem] = RateLimitBudget.QuestionSubmissions;
        return RateLimitPartition.GetFixedWindowLimiter(IsAuthenticated(http) ? UserKey(http) : AddressKey(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.QuestionSubmissionsPerHour, Window = TimeSpan.FromHours(1) });
    }

    /// <summary>A signed-in user's partition: the token's subject, or the client address for a token without one.</summary>
    public static string UserKey(HttpContext http) =>
        http.User.FindFirst(CspClaims.Subject)?.Value is { Length: > 0 } subject ? "user:" + subject : "user-at:" + Address(http);

    public static string AddressKey(HttpContext http) => "address:" + Address(http);

    /// <summary>A bucket of <paramref name="perMinute"/> requests, refilled at <paramref name="perMinute"/> a minute: a burst of a minute's worth is allowed.</summary>
    public static TokenBucketRateLimiterOptions PerUser(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static bool IsAuthenticated(HttpContext http) => http.User.Identity?.IsAuthenticated == true;

    /// <summary>A browser navigating the website (not the API, which always answers problems).</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/openapi")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The website's "too many requests" page, in its own style, saying how long to wait.</summary>
    public static string TooManyRequestsPage(int? retryAfterSeconds)
    {
        var wait = retryAfterSeconds is null or <= 60 ? "a minute" : $"{(retryAfterSeconds.Value + 59) / 60} minutes";
        return $$"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Too many requests</title><link rel="stylesheet" href="/css/app.css"><link rel="stylesheet" href="/css/theme.css"></head>
            <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
            <h1 class="govuk-heading-l">Sorry, you have sent too many requests</h1>
            <p class="govuk-body">Wait {{wait}} and try again.</p>
            <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
            </main></div></body></html>
            """;
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext ctx, RateLimitOptions options)
    {
        var http = ctx.HttpContext;
        var budget = http.Items[BudgetItem] as RateLimitBudget? ?? RateLimitBudget.AnonymousAddress;
        int? seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : null;
        if (seconds is { } s) http.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        if (IsPageRequest(http.Request))
        {
            // a resident's browser asked for a page of the website: a page that says when to come back, not JSON
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(TooManyRequestsPage(seconds));
            return;
        }
        await Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = Problems.TypeFor("rate-limited"),
            Title = "Too many requests",
            Detail = options.Detail(budget),
            Extensions = { ["budget"] = budget.ToString() },
        }).ExecuteAsync(http);
    }
}
