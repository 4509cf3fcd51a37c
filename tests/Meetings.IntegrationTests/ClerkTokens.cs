using CommunitySafety.TestSupport;

namespace CommunitySafety.Meetings.IntegrationTests;

public static class ClerkTokens
{
    /// <summary>A meeting clerk of <paramref name="bodies"/> talking to the in-memory service.</summary>
    public static HttpClient ClerkOf(this MeetingsFixture fixture, params Guid[] bodies) => fixture.Client().WithClerkToken(bodies);
}
