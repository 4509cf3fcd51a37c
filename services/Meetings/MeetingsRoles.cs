namespace CommunitySafety.Meetings;

/// <summary>Roles (the <c>role</c> claim) that Meetings' endpoints require.</summary>
public static class MeetingsRoles
{
    /// <summary>Whoever services every body's meetings (the partnership's secretariat).</summary>
    public const string Secretary = "meetings-secretary";

    /// <summary>A meeting clerk: manages the meetings of the bodies named in the token's <c>body</c> claims.</summary>
    public const string Clerk = "meetings-clerk";

    /// <summary>Either: the endpoint then checks the body with <see cref="MeetingAccess.EnsureManages"/>.</summary>
    public const string Managers = Secretary + "," + Clerk;

    /// <summary>The claim (one per body) naming the bodies a clerk manages.</summary>
    public const string BodyClaim = "body";
}
