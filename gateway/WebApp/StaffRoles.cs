using System.Security.Claims;

namespace CommunitySafety.Web;

/// <summary>The services' role names (the <c>role</c> claim) as the site's pages check them, beside <see cref="Clerks"/>' meeting roles.</summary>
public static class StaffRoles
{
    public const string CaseWorker = "case-worker";
    public const string PanelChair = "panel-chair";
    public const string PartnershipAdmin = "partnership-admin";
    public const string AnyCaseRole = CaseWorker + "," + PanelChair + "," + PartnershipAdmin;

    public const string FundingOfficer = "funding-officer";
    public const string FinanceOfficer = "finance-officer";
    public const string Bidder = "bidder";
    public const string AnyFundingRole = FundingOfficer + "," + FinanceOfficer + "," + Bidder;

    public const string GovernanceAdmin = "governance-admin";
    public const string OrganisationAdmin = "organisation-admin";

    public static bool WorksCases(this ClaimsPrincipal user) => AnyCaseRole.Split(',').Any(user.IsInRole);

    public static bool WorksGrants(this ClaimsPrincipal user) => AnyFundingRole.Split(',').Any(user.IsInRole);
}
