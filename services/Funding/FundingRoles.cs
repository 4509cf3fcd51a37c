namespace CommunitySafety.Funding;

/// <summary>Roles (the <c>role</c> claim) that Funding's endpoints require.</summary>
public static class FundingRoles
{
    /// <summary>Runs the grant for the Working Group: streams, budgets, assessment, awards, clawback.</summary>
    public const string FundingOfficer = "funding-officer";
    /// <summary>Approves and pays instalments.</summary>
    public const string FinanceOfficer = "finance-officer";
    /// <summary>Writes, submits and withdraws their organisation's bids and submits its monitoring returns.</summary>
    public const string Bidder = "bidder";

    public const string AnyFundingRole = FundingOfficer + "," + FinanceOfficer + "," + Bidder;
}
