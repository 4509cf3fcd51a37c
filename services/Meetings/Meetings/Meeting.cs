using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Membership;
using System.Globalization;

namespace CommunitySafety.Meetings.Meetings;

public enum AttendanceKind
{
    /// <summary>The member attended in person (or online).</summary>
    Present,
    /// <summary>A named substitute attended for the member, with the member's delegated authority.</summary>
    Substitute,
    /// <summary>The member sent apologies.</summary>
    Apologies,
}

/// <summary>The district's four engagement areas; residents in rural parts attend whichever is closest.</summary>
public enum Area
{
    North,
    East,
    South,
    West,
}

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

public enum AgendaItemKind
{
    /// <summary>Standard: apologies for absence and substitutes.</summary>
    Apologies,
    /// <summary>Standard: declarations of interest.</summary>
    Declarations,
    /// <summary>Standard: the minutes of the body's previous meeting, for approval.</summary>
    PreviousMinutes,
    /// <summary>Standard: review of the body's open actions.</summary>
    ActionsReview,
    /// <summary>An item of business the clerk adds.</summary>
    Business,
    /// <summary>An item escalated onto this agenda from another body's meeting.</summary>
    Escalated,
}

/// <summary>The kinds of interest the members' code of conduct asks to be declared.</summary>
public enum InterestNature
{
    DisclosablePecuniary,
    OtherRegistrable,
    NonRegistrable,
}

public enum MinutesStatus
{
    None,
    Draft,
    Approved,
    Published,
}

/// <summary>
/// Where an escalated item came from: an item of another body's meeting, or (<see cref="Source"/> given) another
/// service: <c>governance</c> for an exception of the Community Safety Agreement's action plan, whose
/// <see cref="ItemId"/> is the escalation's id, <see cref="ItemTitle"/> its origin text, <see cref="Url"/> where to read
/// more, and whose body and meeting ids are empty.
/// </summary>
public sealed record AgendaOrigin(Guid BodyId, string BodyName, Guid MeetingId, Guid ItemId, string ItemTitle, string? Source = null, string? Url = null);

public sealed record Paper(Guid Id, string Title, string Url, bool Exempt);

/// <summary>Where an item was escalated to.</summary>
public sealed record Escalation(Guid BodyId, Guid MeetingId, DateTimeOffset At);

public sealed record AgendaItem(
    Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, AgendaOrigin? Origin, IReadOnlyList<Paper> Papers)
{
    public IReadOnlyList<Escalation> EscalatedTo { get; init; } = [];
}

/// <summary>One arrival (or apologies) or departure, in the order they happened.</summary>
public sealed record AttendanceMovement(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId, bool Left, DateTimeOffset At);

public sealed record Interest(Guid MembershipId, Guid ItemId, InterestNature Nature, string Details, DateTimeOffset DeclaredAt);

public sealed record MinutedDecision(Guid DecisionId, Guid? ItemId, string MinuteReference, string Text, bool Exempt);

/// <summary>A passage of the minutes, under an agenda item or general; exempt passages stay out of the public version.</summary>
public sealed record MinuteSection(Guid? ItemId, string Text, bool Exempt);

public sealed record Minutes(
    MinutesStatus Status, IReadOnlyList<MinuteSection> Sections, Guid? ApprovedAtMeetingId, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt)
{
    public static readonly Minutes None = new(MinutesStatus.None, [], null, null, null);
}

// ---- events of a meeting's stream ----

public sealed record MeetingScheduled(
    Guid MeetingId, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, Area? Area,
    Guid? SeriesId, bool Public, IReadOnlyList<string> Flags, DateTimeOffset ScheduledAt);
public sealed record MeetingRescheduled(
    Guid MeetingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string Reason, IReadOnlyList<string> Flags, DateTimeOffset At);
public sealed record MeetingCancelled(Guid MeetingId, string Reason, DateTimeOffset At);
public sealed record AgendaItemAdded(Guid MeetingId, Guid ItemId, string Title, AgendaItemKind Kind, bool Exempt, AgendaOrigin? Origin, DateTimeOffset At);
public sealed record PaperAttached(Guid MeetingId, Guid ItemId, Guid PaperId, string Title, string Url, bool Exempt, DateTimeOffset At);
public sealed record AgendaPublished(Guid MeetingId, DateTimeOffset At);
public sealed record ItemEscalated(Guid MeetingId, Guid ItemId, Guid ToBodyId, Guid ToMeetingId, DateTimeOffset At);
public sealed record InterestDeclared(Guid MeetingId, Guid MembershipId, Guid ItemId, InterestNature Nature, string Details, DateTimeOffset At);
public sealed record AttendanceRecorded(Guid MeetingId, Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId, DateTimeOffset RecordedAt);
public sealed record AttendeeLeft(Guid MeetingId, Guid MembershipId, DateTimeOffset At);
/// <param name="MeetingId">The meeting.</param>
/// <param name="DecisionId">The new decision.</param>
/// <param name="BodyId">The body whose decision it is.</param>
/// <param name="Text">The decision's text.</param>
/// <param name="ConsensusReached">Whether it was taken by consensus.</param>
/// <param name="AgendaReference">The agenda item it was taken under, as minuted (e.g. its number).</param>
/// <param name="AuthoritiesRepresented">The responsible authorities represented when it was taken (for the quorum).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="ItemId">The agenda item it was taken under, when it is one of the meeting's items.</param>
/// <param name="MinuteReference">Its reference in the minutes, when given.</param>
/// <param name="Adopts">Ids of documents the decision adopts (e.g. a version of a body's terms of reference).</param>
/// <param name="Public">Taken at a public meeting: anybody signed in may read it in the register (unless <paramref name="Exempt"/>).</param>
/// <param name="Confidential">Of a confidential body (the ASB case panel, or marked so): its text never leaves Meetings.</param>
/// <param name="Exempt">Under an exempt agenda item: its text never leaves Meetings, and only the body's members and managers read it.</param>
public sealed record DecisionRecorded(
    Guid MeetingId, Guid DecisionId, Guid BodyId, string Text, bool ConsensusReached, string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented, DateTimeOffset RecordedAt, Guid? ItemId = null, string? MinuteReference = null,
    IReadOnlyList<Guid>? Adopts = null, bool Public = false, bool Confidential = false, bool Exempt = false)
{
    /// <summary>Whether the text (and agenda reference) stays inside Meetings: a confidential body's decision, or an exempt item's.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Withheld => Confidential || Exempt;
}
public sealed record MinutesDrafted(Guid MeetingId, IReadOnlyList<MinuteSection> Sections, DateTimeOffset At);
public sealed record MinutesApproved(Guid MeetingId, Guid AtMeetingId, DateTimeOffset At);
public sealed record MinutesPublished(Guid MeetingId, DateTimeOffset At);
public sealed record MeetingHeld(Guid MeetingId, Guid BodyId, bool Public, DateTimeOffset StartsAt, DateTimeOffset At);

public sealed record Attendance(Guid MembershipId, AttendanceKind Kind, Guid? SubstituteId);

/// <summary>A version of terms of reference a decision would adopt: whose terms they are, and that body's parent.</summary>
public sealed record AdoptedTerms(Guid VersionId, Guid BodyId, Guid? BodyParentId);

/// <summary>
/// A meeting of a body: when and where, its agenda, who is in the room (<see cref="Attendance"/>: the latest record
/// per member still present or sending apologies) and every arrival and departure (<see cref="AttendanceLog"/>),
/// declarations of interest, the decisions taken with their minute references, and the minutes.
/// <see cref="Sequence"/> counts changes of time, place or status, as iCalendar's SEQUENCE does.
/// </summary>
public sealed record Meeting(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, string? Location,
    IReadOnlyList<Attendance> Attendance, IReadOnlyList<Guid> Decisions)
{
    public long Version { get; set; }
    public DateTimeOffset EndsAt { get; init; }
    public Area? Area { get; init; }
    public Guid? SeriesId { get; init; }
    /// <summary>A meeting of a public body (Open Forum, Neighbourhood Engagement Meeting, the conference).</summary>
    public bool Public { get; init; }
    public MeetingStatus Status { get; init; }
    public string? CancellationReason { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset LastModified { get; init; }
    /// <summary>Warnings about the date, such as meeting after the body it must meet before.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyList<string> Changes { get; init; } = [];
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];
    public DateTimeOffset? AgendaPublishedAt { get; init; }
    public IReadOnlyList<AttendanceMovement> AttendanceLog { get; init; } = [];
    public IReadOnlyList<Interest> Interests { get; init; } = [];
    public IReadOnlyList<MinutedDecision> MinutedDecisions { get; init; } = [];
    public Minutes Minutes { get; init; } = Minutes.None;
    /// <summary>When the clerk recorded that the meeting took place.</summary>
    public DateTimeOffset? HeldAt { get; init; }

    public static Meeting Create(MeetingScheduled e) => new(e.MeetingId, e.BodyId, e.Title, e.StartsAt, e.Location, [], [])
    {
        EndsAt = e.EndsAt, Area = e.Area, SeriesId = e.SeriesId, Public = e.Public, Flags = e.Flags, LastModified = e.ScheduledAt,
    };

    public Meeting Apply(MeetingRescheduled e) => this with
    {
        StartsAt = e.StartsAt, EndsAt = e.EndsAt, Location = e.Location, Flags = e.Flags, Sequence = Sequence + 1, LastModified = e.At,
        Changes = [.. Changes, $"Rescheduled on {e.At:yyyy-MM-dd}: {e.Reason}"],
    };

    public Meeting Apply(MeetingCancelled e) => this with
    {
        Status = MeetingStatus.Cancelled, CancellationReason = e.Reason, Sequence = Sequence + 1, LastModified = e.At,
        Changes = [.. Changes, $"Cancelled on {e.At:yyyy-MM-dd}: {e.Reason}"],
    };

    public Meeting Apply(AgendaItemAdded e) => this with
    {
        Agenda = [.. Agenda, new AgendaItem(e.ItemId, Agenda.Count + 1, e.Title, e.Kind, e.Exempt, e.Origin, [])],
    };

    public Meeting Apply(PaperAttached e) => this with
    {
        Agenda = [.. Agenda.Select(i => i.Id == e.ItemId ? i with { Papers = [.. i.Papers, new Paper(e.PaperId, e.Title, e.Url, e.Exempt)] } : i)],
    };

    public Meeting Apply(AgendaPublished e) => this with { AgendaPublishedAt = e.At };

    public Meeting Apply(ItemEscalated e) => this with
    {
        Agenda = [.. Agenda.Select(i => i.Id == e.ItemId ? i with { EscalatedTo = [.. i.EscalatedTo, new Escalation(e.ToBodyId, e.ToMeetingId, e.At)] } : i)],
    };

    public Meeting Apply(InterestDeclared e) => this with
    {
        Interests = [.. Interests, new Interest(e.MembershipId, e.ItemId, e.Nature, e.Details, e.At)],
    };

    public Meeting Apply(AttendanceRecorded e) => this with
    {
        Attendance = [.. Attendance.Where(a => a.MembershipId != e.MembershipId), new Attendance(e.MembershipId, e.Kind, e.SubstituteId)],
        AttendanceLog = [.. AttendanceLog, new AttendanceMovement(e.MembershipId, e.Kind, e.SubstituteId, false, e.RecordedAt)],
    };

    public Meeting Apply(AttendeeLeft e) => this with
    {
        Attendance = [.. Attendance.Where(a => a.MembershipId != e.MembershipId)],
        AttendanceLog = [.. AttendanceLog, new AttendanceMovement(e.MembershipId,
            Attendance.FirstOrDefault(a => a.MembershipId == e.MembershipId)?.Kind ?? AttendanceKind.Present,
            Attendance.FirstOrDefault(a => a.MembershipId == e.MembershipId)?.SubstituteId, true, e.At)],
    };

    public Meeting Apply(DecisionRecorded e) => this with
    {
        Decisions = [.. Decisions, e.DecisionId],
        MinutedDecisions = [.. MinutedDecisions, new MinutedDecision(e.DecisionId, e.ItemId,
            e.MinuteReference ?? MinuteReferenceFor(e.ItemId), e.Text, ItemIsExempt(e.ItemId))],
    };

    public Meeting Apply(MinutesDrafted e) => this with { Minutes = Minutes with { Status = MinutesStatus.Draft, Sections = e.Sections } };

    public Meeting Apply(MinutesApproved e) => this with
    {
        Minutes = Minutes with { Status = MinutesStatus.Approved, ApprovedAtMeetingId = e.AtMeetingId, ApprovedAt = e.At },
    };

    public Meeting Apply(MeetingHeld e) => this with { HeldAt = e.At };

    public Meeting Apply(MinutesPublished e) => this with { Minutes = Minutes with { Status = MinutesStatus.Published, PublishedAt = e.At } };

    /// <summary>Folds events into a meeting (from none, for a stream's first event), as Marten does for the snapshot (not named Evolve: JasperFx's generator would take it for the aggregate's evolve method).</summary>
    public static Meeting Replay(Meeting? meeting, IEnumerable<object> events) => events.Aggregate(meeting, (m, e) => e switch
    {
        MeetingScheduled x => Create(x),
        MeetingRescheduled x => m!.Apply(x),
        MeetingCancelled x => m!.Apply(x),
        AgendaItemAdded x => m!.Apply(x),
        PaperAttached x => m!.Apply(x),
        AgendaPublished x => m!.Apply(x),
        ItemEscalated x => m!.Apply(x),
        InterestDeclared x => m!.Apply(x),
        AttendanceRecorded x => m!.Apply(x),
        AttendeeLeft x => m!.Apply(x),
        DecisionRecorded x => m!.Apply(x),
        MeetingHeld x => m!.Apply(x),
        MinutesDrafted x => m!.Apply(x),
        MinutesApproved x => m!.Apply(x),
        MinutesPublished x => m!.Apply(x),
        _ => throw new InvalidOperationException($"A meeting has no event {e.GetType().Name}."),
    })!;

    public AgendaItem? Item(Guid? itemId) => itemId is { } id ? Agenda.FirstOrDefault(i => i.Id == id) : null;

    public bool ItemIsExempt(Guid? itemId) => Item(itemId)?.Exempt ?? false;

    /// <summary>
    /// A decision's minute reference: the meeting's date, the agenda item's number and the decision's place under it,
    /// e.g. <c>2026-12-01/5.1</c>; decisions under no agenda item are numbered as any other business, in their own
    /// sequence: <c>2026-12-01/AOB.1</c>, <c>…/AOB.2</c>.
    /// </summary>
    public string MinuteReferenceFor(Guid? itemId)
    {
        var number = Item(itemId)?.Number;
        var under = MinutedDecisions.Count(d => Item(d.ItemId)?.Number == number) + 1;
        return $"{StartsAt:yyyy-MM-dd}/{number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? AnyOtherBusiness}.{under}";
    }

    /// <summary>Where a decision taken under no agenda item is minuted.</summary>
    public const string AnyOtherBusiness = "AOB";

    /// <summary>What the public versions of agendas and minutes show in place of an exempt item.</summary>
    public const string ExemptItemTitle = "Exempt item: not for publication";

    // ---- rules ----

    /// <summary>How long a meeting is taken to last when no end is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2);

    /// <summary>The standard items every agenda opens with.</summary>
    public static readonly IReadOnlyList<(AgendaItemKind Kind, string Title)> StandardItems =
    [
        (AgendaItemKind.Apologies, "Apologies for absence and substitutes"),
        (AgendaItemKind.Declarations, "Declarations of interest"),
        (AgendaItemKind.PreviousMinutes, "Minutes of the previous meeting"),
        (AgendaItemKind.ActionsReview, "Review of open actions"),
    ];

    /// <summary>
    /// Schedules a meeting of a known body: the meeting, then its standard agenda items. A Neighbourhood Engagement
    /// Meeting is for one area and must say which. Meetings of public bodies are public.
    /// </summary>
    public static IReadOnlyList<object> DecideSchedule(Guid meetingId, BodyRef? body, Guid bodyId, string? title, DateTimeOffset startsAt,
        DateTimeOffset? endsAt, string? location, Area? area, Guid? seriesId, IReadOnlyList<string> flags, DateTimeOffset now)
    {
        if (body is null)
            throw new DomainRuleViolation("body-not-known",
                $"Body '{bodyId}' is not known to Meetings (not created in Governance, or not yet received).", Refusal.Inconsistent);
        if (body.Kind == BodyKind.NeighbourhoodEngagement && area is null)
            throw new DomainRuleViolation("area-required",
                "A Neighbourhood Engagement Meeting is for one area: give 'area' (North, East, South or West).", Refusal.Inconsistent);
        var ends = CheckTimes(startsAt, endsAt);
        var scheduled = new MeetingScheduled(meetingId, bodyId, string.IsNullOrWhiteSpace(title) ? DefaultTitle(body, area) : title.Trim(),
            startsAt, ends, Clean(location), area, seriesId, body.IsPublic, flags, now);
        return [scheduled, .. StandardItems.Select(s => new AgendaItemAdded(meetingId, StandardItemId(meetingId, s.Kind), s.Title, s.Kind, false, null, now))];
    }

    public static string DefaultTitle(BodyRef body, Area? area) => area is { } a ? $"{body.Name} ({a})" : body.Name;

    /// <summary>A standard item's id, derived from the meeting's, so that it is the same wherever it is computed.</summary>
    public static Guid StandardItemId(Guid meetingId, AgendaItemKind kind)
    {
        var bytes = meetingId.ToByteArray();
        bytes[15] ^= (byte)(0x80 | (int)kind);
        return new Guid(bytes);
    }

    public static IReadOnlyList<object> DecideReschedule(Meeting meeting, DateTimeOffset startsAt, DateTimeOffset? endsAt, string? location,
        string reason, IReadOnlyList<string> flags, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        var ends = CheckTimes(startsAt, endsAt ?? startsAt + (meeting.EndsAt - meeting.StartsAt));
        return [new MeetingRescheduled(meeting.Id, startsAt, ends, Clean(location) ?? meeting.Location, reason.Trim(), flags, now)];
    }

    public static IReadOnlyList<object> DecideCancel(Meeting meeting, string reason, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        return [new MeetingCancelled(meeting.Id, reason.Trim(), now)];
    }

    public static IReadOnlyList<object> DecideAttendance(Meeting meeting, MemberRef? member, Guid membershipId, AttendanceKind kind,
        Guid? substituteId, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        if (member is null || !member.Appointed || member.BodyId != meeting.BodyId)
            throw new DomainRuleViolation("not-a-member", $"Membership '{membershipId}' is not a membership of this meeting's body.", Refusal.Inconsistent);
        if (!member.IsCurrent)
            throw new DomainRuleViolation("membership-ended", $"The membership of {member.PersonName} has ended.", Refusal.Inconsistent);
        if (kind == AttendanceKind.Substitute && member.Substitutes.All(s => s.Id != substituteId))
            throw new DomainRuleViolation("not-a-named-substitute",
                $"'{substituteId}' is not a named substitute for {member.PersonName}.", Refusal.Inconsistent);
        if (kind != AttendanceKind.Substitute && substituteId is not null)
            throw new DomainRuleViolation("substitute-without-kind", "substituteId is only allowed when kind is Substitute.", Refusal.Inconsistent);
        return [new AttendanceRecorded(meeting.Id, membershipId, kind, substituteId, now)];
    }

    /// <summary>A member (or their substitute) leaves the meeting; the attendance record keeps the departure.</summary>
    public static IReadOnlyList<object> DecideDeparture(Meeting meeting, Guid membershipId, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        if (meeting.Attendance.FirstOrDefault(a => a.MembershipId == membershipId) is not { Kind: not AttendanceKind.Apologies })
            throw new DomainRuleViolation("not-in-the-meeting", $"Membership '{membershipId}' is not recorded as present at this meeting.", Refusal.Inconsistent);
        return [new AttendeeLeft(meeting.Id, membershipId, now)];
    }

    /// <summary>
    /// A decision is recorded only in a quorate meeting, under an item of its agenda if one is named, with its minute
    /// reference. A meeting that was quorate and is no longer (members left) refuses with 'quorum-lost'. Terms of
    /// reference it adopts (<paramref name="adoptedTerms"/>: those of <paramref name="adopts"/> Meetings knows) must be the
    /// body's own or those of a body it is the parent of ('terms-of-another-body'). The decision records whether its body
    /// is confidential (<paramref name="confidentialBody"/>) and its item exempt: then its text never leaves Meetings.
    /// </summary>
    public static IReadOnlyList<object> DecideDecision(Meeting meeting, QuorumResult quorum, bool confidentialBody, Guid decisionId, string text,
        bool consensusReached, string? agendaReference, DateTimeOffset now, Guid? itemId = null, IReadOnlyList<Guid>? adopts = null,
        IReadOnlyList<AdoptedTerms>? adoptedTerms = null)
    {
        EnsureNotCancelled(meeting);
        if (itemId is { } id && meeting.Item(id) is null) throw ItemNotOnAgenda(id);
        if (adoptedTerms?.FirstOrDefault(t => !TermsOfReferenceAdoption.MayAdopt(t.BodyId, t.BodyParentId, meeting.BodyId)) is { } others)
            throw new DomainRuleViolation(TermsOfReferenceAdoption.Rule,
                    $"Terms of reference version '{others.VersionId}' are those of body '{others.BodyId}': only a decision of that body, or of its " +
                    "parent body, adopts them.")
                .With("versionId", others.VersionId).With("bodyId", others.BodyId);
        if (!quorum.IsQuorate)
        {
            var departed = meeting.AttendanceLog.Where(m => m.Left).Select(m => m.MembershipId).Distinct().ToList();
            throw (departed.Count > 0
                    ? new DomainRuleViolation("quorum-lost",
                        $"Quorum was lost when members left: {quorum.AuthoritiesRepresented.Count} responsible authorities remain, " +
                        $"at least {quorum.Required} needed. No decision can be taken.")
                        .With("departed", departed)
                    : new DomainRuleViolation("quorum-not-met",
                        $"The meeting is not quorate: {quorum.AuthoritiesRepresented.Count} responsible authorities represented, " +
                        $"at least {quorum.Required} needed."))
                .With("required", quorum.Required)
                .With("represented", quorum.AuthoritiesRepresented.Count);
        }
        var reference = agendaReference?.Trim() is { Length: > 0 } r ? r : meeting.Item(itemId)?.Number.ToString(CultureInfo.InvariantCulture);
        return [new DecisionRecorded(meeting.Id, decisionId, meeting.BodyId, text.Trim(), consensusReached, reference,
            quorum.AuthoritiesRepresented, now, itemId, meeting.MinuteReferenceFor(itemId), adopts is { Count: > 0 } ? [.. adopts.Distinct()] : null,
            meeting.Public, confidentialBody, meeting.ItemIsExempt(itemId))];
    }

    /// <summary>The meeting took place: recorded once, not before it starts, not for a cancelled meeting.</summary>
    public static IReadOnlyList<object> DecideHeld(Meeting meeting, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        if (meeting.HeldAt is { } at)
            throw new DomainRuleViolation("already-held", $"The meeting was recorded as held on {at:yyyy-MM-dd HH:mm} UTC.");
        if (meeting.StartsAt > now)
            throw new DomainRuleViolation("not-yet-started", $"The meeting starts on {meeting.StartsAt:yyyy-MM-dd HH:mm} UTC.").With("startsAt", meeting.StartsAt);
        return [new MeetingHeld(meeting.Id, meeting.BodyId, meeting.Public, meeting.StartsAt, now)];
    }

    /// <summary>An item of business, numbered after the items already on the agenda.</summary>
    public static IReadOnlyList<object> DecideAddItem(Meeting meeting, Guid itemId, string title, bool exempt, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        return [new AgendaItemAdded(meeting.Id, itemId, title.Trim(), AgendaItemKind.Business, exempt, null, now)];
    }

    /// <summary>A paper for an item; a paper of an exempt item is exempt whatever it says.</summary>
    public static IReadOnlyList<object> DecideAttachPaper(Meeting meeting, Guid itemId, Guid paperId, string title, string url, bool exempt,
        DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        var item = meeting.Item(itemId) ?? throw ItemNotOnAgenda(itemId);
        return [new PaperAttached(meeting.Id, itemId, paperId, title.Trim(), url.Trim(), exempt || item.Exempt, now)];
    }

    /// <summary>Publishes the agenda (once; a cancelled meeting's agenda is not published).</summary>
    public static IReadOnlyList<object> DecidePublishAgenda(Meeting meeting, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        if (meeting.AgendaPublishedAt is { } at)
            throw new DomainRuleViolation("agenda-already-published", $"The agenda was published on {at:yyyy-MM-dd HH:mm} UTC.").With("publishedAt", at);
        return [new AgendaPublished(meeting.Id, now)];
    }

    /// <summary>
    /// Escalates an item of this meeting onto <paramref name="target"/>, the next meeting of another body, keeping its
    /// origin: the source records where it went, the target gains an escalated item (exempt if the source item is).
    /// </summary>
    public static (IReadOnlyList<object> Source, IReadOnlyList<object> Target) DecideEscalation(Meeting meeting, BodyRef? sourceBody, Guid itemId,
        Guid toBodyId, Meeting? target, Guid newItemId, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        var item = meeting.Item(itemId) ?? throw ItemNotOnAgenda(itemId);
        if (toBodyId == meeting.BodyId)
            throw new DomainRuleViolation("same-body", "An item is escalated to another body; for this body's next meeting, carry it forward as an action.", Refusal.Inconsistent);
        if (target is null)
            throw new DomainRuleViolation("no-next-meeting", $"Body '{toBodyId}' has no scheduled meeting to escalate to: schedule one first.")
                .With("toBodyId", toBodyId);
        if (item.EscalatedTo.Any(e => e.MeetingId == target.Id))
            throw new DomainRuleViolation("already-escalated", "This item is already on that meeting's agenda.").With("meetingId", target.Id);
        var origin = new AgendaOrigin(meeting.BodyId, sourceBody?.Name ?? "", meeting.Id, item.Id, item.Title);
        return ([new ItemEscalated(meeting.Id, item.Id, toBodyId, target.Id, now)],
            [new AgendaItemAdded(target.Id, newItemId, item.Title, AgendaItemKind.Escalated, item.Exempt, origin, now)]);
    }

    /// <summary>A member (present or represented by a substitute) declares an interest in an item.</summary>
    public static IReadOnlyList<object> DecideInterest(Meeting meeting, MemberRef? member, Guid membershipId, Guid itemId, InterestNature nature,
        string details, DateTimeOffset now)
    {
        EnsureNotCancelled(meeting);
        if (member is null || !member.Appointed || member.BodyId != meeting.BodyId)
            throw new DomainRuleViolation("not-a-member", $"Membership '{membershipId}' is not a membership of this meeting's body.", Refusal.Inconsistent);
        if (meeting.Item(itemId) is null) throw ItemNotOnAgenda(itemId);
        if (meeting.Interests.Any(i => i.MembershipId == membershipId && i.ItemId == itemId && i.Nature == nature))
            throw new DomainRuleViolation("interest-already-declared", $"{member.PersonName} has already declared this interest in this item.");
        return [new InterestDeclared(meeting.Id, membershipId, itemId, nature, details.Trim(), now)];
    }

    private static DomainRuleViolation ItemNotOnAgenda(Guid itemId) =>
        new("item-not-on-agenda", $"Item '{itemId}' is not on this meeting's agenda.", Refusal.Inconsistent);

    public static void EnsureNotCancelled(Meeting meeting)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
            throw new DomainRuleViolation("meeting-cancelled", $"The meeting was cancelled: {meeting.CancellationReason}");
    }

    private static DateTimeOffset CheckTimes(DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var ends = endsAt ?? startsAt + DefaultDuration;
        if (ends <= startsAt)
            throw new DomainRuleViolation("ends-before-start", "'endsAt' must be after 'startsAt'.", Refusal.Inconsistent);
        if (ends - startsAt > TimeSpan.FromDays(2))
            throw new DomainRuleViolation("too-long", "A meeting lasts at most two days.", Refusal.Inconsistent);
        return ends;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
