using System.Globalization;
using System.Net;
using CommunitySafety.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Xunit;
using Yarp.ReverseProxy.Configuration;

namespace CommunitySafety.UnitTests;

/// <summary>The web client behind the gateway: its routes, the internal listener it calls back on, and a 429 a browser can read.</summary>
public sealed class GatewayWebClientTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void With_its_address_the_web_client_takes_every_path_no_other_route_takes_and_its_assets_are_not_rate_limited()
    {
        List<RouteConfig> routes = [];
        List<ClusterConfig> clusters = [];

        Assert.True(GatewayWebClient.AddWebClientRoutes(Settings(("services:web:http:0", "http://localhost:5105")), routes, clusters));

        Assert.Equal("http://localhost:5105", Assert.Single(clusters).Destinations!["primary"].Address);
        var pages = Assert.Single(routes, r => r.RouteId == "web-pages");
        Assert.Equal((int.MaxValue, "{**path}", GatewayRateLimits.PublicPolicy), (pages.Order, pages.Match.Path, pages.RateLimiterPolicy));
        Assert.All(routes.Where(r => r.RouteId.StartsWith("web-assets", StringComparison.Ordinal)), r => Assert.Null(r.RateLimiterPolicy));
        Assert.Equal(["/_framework/{**rest}", "/css/{**rest}", "/js/{**rest}", "/govuk/{**rest}"],
            routes.Where(r => r.RouteId.StartsWith("web-assets", StringComparison.Ordinal)).Select(r => r.Match.Path));
    }

    [Fact]
    public void Without_its_address_there_is_no_web_client()
    {
        List<RouteConfig> routes = [];
        List<ClusterConfig> clusters = [];
        Assert.False(GatewayWebClient.AddWebClientRoutes(Settings(), routes, clusters));
        Assert.Empty(routes);
        Assert.Empty(clusters);
    }

    [Theory]
    [InlineData(5001, 5001, true)]
    [InlineData(5001, 5000, false)]
    [InlineData(0, 0, false)]
    public void Only_a_request_on_the_internal_port_is_the_web_clients(int internalPort, int localPort, bool isInternal)
    {
        var http = new DefaultHttpContext { Connection = { LocalPort = localPort, RemoteIpAddress = IPAddress.Loopback } };
        Assert.Equal(isInternal, GatewayWebClient.IsInternal(http, internalPort));
        Assert.Equal(internalPort, GatewayWebClient.InternalPort(Settings(("InternalPort", internalPort.ToString(CultureInfo.InvariantCulture)))));
    }

    [Theory]
    [InlineData("/meetings", "text/html,application/xhtml+xml", true)]
    [InlineData("/", "text/html", true)]
    [InlineData("/api/meetings/meetings", "text/html", false)]
    [InlineData("/openapi/meetings.json", "text/html", false)]
    [InlineData("/meetings", "application/json", false)]
    public void A_browser_asking_for_a_page_gets_a_page_when_limited(string path, string accept, bool page)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.Headers.Accept = accept;
        Assert.Equal(page, GatewayRateLimits.IsPageRequest(http.Request));
    }

    [Theory]
    [InlineData(null, "Wait a minute and try again.")]
    [InlineData(30, "Wait a minute and try again.")]
    [InlineData(61, "Wait 2 minutes and try again.")]
    [InlineData(3600, "Wait 60 minutes and try again.")]
    public void The_too_many_requests_page_says_how_long_to_wait(int? seconds, string says)
    {
        var html = GatewayRateLimits.TooManyRequestsPage(seconds);
        Assert.Contains(says, html);
        Assert.Contains("<html lang=\"en-GB\"", html);
        Assert.DoesNotContain("<script", html);
    }
}
