using System.Security.Cryptography;
using CommunitySafety.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The symmetric token key and issuer outside Development: a real key, and an issuer named.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public void A_signing_key_is_base64_of_at_least_32_bytes()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(key, JwtAuthentication.DecodeSigningKey(Convert.ToBase64String(key)));
        Assert.Equal(48, JwtAuthentication.DecodeSigningKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))).Length);
    }

    [Theory]
    [InlineData("correct horse battery staple, long enough as text")] // text, not base64: its bytes are not random
    [InlineData("c2hvcnQ=")]                                           // base64 of 5 bytes
    public void Text_or_a_short_key_stops_the_service_with_the_reason(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => JwtAuthentication.DecodeSigningKey(configured));
        Assert.Contains("Authentication:SigningKey", error.Message);
    }

    [Fact]
    public void Outside_Development_a_signing_key_needs_the_issuer_named()
    {
        var none = new ConfigurationBuilder().Build().GetSection("Authentication");
        var named = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Authentication:Issuer"] = "https://idp.example" })
            .Build().GetSection("Authentication");

        Assert.Contains("Authentication:Issuer", Assert.Throws<InvalidOperationException>(() => JwtAuthentication.Issuer(none, Environment(Environments.Production))).Message);
        Assert.Equal("https://idp.example", JwtAuthentication.Issuer(named, Environment(Environments.Production)));
        Assert.Equal(JwtAuthentication.DevelopmentIssuer, JwtAuthentication.Issuer(none, Environment(Environments.Development)));
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
