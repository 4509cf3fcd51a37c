using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// Outside Development the site signs staff in with OpenID Connect only: no demonstration users, no start without an
/// authority, and a sign-in that goes to the identity provider with the authorization code flow and PKCE.
/// </summary>
public sealed class ProductionSignInTests
{
    private const string Authority = "https://login.example.org/";

    /// <summary>The identity provider's discovery document, as the site's back channel fetches it.</summary>
    private sealed class IdentityProvider : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(request.RequestUri!.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => Json($$"""
                    {"issuer":"{{Authority}}","authorization_endpoint":"{{Authority}}authorize","token_endpoint":"{{Authority}}token",
                     "jwks_uri":"{{Authority}}jwks","end_session_endpoint":"{{Authority}}logout","response_types_supported":["code"],
                     "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
                    """),
                "/jwks" => Json("""{"keys":[]}"""),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            });

        private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private static WebApplicationFactory<Program> Site(WebFactory development, params (string Key, string Value)[] settings) =>
        development.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureServices(s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                o => o.BackchannelHttpHandler = new IdentityProvider()));
        });

    [Fact]
    public void Without_an_identity_provider_the_site_does_not_start_outside_Development()
    {
        using var site = Site(new WebFactory());
        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Authentication:Authority", failure.ToString());
    }

    [Fact]
    public async Task Signing_in_goes_to_the_identity_provider_with_the_code_flow_and_PKCE_and_offers_no_demonstration_users()
    {
        using var site = Site(new WebFactory(), ("Authentication:Authority", Authority), ("Authentication:Web:ClientId", "csp-web"),
            ("Authentication:Web:ClientSecret", "not-a-real-secret"));
        var browser = new Browser(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        var page = await browser.Get("/sign-in");
        Assert.Null(page.Document.QuerySelector("input[name='Form.Persona']"));
        var link = page.Document.QuerySelector("a.govuk-button")!.GetAttribute("href")!;
        Assert.StartsWith("/sign-in/oidc?returnUrl=", link);

        var challenge = await browser.Http.GetAsync("/sign-in/oidc?returnUrl=%2Fdashboard");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal($"{Authority}authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(("csp-web", "code", "S256"), (query["client_id"].ToString(), query["response_type"].ToString(), query["code_challenge_method"].ToString()));
        Assert.Contains("openid", query["scope"].ToString());

        // a page for staff sends a visitor to sign in first
        var dashboard = await browser.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/sign-in", dashboard.Headers.Location!.PathAndQuery);
    }
}
