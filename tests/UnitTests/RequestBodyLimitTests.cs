using System.Reflection;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Xunit;
using DraftMinutesEndpoint = CommunitySafety.Meetings.Minutes.DraftMinutesEndpoint;

namespace CommunitySafety.UnitTests;

/// <summary>The largest request body each process and endpoint takes.</summary>
public sealed class RequestBodyLimitTests
{
    private static IConfigurationSection Section(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(value is null ? [] : [KeyValuePair.Create("Limits:MaxRequestBodyBytes", (string?)value)]).Build().GetSection("Limits");

    [Fact]
    public void One_MiB_unless_configured()
    {
        Assert.Equal(1_048_576, RequestBodyLimit.From(Section(null)).MaxBytes);
        Assert.Equal(65_536, RequestBodyLimit.From(Section("65536")).MaxBytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1MB")]
    public void A_limit_that_is_not_a_positive_number_of_bytes_stops_the_start_up_naming_its_key(string value) =>
        Assert.Contains("Limits:MaxRequestBodyBytes", Assert.Throws<InvalidOperationException>(() => RequestBodyLimit.From(Section(value))).Message);

    private static HttpContext At(params object[] metadata)
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test"));
        return http;
    }

    [Fact]
    public void An_endpoint_may_name_its_own_limit()
    {
        var limit = new RequestBodyLimit(1_048_576);
        Assert.Equal(1_048_576, limit.For(new DefaultHttpContext()));
        Assert.Equal(1_048_576, limit.For(At()));
        Assert.Equal(25_000_000, limit.For(At(new RequestSizeLimitAttribute(25_000_000))));
        Assert.Null(limit.For(At(new DisableRequestSizeLimitAttribute())));
    }

    [Fact]
    public void Over_the_limit_is_a_413_problem_that_says_the_limit()
    {
        var problem = RequestBodyLimit.TooLarge(1_048_576);
        Assert.Equal(413, problem.Status);
        Assert.Equal("urn:csp:problem:body-too-large", problem.Type);
        Assert.Contains("1,048,576 bytes", problem.Detail);
        Assert.Equal(1_048_576L, problem.Extensions["maxRequestBodyBytes"]);
    }

    [Fact]
    public void Draft_minutes_may_be_as_large_as_their_rules_allow_in_Meetings_and_through_the_gateway()
    {
        // the longest draft the rules accept, every character written as a JSON escape (\uXXXX)
        Assert.True(DraftMinutesEndpoint.MaxBodyBytes >= (long)DraftMinutesEndpoint.MaxSections * DraftMinutesEndpoint.MaxSectionLength * 6);
        var put = typeof(DraftMinutesEndpoint).GetMethod(nameof(DraftMinutesEndpoint.Put))!;
        Assert.Equal(DraftMinutesEndpoint.MaxBodyBytes, ((IRequestSizeLimitMetadata)put.GetCustomAttribute<RequestSizeLimitAttribute>()!).MaxRequestBodySize);
        Assert.True(GatewayRouting.MinutesMaxBodyBytes >= DraftMinutesEndpoint.MaxBodyBytes);
        Assert.True(GatewayRouting.MinutesMaxBodyBytes <= RequestBodyLimits.MaxDrainedBytes, "a refused draft is still read to its end");
    }
}
