using System.Globalization;
using System.Security.Claims;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Funding;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Issue 13, point 7: one rule for whose bids and awards a user reads — officers every organisation's, a bidder only its own.</summary>
public sealed class OrganisationScopeTests
{
    private static readonly Guid Own = new("0b1d2a3c-0000-4000-8000-000000000001");

    private static ClaimsPrincipal User(Guid? organisation, params string[] roles) => new(new ClaimsIdentity(
        [.. roles.Select(r => new Claim(CspClaims.Role, r)), .. organisation is { } o ? [new Claim(CspClaims.Organisation, o.ToString())] : Array.Empty<Claim>()],
        "test", "name", CspClaims.Role));

    public static TheoryData<string, Guid?, string?> Readers => new()
    {
        // role, the caller's organisation (null: none), the refusal (null: may read)
        { FundingRoles.FundingOfficer, null, null },
        { FundingRoles.FinanceOfficer, Guid.NewGuid(), null },
        { FundingRoles.Bidder, Own, null },
        { FundingRoles.Bidder, Guid.NewGuid(), "not-your-{0}" },
        { FundingRoles.Bidder, null, "no-organisation" },
    };

    [Theory, MemberData(nameof(Readers))]
    public void Bids_and_awards_are_read_by_officers_and_the_owning_organisations_bidders(string role, Guid? organisation, string? refusal)
    {
        var user = User(organisation, role);
        foreach (var record in new[] { OrganisationScope.Bid, OrganisationScope.Award })
        {
            if (refusal is null)
            {
                OrganisationScope.EnsureMayRead(user, Own, record);
                continue;
            }
            var refused = Assert.Throws<DomainRuleViolation>(() => OrganisationScope.EnsureMayRead(user, Own, record));
            Assert.Equal((string.Format(CultureInfo.InvariantCulture, refusal, record), Refusal.Forbidden), (refused.Rule, refused.Kind));
        }
    }

    [Fact]
    public void A_list_holds_every_organisations_records_for_officers_and_the_bidders_own_for_a_bidder()
    {
        Assert.Null(OrganisationScope.ListedOrganisation(User(null, FundingRoles.FundingOfficer)));
        Assert.Null(OrganisationScope.ListedOrganisation(User(Own, FundingRoles.FinanceOfficer, FundingRoles.Bidder)));
        Assert.Equal(Own, OrganisationScope.ListedOrganisation(User(Own, FundingRoles.Bidder)));
        Assert.Equal("no-organisation", Assert.Throws<DomainRuleViolation>(() => OrganisationScope.ListedOrganisation(User(null, FundingRoles.Bidder))).Rule);
    }

    [Fact]
    public void Acting_for_a_bid_or_award_follows_the_same_rule_with_whoever_acts_for_every_organisation()
    {
        OrganisationScope.Decide(Own, actsForEvery: true, callerOrganisation: null, OrganisationScope.Award);
        OrganisationScope.Decide(Own, actsForEvery: false, callerOrganisation: Own, OrganisationScope.Award);
        Assert.Equal("not-your-award", Assert.Throws<DomainRuleViolation>(() => OrganisationScope.Decide(Own, false, Guid.NewGuid(), OrganisationScope.Award)).Rule);
        Assert.Equal("not-your-bid", Assert.Throws<DomainRuleViolation>(() => CommunitySafety.Funding.Bids.Bid.DecideActor(Own, false, Guid.NewGuid())).Rule);
    }
}
