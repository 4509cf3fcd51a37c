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

    /// <summary>Fan-out exchange for Meetings' integration events other than decisions (meetings held).</summary>
    public const string Meetings = "csp.meetings.events";

    /// <summary>
    /// Fan-out exchange on which Governance republishes every decision event it takes in (DecisionRecorded, GrantAwarded),
    /// once per event — never a confidential body's decision or one under an exempt item — as a CloudEvents 1.0 JSON body (structured mode: id, source, type, specversion, time, subject,
    /// datacontenttype, data). Agencies on the partnership network bind their own queues to it; de-duplicate on the id.
    /// </summary>
    public const string DecisionEvents = "csp.decision-events";
}

/// <summary>
/// An integration event about one record (an organisation, a body, a membership, a decision, an award). A consumer
/// that keeps its own copy of that record handles the events of one record in order, and those of different records in
/// parallel. Implemented explicitly, so that <see cref="RecordId"/> is not part of the message on the wire.
/// </summary>
public interface IRecordEvent
{
    Guid RecordId { get; }
}
