using System.Net;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class EdgeTests
{
    private static IConfiguration Section(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void Without_configuration_the_services_trust_loopback_and_the_gateway_nobody()
    {
        Assert.Equal(KnownProxies.Loopback, KnownProxies.From(Section(), loopbackByDefault: true));
        var none = KnownProxies.From(Section(), loopbackByDefault: false);
        Assert.True(none.IsEmpty);

        var options = new ForwardedHeadersOptions();
        none.ApplyTo(options);
        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void Configured_proxies_and_networks_replace_the_default()
    {
        var trusted = KnownProxies.From(Section(("KnownProxies:0", "10.1.2.3"), ("KnownNetworks:0", "192.168.0.0/16"), ("KnownNetworks:1", "fd00::/8")),
            loopbackByDefault: true);
        var options = new ForwardedHeadersOptions();
        trusted.ApplyTo(options);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix,
            options.ForwardedHeaders);
        Assert.Equal([IPAddress.Parse("10.1.2.3")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16"), System.Net.IPNetwork.Parse("fd00::/8")], options.KnownIPNetworks);
        Assert.DoesNotContain(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("KnownProxies:0", "proxy.internal")]
    [InlineData("KnownNetworks:0", "10.0.0.0")]
    [InlineData("KnownNetworks:0", "10.0.0.0/33")]
    public void An_entry_that_does_not_parse_stops_the_start_up_naming_its_key(string key, string value)
    {
        var message = Assert.Throws<InvalidOperationException>(() => KnownProxies.From(Section((key, value)), loopbackByDefault: false)).Message;
        Assert.Contains(key, message);
        Assert.Contains(value, message);
    }

    [Theory]
    [InlineData("/api/governance/bodies/\u0001", "U+0001")]
    [InlineData("/api/governance/bodies/a\nb", "U+000A")]
    [InlineData("/api/governance/bodies/\u007f", "U+007F")]
    public void A_path_with_a_control_character_is_refused(string path, string named) =>
        Assert.Contains(named, ControlCharacters.InPath(new PathString(path)));

    [Theory]
    [InlineData("/api/governance/bodies/5b0c2a1e-0000-0000-0000-000000000000")]
    [InlineData("/api/meetings/calendar/areas/East.ics")]
    [InlineData("/api/governance/organisations/Caf\u00e9 d'Op\u00e9ra")]
    [InlineData("")]
    public void Other_paths_pass(string path) => Assert.Null(ControlCharacters.InPath(new PathString(path)));

    [Fact]
    public void An_HTML_answer_gets_a_policy_for_a_page_and_any_other_one_a_policy_for_data()
    {
        IHeaderDictionary html = new HeaderDictionary { ["Server"] = "Kestrel" };
        GatewayEdge.SetSecurityHeaders(html, "text/html; charset=utf-8", "/scalar");
        Assert.Equal(GatewayEdge.HtmlContentSecurityPolicy, html.ContentSecurityPolicy);
        Assert.False(html.ContainsKey("Server"));
        Assert.Equal("nosniff", html.XContentTypeOptions);
        Assert.Equal("DENY", html.XFrameOptions);
        Assert.Equal("no-referrer", html["Referrer-Policy"]);

        IHeaderDictionary json = new HeaderDictionary();
        GatewayEdge.SetSecurityHeaders(json, "application/problem+json", "/api/governance/bodies");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", json.ContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", GatewayEdge.HtmlContentSecurityPolicy);
    }

    [Fact]
    public void The_web_clients_pages_get_a_policy_without_inline_script_or_style()
    {
        IHeaderDictionary page = new HeaderDictionary();
        GatewayEdge.SetSecurityHeaders(page, "text/html; charset=utf-8", "/meetings/5b0c2a1e-0000-0000-0000-000000000000");
        Assert.Equal(GatewayEdge.WebContentSecurityPolicy, page.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe", page.ContentSecurityPolicy.ToString());
        Assert.Contains("script-src 'self';", page.ContentSecurityPolicy.ToString());
        Assert.Contains("form-action 'self'", page.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public void Outside_Development_Meetings_needs_its_public_address()
    {
        var unset = new CommunitySafety.Meetings.MeetingsOptions();
        Assert.Empty(unset.Faults());
        Assert.False(unset.HasPublicBaseUrl);
        Assert.Contains("Meetings:PublicBaseUrl", CommunitySafety.Meetings.MeetingsOptions.PublicBaseUrlRequired);
        var relative = new CommunitySafety.Meetings.MeetingsOptions { PublicBaseUrl = "csp.example.org" };
        Assert.Contains("not an absolute http(s) address", Assert.Single(relative.Faults()));
        var set = new CommunitySafety.Meetings.MeetingsOptions { PublicBaseUrl = "https://csp.example.org" };
        Assert.Empty(set.Faults());
        Assert.True(set.HasPublicBaseUrl);
    }
}
