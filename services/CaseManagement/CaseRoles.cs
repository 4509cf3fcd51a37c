namespace CommunitySafety.CaseManagement;

/// <summary>Roles (the <c>role</c> claim) that CaseManagement's endpoints require.</summary>
public static class CaseRoles
{
    /// <summary>Refers cases and acts on them.</summary>
    public const string CaseWorker = "case-worker";
    /// <summary>Runs the monthly panel sittings.</summary>
    public const string PanelChair = "panel-chair";
    /// <summary>Reads the access audit and erases personal data (of an organisation that is a current ISA signatory).</summary>
    public const string PartnershipAdmin = "partnership-admin";

    public const string AnyCaseRole = CaseWorker + "," + PanelChair + "," + PartnershipAdmin;
}
