using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Membership;

/// <summary>What Meetings knows of a body's membership at a moment: the inputs of the quorum rule.</summary>
public sealed record MembershipSnapshot(
    BodyRef? Body, IReadOnlyDictionary<Guid, MemberRef> Members, IReadOnlyDictionary<Guid, OrganisationRef> Organisations)
{
    public QuorumResult Evaluate(Meeting meeting) =>
        Quorum.Evaluate(Body?.QuorumMinimum ?? int.MaxValue, meeting.Attendance, Members, Organisations);

    public static async Task<MembershipSnapshot> ForBody(IQuerySession session, Guid bodyId, CancellationToken ct)
    {
        var body = await session.LoadAsync<BodyRef>(bodyId, ct);
        var members = await session.Query<MemberRef>().Where(m => m.BodyId == bodyId).ToListAsync(ct);
        var organisationIds = members.Select(m => m.OrganisationId).Distinct().ToArray();
        var organisations = await session.LoadManyAsync<OrganisationRef>(ct, organisationIds);
        return new MembershipSnapshot(body, members.ToDictionary(m => m.Id), organisations.ToDictionary(o => o.Id));
    }

    public static async Task<MembershipSnapshot> ForMeeting(IQuerySession session, Guid meetingId, CancellationToken ct)
    {
        var meeting = await session.LoadAsync<Meeting>(meetingId, ct);
        return meeting is null
            ? new MembershipSnapshot(null, new Dictionary<Guid, MemberRef>(), new Dictionary<Guid, OrganisationRef>())
            : await ForBody(session, meeting.BodyId, ct);
    }
}
