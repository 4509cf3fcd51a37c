namespace CommunitySafety.Contracts;

/// <summary>Names on the broker that services (and agencies on the partnership network) agree on.</summary>
public static class Exchanges
{
    /// <summary>Fan-out exchange for Governance's integration events.</summary>
    public const string Governance = "csp.governance.events";

    /// <summary>Fan-out exchange for decision events; agencies may bind their own queues to it.</summary>
    public const string Decisions = "csp.decisions";

    /// <summary>Fan-out exchange for Funding's integration events (awards, payments, clawbacks).</summary>
    public const string Funding = "csp.funding.events";
}
