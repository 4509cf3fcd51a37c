namespace CommunitySafety.Governance;

/// <summary>Roles (the <c>role</c> claim) that Governance's endpoints require.</summary>
public static class GovernanceRoles
{
    /// <summary>Partnership officers who maintain organisations, bodies and memberships.</summary>
    public const string Admin = "governance-admin";

    /// <summary>An organisation's own administrator: manages that organisation's webhook subscriptions (its token's <c>org</c> claim).</summary>
    public const string OrganisationAdmin = "organisation-admin";
}
