using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Membership;

public sealed record QuorumResult(bool IsQuorate, int Required, IReadOnlyList<Guid> AuthoritiesRepresented);

/// <summary>
/// The quorum rule: a meeting is quorate when at least the body's minimum number of distinct responsible
/// authorities is represented by current members present or by their named substitutes. Co-operating bodies
/// never count; two people of one authority count once; apologies, ended memberships and substitutes who
/// were not named for that member do not count.
/// </summary>
public static class Quorum
{
    public static QuorumResult Evaluate(
        int minimum,
        IEnumerable<Attendance> attendance,
        IReadOnlyDictionary<Guid, MemberRef> members,
        IReadOnlyDictionary<Guid, OrganisationRef> organisations)
    {
        var represented = attendance
            .Select(a => members.TryGetValue(a.MembershipId, out var m) && Counts(a, m) ? m.OrganisationId : (Guid?)null)
            .OfType<Guid>()
            .Where(org => organisations.TryGetValue(org, out var o) && o.Kind == OrganisationKind.ResponsibleAuthority)
            .Distinct()
            .Order()
            .ToList();
        return new QuorumResult(represented.Count >= minimum, minimum, represented);
    }

    private static bool Counts(Attendance a, MemberRef member) => member.IsCurrent && a.Kind switch
    {
        AttendanceKind.Present => true,
        AttendanceKind.Substitute => member.Substitutes.Any(s => s.Id == a.SubstituteId),
        _ => false,
    };
}
