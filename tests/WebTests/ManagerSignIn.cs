namespace CommunitySafety.WebTests;

/// <summary>The clerk of a body, or the secretary, signed in (<see cref="SignedIn"/>).</summary>
public static class ManagerSignIn
{
    public static Task<Browser> ClerkOf(WebFactory site, Guid bodyId) => site.AsClerkOf(bodyId);

    public static Task<Browser> Secretary(WebFactory site) => site.AsSecretary();
}

/// <summary>What the tests of the clerks' pages share: the site, its fake gateway (cleared before and after each test), a body.</summary>
public abstract class ManagerPageTests(WebFactory site) : SiteTests(site)
{
    /// <summary>The body whose clerk <see cref="SignedInClerk"/> signs in as.</summary>
    protected Guid BodyId { get; } = Guid.NewGuid();

    protected Task<Browser> SignedInClerk() => ManagerSignIn.ClerkOf(Site, BodyId);

}
