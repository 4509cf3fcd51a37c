using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Minutes;

/// <summary>One arrival, apologies or departure, with the names Meetings knows.</summary>
public sealed record MinutesAttendance(
    Guid MembershipId, string Name, string? Organisation, AttendanceKind Kind, string? Substitute, bool Left, DateTimeOffset At);

public sealed record MinutesDeclaration(Guid MembershipId, string Name, InterestNature Nature, string Details);

public sealed record MinutesPassage(string Text, bool Exempt);

public sealed record MinutesDecision(Guid DecisionId, string MinuteReference, string Text, bool Exempt);

public sealed record MinutesItem(
    Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, IReadOnlyList<Paper> Papers, IReadOnlyList<MinutesDeclaration> Declarations,
    IReadOnlyList<MinutesPassage> Sections, IReadOnlyList<MinutesDecision> Decisions);

/// <summary>Where the minutes were approved as a correct record, and the approving decision's minute reference.</summary>
public sealed record MinutesApproval(Guid AtMeetingId, DateTimeOffset? AtMeetingStartsAt, DateTimeOffset ApprovedAt, string? MinuteReference);

/// <summary>
/// The minutes of a meeting, assembled from the meeting: attendance, declarations of interest per item, each agenda item
/// with its passages and decisions (with minute references), passages and decisions under no item, status and approval.
/// </summary>
public sealed record MinutesDocument(
    Guid MeetingId, Guid BodyId, string? BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location,
    MinutesStatus Status, bool PublicVersion, MinutesApproval? Approval, DateTimeOffset? PublishedAt, IReadOnlyList<MinutesAttendance> Attendance,
    IReadOnlyList<MinutesItem> Items, IReadOnlyList<MinutesPassage> General, IReadOnlyList<MinutesDecision> GeneralDecisions)
{

    /// <summary>The full minutes, for the body's managers and members (drafts included).</summary>
    public static MinutesDocument Assemble(Meeting meeting, MembershipSnapshot membership, Meeting? approvingMeeting)
    {
        string NameOf(Guid membershipId) => membership.Members.TryGetValue(membershipId, out var m) ? m.PersonName : "Unknown member";
        string? OrganisationOf(Guid membershipId) =>
            membership.Members.TryGetValue(membershipId, out var m) && membership.Organisations.TryGetValue(m.OrganisationId, out var o) ? o.Name : null;
        string? SubstituteOf(Guid membershipId, Guid? substituteId) =>
            substituteId is { } s && membership.Members.TryGetValue(membershipId, out var m) ? m.Substitutes.FirstOrDefault(x => x.Id == s)?.Name ?? "Unknown substitute" : null;

        var attendance = meeting.AttendanceLog
            .Select(a => new MinutesAttendance(a.MembershipId, NameOf(a.MembershipId), OrganisationOf(a.MembershipId), a.Kind,
                SubstituteOf(a.MembershipId, a.SubstituteId), a.Left, a.At))
            .ToList();
        var sections = meeting.Minutes.Sections;
        var items = meeting.Agenda.OrderBy(i => i.Number).Select(i => new MinutesItem(i.Id, i.Number, i.Title, i.Kind, i.Exempt, i.Papers,
                [.. meeting.Interests.Where(d => d.ItemId == i.Id).Select(d => new MinutesDeclaration(d.MembershipId, NameOf(d.MembershipId), d.Nature, d.Details))],
                [.. sections.Where(s => s.ItemId == i.Id).Select(s => new MinutesPassage(s.Text, s.Exempt))],
                [.. meeting.MinutedDecisions.Where(d => d.ItemId == i.Id).Select(Decision)]))
            .ToList();
        var onAgenda = meeting.Agenda.Select(i => i.Id).ToHashSet();
        var general = sections.Where(s => s.ItemId is not { } id || !onAgenda.Contains(id)).Select(s => new MinutesPassage(s.Text, s.Exempt)).ToList();
        var generalDecisions = meeting.MinutedDecisions.Where(d => d.ItemId is not { } id || !onAgenda.Contains(id)).Select(Decision).ToList();

        return new MinutesDocument(meeting.Id, meeting.BodyId, membership.Body?.Name, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Location,
            meeting.Minutes.Status, false, ApprovalOf(meeting, approvingMeeting), meeting.Minutes.PublishedAt, attendance, items, general, generalDecisions);
    }

    private static MinutesDecision Decision(MinutedDecision d) => new(d.DecisionId, d.MinuteReference, d.Text, d.Exempt);

    /// <summary>Where the minutes were approved; the reference is that of the approving decision at the next meeting.</summary>
    public static MinutesApproval? ApprovalOf(Meeting meeting, Meeting? approvingMeeting)
    {
        if (meeting.Minutes.ApprovedAtMeetingId is not { } at || meeting.Minutes.ApprovedAt is not { } when) return null;
        if (approvingMeeting?.Id != at) return new MinutesApproval(at, null, when, null);
        var reference = approvingMeeting.MinutedDecisions
            .LastOrDefault(d => approvingMeeting.Item(d.ItemId)?.Kind == AgendaItemKind.PreviousMinutes
                                && d.Text.StartsWith(MinutesRules.ApprovalTextPrefix, StringComparison.Ordinal))?.MinuteReference;
        return new MinutesApproval(at, approvingMeeting.StartsAt, when, reference);
    }

    /// <summary>
    /// The public version: an exempt item shows only as <see cref="Meeting.ExemptItemTitle"/>, without its title,
    /// papers, declarations, passages or decisions; exempt papers, exempt passages and exempt decisions are left out.
    /// </summary>
    public static MinutesDocument ForPublic(MinutesDocument minutes) => minutes with
    {
        PublicVersion = true,
        Items =
        [
            .. minutes.Items.Select(i => i.Exempt
                ? new MinutesItem(i.Id, i.Number, Meeting.ExemptItemTitle, i.Kind, true, [], [], [], [])
                : i with
                {
                    Papers = [.. i.Papers.Where(p => !p.Exempt)],
                    Sections = [.. i.Sections.Where(s => !s.Exempt)],
                    Decisions = [.. i.Decisions.Where(d => !d.Exempt)],
                }),
        ],
        General = [.. minutes.General.Where(s => !s.Exempt)],
        GeneralDecisions = [.. minutes.GeneralDecisions.Where(d => !d.Exempt)],
    };
}
