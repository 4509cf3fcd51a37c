using CommunitySafety.Meetings.Decisions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using JasperFx.Events.Projections;
using Marten;

namespace CommunitySafety.Meetings;

/// <summary>Roles (the <c>role</c> claim) that Meetings' endpoints require.</summary>
public static class MeetingsRoles
{
    /// <summary>Whoever services the meetings: schedules them, takes attendance, records decisions.</summary>
    public const string Secretary = "meetings-secretary";
}

public static class Queues
{
    public const string GovernanceEvents = "meetings.governance-events";
}

public static class MeetingsStreams
{
    public static void AddMeetingsStreams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new DecisionRegisterProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<MemberRef>().Index(m => m.BodyId);
        opts.Schema.For<DecisionEntry>().Index(d => d.BodyId);
    }
}
