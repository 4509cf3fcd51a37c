using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;

namespace CommunitySafety.Web.Components.Pages.Clerk;

/// <summary>Whether an organisation counts towards the meeting's quorum now, and why, in words.</summary>
public sealed record Standing(Guid OrganisationId, string Organisation, OrganisationKind? Kind, bool Counts, string Why);

/// <summary>
/// Who is at a meeting, in words: each member's attendance as recorded (present, a named substitute, apologies, left), and
/// each organisation's standing for quorum. Whether a responsible authority counts is the quorum answer's (Meetings applies
/// the rule); why is read from the attendance and the membership: its member present, or a named substitute for its
/// member, or else apologies, a departure, nobody recorded. Co-operating bodies never count.
/// </summary>
public sealed class Presence(Meeting meeting, BodyMembership membership, QuorumResult quorum)
{
    private readonly Dictionary<Guid, Attendance> _attendance = meeting.Attendance.ToDictionary(a => a.MembershipId);

    /// <summary>The body's current members, by organisation then name.</summary>
    public IReadOnlyList<MemberRef> Members { get; } = [.. membership.Members.Where(m => m.Appointed && m.EndedAt is null)
        .OrderBy(m => OrganisationName(membership, m.OrganisationId)).ThenBy(m => m.PersonName)];

    public string OrganisationOf(MemberRef member) => OrganisationName(membership, member.OrganisationId);

    public Attendance? AttendanceOf(MemberRef member) => _attendance.GetValueOrDefault(member.Id);

    /// <summary>In the room now: present, or represented by a substitute.</summary>
    public bool InTheRoom(MemberRef member) => AttendanceOf(member) is { Kind: AttendanceKind.Present or AttendanceKind.Substitute };

    /// <summary>When the member (or their substitute) left, if that is the last thing recorded of them.</summary>
    public DateTimeOffset? LeftAt(MemberRef member) =>
        AttendanceOf(member) is null && meeting.AttendanceLog.LastOrDefault(m => m.MembershipId == member.Id) is { Left: true } last ? last.At : null;

    public string? SubstituteName(MemberRef member, Guid? substituteId) => member.Substitutes.FirstOrDefault(s => s.Id == substituteId)?.Name;

    /// <summary>What is recorded of a member, briefly: "Present", "Substitute: Dev Nurse", "Apologies", "Left at 8:15pm", "Not recorded".</summary>
    public string Recorded(MemberRef member) => AttendanceOf(member) switch
    {
        { Kind: AttendanceKind.Present } => "Present",
        { Kind: AttendanceKind.Substitute } a => $"Substitute: {SubstituteName(member, a.SubstituteId) ?? "not a named substitute"}",
        { Kind: AttendanceKind.Apologies } => "Apologies",
        _ => LeftAt(member) is { } left ? $"Left at {UkTime.Time(left)}" : "Not recorded",
    };

    /// <summary>A member's part in their organisation's standing, as a sentence.</summary>
    private string Sentence(MemberRef member) => AttendanceOf(member) switch
    {
        { Kind: AttendanceKind.Present } => $"{member.PersonName} is present",
        { Kind: AttendanceKind.Substitute } a => SubstituteName(member, a.SubstituteId) is { } name
            ? $"{name} is here as the named substitute for {member.PersonName}"
            : $"a substitute who is not named for {member.PersonName} is here",
        { Kind: AttendanceKind.Apologies } => $"{member.PersonName} sent apologies",
        _ => LeftAt(member) is { } left ? $"{member.PersonName} left at {UkTime.Time(left)}" : $"{member.PersonName} is not recorded as present",
    };

    public int Represented => quorum.AuthoritiesRepresented.Count;

    public int Required => quorum.Required;

    public bool IsQuorate => quorum.IsQuorate;

    /// <summary>Every organisation with a member on the body: responsible authorities first, then co-operating bodies, by name.</summary>
    public IReadOnlyList<Standing> Standings()
    {
        var kinds = membership.Organisations.ToDictionary(o => o.Id, o => o.Kind);
        var counted = quorum.AuthoritiesRepresented.ToHashSet();
        return [.. Members.Select(m => m.OrganisationId).Concat(counted).Distinct()
            // an authority the quorum counts is one, even if Meetings' copy of the organisations has not caught up
            .Select(id => Of(id, counted.Contains(id) ? OrganisationKind.ResponsibleAuthority : kinds.GetValueOrDefault(id), counted.Contains(id)))
            .OrderBy(s => s.Kind == OrganisationKind.ResponsibleAuthority ? 0 : s.Kind == OrganisationKind.CooperatingBody ? 1 : 2)
            .ThenBy(s => s.Organisation)];
    }

    private Standing Of(Guid organisationId, OrganisationKind? kind, bool counts)
    {
        var members = Members.Where(m => m.OrganisationId == organisationId).ToList();
        var inTheRoom = members.Where(InTheRoom).Select(Sentence).ToList();
        var why = kind switch
        {
            OrganisationKind.ResponsibleAuthority when counts => inTheRoom.Count > 0 ? Capitalised(Joined(inTheRoom)) : "Represented, as Meetings counts it",
            OrganisationKind.ResponsibleAuthority => members.Count > 0 ? Capitalised(Joined(members.Select(Sentence))) : "It has no current member on this body",
            OrganisationKind.CooperatingBody => "A co-operating body: it may attend, but does not count for quorum" +
                (inTheRoom.Count > 0 ? $" ({Joined(inTheRoom)})" : ""),
            _ => "Not known to be a responsible authority, so it does not count",
        };
        return new Standing(organisationId, OrganisationName(membership, organisationId), kind, counts, why);
    }

    private static string Joined(IEnumerable<string> sentences) => string.Join("; ", sentences);

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string OrganisationName(BodyMembership membership, Guid id) =>
        membership.Organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "An organisation not known to Meetings";
}
