using System.Security.Claims;

namespace CommunitySafety.Web;

/// <summary>Who runs which meetings, as the services decide it: the secretary every body's, a clerk those named in the token.</summary>
public static class Clerks
{
    public const string SecretaryRole = "meetings-secretary";
    public const string ClerkRole = "meetings-clerk";
    public const string Roles = SecretaryRole + "," + ClerkRole;

    public static bool IsSecretary(this ClaimsPrincipal user) => user.IsInRole(SecretaryRole);

    /// <summary>Whether the user runs this body's meetings.</summary>
    public static bool Manages(this ClaimsPrincipal user, Guid bodyId) =>
        user.IsInRole(SecretaryRole) || user.IsInRole(ClerkRole) && user.FindAll("body").Any(c => Guid.TryParse(c.Value, out var b) && b == bodyId);
}
