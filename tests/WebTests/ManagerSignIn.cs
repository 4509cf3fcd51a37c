using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// Signs a browser in as the clerk of a body (or as the secretary) the way a person does in Development: the sign-in page's
/// form, whose call to the gateway's <c>POST /api/dev/token</c> the fake gateway answers with a development token (with
/// the clerk's <c>body</c> claim). The browser keeps the session cookie.
/// </summary>
public static class ManagerSignIn
{
    public static Task<Browser> ClerkOf(WebFactory site, Guid bodyId) =>
        SignIn(site, "Clerk", bodyId, JwtAuthentication.MintDevelopmentToken("clerk-b-tests", "Sam Clerk", null, ["meetings-clerk"],
            new Dictionary<string, string[]> { ["body"] = [bodyId.ToString()] }));

    public static Task<Browser> Secretary(WebFactory site) =>
        SignIn(site, "Secretary", null, JwtAuthentication.MintDevelopmentToken("secretary-b-tests", "Pat Secretary", null, "meetings-secretary"));

    private static async Task<Browser> SignIn(WebFactory site, string persona, Guid? bodyId, string token)
    {
        site.Gateway.Answer(HttpMethod.Post, "/api/dev/token", new { access_token = token, token_type = "Bearer", expires_in = 8 * 3600 });
        var browser = site.Browser();
        var form = await browser.Get("/sign-in");
        var signedIn = await browser.Submit(form, "sign-in", new Dictionary<string, string?>
        {
            ["Form.Persona"] = persona, ["Form.BodyId"] = bodyId?.ToString(), ["Form.Name"] = "Sam Clerk",
        });
        Assert.Equal("/dashboard", signedIn.Url.AbsolutePath);
        return browser;
    }
}

/// <summary>What the tests of the clerks' pages share: the site, its fake gateway (cleared before and after each test), a body.</summary>
public abstract class ManagerPageTests : IDisposable
{
    protected ManagerPageTests(WebFactory site)
    {
        Site = site;
        Gateway = site.Gateway;
        Gateway.Reset();
    }

    protected WebFactory Site { get; }

    protected FakeGateway Gateway { get; }

    /// <summary>The body whose clerk <see cref="SignedInClerk"/> signs in as.</summary>
    protected Guid BodyId { get; } = Guid.NewGuid();

    protected Task<Browser> SignedInClerk() => ManagerSignIn.ClerkOf(Site, BodyId);

    public void Dispose() => Gateway.Reset();
}
