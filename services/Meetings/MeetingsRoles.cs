using CommunitySafety.Meetings.Actions;
using CommunitySafety.Meetings.Decisions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;
using JasperFx.Events.Projections;

namespace CommunitySafety.Meetings;

/// <summary>Roles (the <c>role</c> claim) that Meetings' endpoints require.</summary>
public static class MeetingsRoles
{
    /// <summary>Whoever services every body's meetings (the partnership's secretariat).</summary>
    public const string Secretary = "meetings-secretary";

    /// <summary>A meeting clerk: manages the meetings of the bodies named in the token's <c>body</c> claims.</summary>
    public const string Clerk = "meetings-clerk";

    /// <summary>Either: the endpoint then checks the body with <see cref="MeetingAccess.EnsureManages"/>.</summary>
    public const string Managers = Secretary + "," + Clerk;

    /// <summary>The claim (one per body) naming the bodies a clerk manages.</summary>
    public const string BodyClaim = "body";
}

public static class Queues
{
    public const string GovernanceEvents = "meetings.governance-events";
    public const string Agenda = "meetings.agenda";

    /// <summary>The local, durable queue of scheduled erasures of residents' details.</summary>
    public const string Retention = "meetings.retention";
}

public static class MeetingsStreams
{
    public static void AddMeetingsStreams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<MeetingSeries>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<MeetingSeriesView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PublicQuestion>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new DecisionRegisterProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Snapshot<ActionItem>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ActionView>(SnapshotLifecycle.Inline);
        opts.Schema.For<ActionView>().Index(a => a.BodyId);
        opts.Schema.For<MemberRef>().Index(m => m.BodyId);
        opts.Schema.For<TermsOfReferenceRef>();
        opts.Schema.For<DecisionEntry>().Index(d => d.BodyId);
        opts.Schema.For<Meeting>().Index(m => m.BodyId).Index(m => m.StartsAt);
        opts.Schema.For<PublicQuestion>().Index(q => q.MeetingId);
    }
}
