namespace CommunitySafety.Governance;

/// <summary>Roles (the <c>role</c> claim) that Governance's endpoints require.</summary>
public static class GovernanceRoles
{
    /// <summary>Partnership officers who maintain organisations, bodies and memberships.</summary>
    public const string Admin = "governance-admin";
}
