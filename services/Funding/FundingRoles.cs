using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;
using JasperFx.Events.Projections;

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

public static class Queues
{
    public const string Decisions = "funding.decisions";
    public const string GovernanceEvents = "funding.governance-events";
}

public static class FundingStreams
{
    public static void AddFundingStreams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<FundingStream>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<FundingStreamView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Bid>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<BidView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Award>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<AwardView>(SnapshotLifecycle.Inline);
        opts.Schema.For<BidView>().Index(b => b.StreamId);
        opts.Schema.For<AwardView>().Index(a => a.StreamId);
        opts.Schema.For<KnownDecision>();
        opts.Schema.For<KnownOrganisation>();
    }
}
