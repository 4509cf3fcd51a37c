using CommunitySafety.Meetings.Decisions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings;

/// <summary>
/// Who may do what with a body's meetings. The secretariat manages every body's; a clerk those of the bodies in
/// their token's <c>body</c> claims. Members (a token whose <c>org</c> claim is an organisation with a current member
/// on the body) see their bodies' meetings. Everybody, signed in or not, sees public bodies' meetings.
/// </summary>
public static class MeetingAccess
{
    public static bool Manages(ClaimsPrincipal user, Guid bodyId) =>
        user.IsInRole(MeetingsRoles.Secretary)
        || user.IsInRole(MeetingsRoles.Clerk) && user.FindAll(MeetingsRoles.BodyClaim).Any(c => Guid.TryParse(c.Value, out var b) && b == bodyId);

    /// <summary>Refuses (403 'not-clerk-of-body') a manager who does not manage the body.</summary>
    public static void EnsureManages(ClaimsPrincipal user, Guid bodyId)
    {
        if (!Manages(user, bodyId))
            throw new DomainRuleViolation("not-clerk-of-body",
                    $"You do not manage body '{bodyId}': a clerk manages only the bodies named in the token's '{MeetingsRoles.BodyClaim}' claims.", Refusal.Forbidden)
                .With("bodyId", bodyId);
    }

    /// <summary>Whether the user's organisation has a current member on the body.</summary>
    public static async Task<bool> IsMember(ClaimsPrincipal user, Guid bodyId, IQuerySession session, CancellationToken ct) =>
        user.OrganisationId() is { } org
        && await session.Query<MemberRef>().AnyAsync(m => m.BodyId == bodyId && m.OrganisationId == org && m.Appointed && m.EndedAt == null, ct);

    /// <summary>Whether the user may see the meeting: public ones everybody; others their body's managers and members.</summary>
    public static async Task<bool> CanSee(ClaimsPrincipal user, Meeting meeting, IQuerySession session, CancellationToken ct) =>
        meeting.Public || Manages(user, meeting.BodyId) || await IsMember(user, meeting.BodyId, session, ct);

    /// <summary>The bodies whose private meetings the user may see (null: all of them).</summary>
    public static async Task<IReadOnlySet<Guid>?> VisibleBodies(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (user.IsInRole(MeetingsRoles.Secretary)) return null;
        var bodies = user.IsInRole(MeetingsRoles.Clerk)
            ? user.FindAll(MeetingsRoles.BodyClaim).Select(c => Guid.TryParse(c.Value, out var b) ? b : Guid.Empty).Where(b => b != Guid.Empty).ToHashSet()
            : [];
        if (user.OrganisationId() is { } org)
            foreach (var b in await session.Query<MemberRef>().Where(m => m.OrganisationId == org && m.Appointed && m.EndedAt == null)
                         .Select(m => m.BodyId).ToListAsync(ct))
                bodies.Add(b);
        return bodies;
    }

    // ---- decisions: the visibility of the body's meetings, and of their exempt parts ----

    /// <summary>
    /// Whether the user may see a decision: one taken at a public meeting, not under an exempt item, everybody; any other
    /// (a private body's, the ASB case panel's, an exempt item's) the body's managers and members, as for its private
    /// meetings and its full minutes.
    /// </summary>
    public static async Task<bool> CanSee(ClaimsPrincipal user, DecisionEntry decision, IQuerySession session, CancellationToken ct) =>
        decision.Public && !decision.Exempt || Manages(user, decision.BodyId) || await IsMember(user, decision.BodyId, session, ct);

    /// <summary>The register's entries the user may see: the query form of <see cref="CanSee(ClaimsPrincipal, DecisionEntry, IQuerySession, CancellationToken)"/>.</summary>
    public static async Task<IQueryable<DecisionEntry>> VisibleDecisions(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<DecisionEntry>().AsQueryable();
        if (await VisibleBodies(user, session, ct) is not { } visible) return query;
        var bodies = visible.ToArray();
        return query.Where(d => d.Public && !d.Exempt || bodies.Contains(d.BodyId));
    }
}
