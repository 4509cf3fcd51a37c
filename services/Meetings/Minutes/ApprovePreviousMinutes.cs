using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Minutes;

/// <summary>The approving decision, the meeting whose minutes were approved, and where the minutes record the decision.</summary>
public sealed record PreviousMinutesApprovedAnswer(Guid DecisionId, Guid? PreviousMeetingId, string? MinuteReference);

/// <summary>
/// At this meeting, approves the minutes of the body's previous meeting as a correct record: a decision under this
/// meeting's "Minutes of the previous meeting" item (quorum applies), and the previous meeting's minutes become
/// approved, both in one transaction (the previous meeting fetched for writing too, so that a concurrent change to its
/// minutes fails this one).
/// </summary>
public static class ApprovePreviousMinutesEndpoint
{
    [WolverinePost("/api/meetings/meetings/{meetingId}/minutes/approve-previous"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<PreviousMinutesApprovedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(PreviousMinutesApprovedAnswer, Events)> Post([VersionedAggregate] Meeting meeting, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var earlier = await session.Query<Meeting>()
            .Where(m => m.BodyId == meeting.BodyId && m.StartsAt < meeting.StartsAt)
            .ToListAsync(ct);
        var previousId = MinutesRules.PreviousMeeting(earlier, meeting)?.Id;
        var previous = previousId is { } p ? await session.Events.FetchForWriting<Meeting>(p, ct) : null;
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, ct);
        var decisionId = Guid.CreateVersion7();

        var (toPrevious, toThis) = MinutesRules.DecideApprovePrevious(meeting, previous?.Aggregate, membership.Evaluate(meeting),
            membership.Body?.IsConfidential ?? false, decisionId, clock.GetUtcNow());
        previous!.AppendMany(toPrevious.ToArray());
        return (new PreviousMinutesApprovedAnswer(decisionId, previousId, toThis.OfType<DecisionRecorded>().Single().MinuteReference), [.. toThis]);
    }
}
