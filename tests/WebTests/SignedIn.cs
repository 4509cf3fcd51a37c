using System.Net;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// Signing a browser in as the site does in Development: the sign-in page's form, whose demonstration token the gateway
/// mints (<c>POST /api/dev/token</c>, answered here with a real development token: a clerk's names their body in a
/// <c>body</c> claim). The session cookie stays in the browser.
/// </summary>
public static class SignedIn
{
    public const string Name = "Sam Clerk";

    /// <summary>A clerk of <paramref name="bodyId"/>, in a browser that follows redirects unless told not to.</summary>
    public static Task<Browser> AsClerkOf(this WebFactory site, Guid bodyId, bool followRedirects = true) =>
        (followRedirects ? site.Browser() : site.BrowserNotFollowingRedirects()).SignIn(site.Gateway, "Clerk", "meetings-clerk", bodyId);

    /// <summary>The partnership's secretary, who runs every body's meetings.</summary>
    public static Task<Browser> AsSecretary(this WebFactory site) => site.Browser().SignIn(site.Gateway, "Secretary", "meetings-secretary", null);

    /// <summary>
    /// A persona who acts for an organisation (case worker, panel chair, partnership administrator, bidder, organisation
    /// admin, member) or for none (funding and finance officers, governance administrator), with the roles the sign-in page
    /// gives them (<see cref="Web.DemonstrationUsers.Roles"/>).
    /// </summary>
    public static Task<Browser> As(this WebFactory site, Web.DemonstrationUsers.Persona persona, Guid? organisationId = null, bool followRedirects = true) =>
        (followRedirects ? site.Browser() : site.BrowserNotFollowingRedirects())
            .SignIn(site.Gateway, persona.ToString(), Web.DemonstrationUsers.Roles(persona), null, organisationId);

    public static Task<Browser> SignIn(this Browser browser, FakeGateway gateway, string persona, string role, Guid? bodyId) =>
        browser.SignIn(gateway, persona, [role], bodyId, null);

    public static async Task<Browser> SignIn(this Browser browser, FakeGateway gateway, string persona, string[] roles, Guid? bodyId, Guid? organisationId)
    {
        var token = JwtAuthentication.MintDevelopmentToken($"test-{persona.ToLowerInvariant()}", Name, organisationId, roles,
            bodyId is { } body ? new Dictionary<string, string[]> { ["body"] = [body.ToString()] } : null);
        gateway.Answer(HttpMethod.Post, "/api/dev/token", new { access_token = token, token_type = "Bearer", expires_in = 8 * 3600 });
        var form = await browser.Get("/sign-in");
        var signedIn = await browser.Submit(form, "sign-in", new Dictionary<string, string?>
        {
            ["Form.Persona"] = persona, ["Form.BodyId"] = bodyId?.ToString(), ["Form.OrganisationId"] = organisationId?.ToString(), ["Form.Name"] = Name,
        });
        Assert.Equal("/dashboard", signedIn.Status == HttpStatusCode.Found ? signedIn.RedirectPath() : signedIn.Url.AbsolutePath);
        return browser;
    }
}
