namespace CommunitySafety.Funding;

/// <summary>
/// Whose bids and awards a user may read and act on — one rule for both. Funding and finance officers read every
/// organisation's; a bidder only its own organisation's (the one its token's <c>org</c> claim names): another
/// organisation's bid or award is 403 <c>not-your-bid</c> / <c>not-your-award</c>, a bidder token naming no organisation
/// 403 <c>no-organisation</c>, and a list holds the bidder's own organisation's only.
/// </summary>
public static class OrganisationScope
{
    public const string Bid = "bid";
    public const string Award = "award";

    /// <summary>
    /// The rule as a pure function: whoever acts for every organisation (<paramref name="actsForEvery"/>) may; anybody
    /// else only for <paramref name="ownerOrganisation"/>, the organisation <paramref name="record"/> (a bid, an award) belongs to.
    /// </summary>
    public static void Decide(Guid ownerOrganisation, bool actsForEvery, Guid? callerOrganisation, string record)
    {
        if (actsForEvery) return;
        var org = callerOrganisation ?? throw NoOrganisation();
        if (org != ownerOrganisation)
            throw new DomainRuleViolation($"not-your-{record}", $"This {record} belongs to another organisation.", Refusal.Forbidden);
    }

    /// <summary>Funding and finance officers read every organisation's bids and awards.</summary>
    public static bool ReadsEvery(ClaimsPrincipal user) => user.IsInRole(FundingRoles.FundingOfficer) || user.IsInRole(FundingRoles.FinanceOfficer);

    /// <summary>Refuses (403) a read of another organisation's bid or award.</summary>
    public static void EnsureMayRead(ClaimsPrincipal user, Guid ownerOrganisation, string record) =>
        Decide(ownerOrganisation, ReadsEvery(user), user.OrganisationId(), record);

    /// <summary>Whose bids or awards a list holds: every organisation's for officers (null), else the bidder's own (403 without one).</summary>
    public static Guid? ListedOrganisation(ClaimsPrincipal user) =>
        ReadsEvery(user) ? null : user.OrganisationId() ?? throw NoOrganisation();

    private static DomainRuleViolation NoOrganisation() =>
        new("no-organisation", "Your token names no organisation ('org' claim): a bidder acts for an organisation.", Refusal.Forbidden);
}
