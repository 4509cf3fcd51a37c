using System.Net;
using System.Net.Http.Headers;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// Residents' questions to public meetings need no sign-in, so the gateway gives submissions a budget of their own per
/// client (<c>Gateway:QuestionSubmissionsPerHour</c>, 10 by default). Its clients come from 127.0.0.81–82, addresses no
/// other test uses.
/// </summary>
public sealed class QuestionRateLimitTests(PlatformFixture platform)
{
    public const int QuestionSubmissionsPerHour = 10;

    private static object Question => new { kind = "Question", text = "When will the street lights on Mill Lane be fixed?" };

    [Fact]
    public async Task Question_submissions_are_limited_per_client_with_a_problem_and_Retry_After()
    {
        using var resident = platform.ClientFrom(IPAddress.Parse("127.0.0.81"));
        var url = $"/api/meetings/meetings/{Guid.NewGuid()}/questions";
        for (var i = 0; i < QuestionSubmissionsPerHour; i++)
            // the gateway passes them on: Meetings knows no such meeting
            await (await resident.PostJson(url, Question)).Problem(HttpStatusCode.NotFound, "not-found");

        var limited = await resident.PostJson(url, Question);
        var problem = await limited.Problem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Contains($"{QuestionSubmissionsPerHour} questions or observations an hour", problem["detail"]!.GetValue<string>());
        Assert.True(limited.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.FromMinutes(1),
            $"Retry-After: {limited.Headers.RetryAfter}");
        // other meetings' submissions share the client's budget
        await (await resident.PostJson($"/api/meetings/meetings/{Guid.NewGuid()}/questions", Question))
            .Problem(HttpStatusCode.TooManyRequests, "rate-limited");

        // reading is not submitting: the same client still reads meetings and questions
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/api/meetings/meetings")).StatusCode);
        await (await resident.GetAsync(url)).Problem(HttpStatusCode.NotFound, "not-found");

        // another client has a budget of its own, and so has a signed-in user at the same address
        using var neighbour = platform.ClientFrom(IPAddress.Parse("127.0.0.82"));
        await (await neighbour.PostJson(url, Question)).Problem(HttpStatusCode.NotFound, "not-found");
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Http.Token("meetings-secretary"));
        await (await resident.PostJson(url, Question)).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
