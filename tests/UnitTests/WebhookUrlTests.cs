using System.Net;
using CommunitySafety.Governance.Webhooks;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Which URLs a webhook subscription may deliver to (against server-side request forgery).</summary>
public sealed class WebhookUrlTests
{
    private static readonly WebhookOptions Production = new();
    private static readonly WebhookOptions Loopback = new() { AllowLoopbackHttp = true };
    private static readonly WebhookOptions Private = new() { AllowPrivateNetworks = true };
    private static readonly WebhookOptions Both = new() { AllowLoopbackHttp = true, AllowPrivateNetworks = true };

    private static readonly Uri Https = new("https://agency.example/hooks");
    private static readonly Uri Http = new("http://agency.example/hooks");

    private static string? Check(Uri url, WebhookOptions options, params string[] addresses) =>
        WebhookUrls.Check(url, options, addresses.Select(IPAddress.Parse).ToList());

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]   // just below 172.16/12
    [InlineData("172.32.0.1")]       // just above it
    [InlineData("100.63.255.255")]   // just below 100.64/10
    [InlineData("100.128.0.1")]      // just above it
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("::ffff:0:93.184.215.14")]  // IPv4-translated form of a public address
    [InlineData("2001:4860:4860::8888")]    // in 2001::/16 but not Teredo, ORCHID, benchmarking or documentation
    public void Https_to_a_public_address_is_allowed(string address)
    {
        Assert.Null(Check(Https, Production, address));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.10.20")]    // link-local
    [InlineData("100.64.0.1")]       // carrier-grade NAT
    [InlineData("100.127.255.254")]
    [InlineData("fc00::1")]          // unique-local
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]          // link-local
    [InlineData("::ffff:10.0.0.1")]  // IPv4-mapped IPv6: the mapped address counts
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("64:ff9b::a00:1")]   // NAT64 of 10.0.0.1
    [InlineData("64:ff9b:1::a00:1")] // local-use NAT64 (RFC 8215)
    [InlineData("::ffff:0:10.0.0.1")] // IPv4-translated (RFC 2765) form of 10.0.0.1
    [InlineData("2001:2::1")]        // benchmarking
    public void A_private_address_is_refused_unless_private_networks_are_allowed(string address)
    {
        Assert.NotNull(Check(Https, Production, address));
        Assert.NotNull(Check(Https, Loopback, address));
        Assert.Null(Check(Https, Private, address));
    }

    [Theory]
    [InlineData("169.254.169.254")]  // cloud instance metadata
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fd00:ec2::254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.1")]        // multicast
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    [InlineData("::")]
    [InlineData("192.0.2.1")]        // documentation (RFC 5737)
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("192.88.99.1")]      // retired 6to4 relay anycast
    [InlineData("100::1")]           // discard-only
    [InlineData("2001:db8::1")]      // documentation
    [InlineData("3fff::1")]          // documentation (RFC 9637)
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo: hides an IPv4 address
    [InlineData("2001:20::1")]       // ORCHIDv2
    public void Metadata_unspecified_multicast_documentation_discard_and_tunnel_addresses_are_always_refused(string address)
    {
        Assert.NotNull(Check(Https, Production, address));
        Assert.NotNull(Check(Https, Both, address));
    }

    [Fact]
    public void The_metadata_address_is_refused_with_a_reason_naming_it()
    {
        Assert.Contains("metadata", Check(new Uri("https://169.254.169.254/latest/meta-data/"), Both, "169.254.169.254"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_when_configured(string address)
    {
        Assert.Contains("loopback", Check(Https, Production, address));
        Assert.NotNull(Check(Https, Private, address));
        Assert.Null(Check(Https, Loopback, address));
    }

    [Fact]
    public void Http_is_refused_unless_loopback_http_is_allowed_and_then_only_to_loopback()
    {
        Assert.Contains("https", Check(Http, Production, "93.184.215.14"));
        Assert.Contains("https", Check(Http, Production, "127.0.0.1"));
        Assert.Contains("https", Check(Http, Both, "93.184.215.14"));
        Assert.Contains("https", Check(Http, Both, "10.0.0.1"));
        Assert.Null(Check(Http, Loopback, "127.0.0.1"));
        Assert.Null(Check(Http, Loopback, "::1"));
    }

    [Fact]
    public void Every_resolved_address_must_pass()
    {
        Assert.NotNull(Check(Https, Production, "93.184.215.14", "10.0.0.1"));
        Assert.NotNull(Check(Https, Production, "10.0.0.1", "93.184.215.14"));
        Assert.Null(Check(Https, Production, "93.184.215.14", "8.8.8.8"));
    }

    [Fact]
    public void A_host_that_resolves_to_nothing_is_refused()
    {
        Assert.Contains("does not resolve", Check(Https, Both));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("agency.example/hooks")]
    [InlineData("/hooks")]
    [InlineData("ftp://agency.example/hooks")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@agency.example/hooks")]
    [InlineData("https://user@agency.example/hooks")]
    [InlineData("https://agency.example/hooks#section")]
    [InlineData("https://agency.example/hooks#")]
    public void A_malformed_url_has_a_syntax_error(string? url)
    {
        Assert.NotNull(WebhookUrls.SyntaxError(url, out var uri));
        Assert.Null(uri);
    }

    [Fact]
    public void An_overlong_url_has_a_syntax_error()
    {
        Assert.NotNull(WebhookUrls.SyntaxError("https://agency.example/" + new string('a', WebhookUrls.MaxLength), out _));
    }

    [Theory]
    [InlineData("https://agency.example/hooks")]
    [InlineData("https://agency.example:8443/hooks?tenant=kent")]
    [InlineData("http://127.0.0.1:5005/hooks")]
    [InlineData("https://[2606:4700:4700::1111]/hooks")]
    public void A_well_formed_url_has_no_syntax_error_and_a_port_is_allowed(string url)
    {
        Assert.Null(WebhookUrls.SyntaxError(url, out var uri));
        Assert.Equal(url, uri!.OriginalString);
    }

    [Fact]
    public void Userinfo_and_fragments_are_refused_by_the_full_check_too()
    {
        Assert.NotNull(Check(new Uri("https://user:pass@agency.example/hooks"), Both, "93.184.215.14"));
        Assert.NotNull(Check(new Uri("https://agency.example/hooks#x"), Both, "93.184.215.14"));
    }

    [Theory]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://192.168.0.1:8443/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://[::1]/hooks")]
    public async Task A_url_whose_host_is_a_literal_private_ip_is_refused(string url)
    {
        Assert.NotNull(await WebhookUrls.CheckAsync(new Uri(url), Production, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("https://93.184.215.14/hooks")]
    [InlineData("https://[2606:4700:4700::1111]:8443/hooks")]
    public async Task A_url_whose_host_is_a_literal_public_ip_is_allowed(string url)
    {
        Assert.Null(await WebhookUrls.CheckAsync(new Uri(url), Production, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Localhost_resolves_to_loopback_so_is_allowed_only_when_configured()
    {
        var url = new Uri("http://localhost:5005/hooks");
        Assert.NotNull(await WebhookUrls.CheckAsync(url, Production, TestContext.Current.CancellationToken));
        Assert.Null(await WebhookUrls.CheckAsync(url, Loopback, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Delivery_does_not_follow_redirects()
    {
        Assert.False(WebhookUrls.FollowsRedirects);
    }
}
