using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Stream versions on the wire, and how a request refused before anything is decided is answered.</summary>
public sealed class IfMatchTests
{
    private static HttpRequest Request(string? ifMatch)
    {
        var http = new DefaultHttpContext();
        if (ifMatch is not null) http.Request.Headers.IfMatch = ifMatch;
        return http.Request;
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    [InlineData(" \"3\" ", 3L)]
    [InlineData("\"0\"", 0L)]
    public void A_version_we_issued_or_no_expectation_is_read(string? header, long? expected)
    {
        Assert.True(IfMatch.TryRead(Request(header), out var version));
        Assert.Equal(expected, version);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("W/\"3\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"three\"")]
    [InlineData("\"3\", \"4\"")]
    public void Anything_else_is_not_a_version_we_issued(string header) => Assert.False(IfMatch.TryRead(Request(header), out _));

    [Fact]
    public void The_ETag_of_a_version_is_strong_and_quoted() => Assert.Equal("\"12\"", IfMatch.ETag(12));

    [Fact]
    public void A_refused_request_is_answered_with_its_own_problem()
    {
        var stale = new RequestRefused(Problems.StaleVersion(2, 5));
        var problem = ProblemExceptionHandler.Map(stale)!;
        Assert.Equal((412, "urn:csp:problem:stale-version", 5L), (problem.Status, problem.Type, (long)problem.Extensions["currentVersion"]!));

        var unknown = ProblemExceptionHandler.Map(RequestRefused.NotFound("Bid", Guid.Empty))!;
        Assert.Equal((404, "urn:csp:problem:not-found", "Bid not found"), (unknown.Status, unknown.Type, unknown.Title));
    }

    [Fact]
    public void A_service_maps_its_domain_events_to_contracts_once()
    {
        var map = new IntegrationEventMap(e => e is string s ? s.ToUpperInvariant() : null);
        Assert.Equal(("BID", null), (map.ToContract("bid"), map.ToContract(42)));
    }
}
