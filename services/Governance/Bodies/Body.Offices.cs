using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

// Chair and Vice Chair: "revised every two years and elected from amongst the members" (KCSP Working Group ToR §7).
// An election records its candidates, the one elected, the deciding decision and the term. The elected member's role
// becomes the office (MemberRoleChanged); whoever held it before is a plain member again, so the one-chair rule of
// appointments (Body.DecideAppointment) and the members' roles always agree with the offices.

/// <summary>A member was elected to <paramref name="Office"/> from <paramref name="Candidates"/>; the term runs to <paramref name="TermEndsOn"/> inclusive.</summary>
public sealed record OfficeHolderElected(
    Guid BodyId, Guid ElectionId, Office Office, IReadOnlyList<Guid> Candidates, Guid MembershipId, Guid? DecisionId,
    DateOnly TermStartsOn, DateOnly TermEndsOn, DateTimeOffset ElectedAt);

/// <summary>A member's role changed because of an election or a lapsed term.</summary>
public sealed record MemberRoleChanged(Guid BodyId, Guid MembershipId, MemberRole Role, DateTimeOffset ChangedAt);

/// <summary>The reminder before an office holder's term ends (raised by a scheduled message, or at once when already due).</summary>
public sealed record OfficeTermEndingReminderRaised(Guid BodyId, Office Office, Guid ElectionId, Guid MembershipId, DateOnly TermEndsOn, DateTimeOffset RaisedAt);

/// <summary>The term ended with no newer election: the office is vacant from the day after <paramref name="TermEndsOn"/>.</summary>
public sealed record OfficeTermLapsed(Guid BodyId, Office Office, Guid ElectionId, Guid MembershipId, DateOnly TermEndsOn, DateTimeOffset RecordedAt);

public enum OfficeVacancyReason
{
    TermLapsed,
    MembershipEnded,
    ElectedToOtherOffice,
}

/// <summary>An election as recorded: who stood, who was elected, on which decision, for which term.</summary>
public sealed record Election(
    Guid ElectionId, Office Office, IReadOnlyList<Guid> Candidates, Guid ElectedMembershipId, string ElectedName, Guid? DecisionId,
    DateOnly TermStartsOn, DateOnly TermEndsOn, DateTimeOffset RecordedAt);

/// <summary>The latest term of an office. Vacant from <see cref="VacantFrom"/> once recorded as such.</summary>
public sealed record OfficeTerm(
    Office Office, Guid MembershipId, string PersonName, Guid ElectionId, DateOnly TermStartsOn, DateOnly TermEndsOn,
    DateTimeOffset? ReminderRaisedAt = null, DateOnly? VacantFrom = null, OfficeVacancyReason? VacancyReason = null);

/// <summary>A "term ending" reminder, as shown on the body.</summary>
public sealed record OfficeReminder(Office Office, Guid MembershipId, string PersonName, DateOnly TermEndsOn, Guid ElectionId, DateTimeOffset RaisedAt);

/// <summary>An office as of a given day: its holder and term, or vacant (and since when, and why).</summary>
public sealed record OfficeView(
    Office Office, Guid? MembershipId, string? PersonName, DateOnly? TermStartsOn, DateOnly? TermEndsOn, bool Vacant, DateOnly? VacantFrom,
    OfficeVacancyReason? VacancyReason, Guid? ElectionId, DateTimeOffset? ReminderRaisedAt);

public sealed partial record Body
{
    /// <summary>Every election, oldest first.</summary>
    public IReadOnlyList<Election> Elections { get; init; } = [];

    /// <summary>The latest term of each office that has been filled by election.</summary>
    public IReadOnlyList<OfficeTerm> Offices { get; init; } = [];

    /// <summary>"Term ending" reminders raised, oldest first.</summary>
    public IReadOnlyList<OfficeReminder> Reminders { get; init; } = [];

    public OfficeTerm? Term(Office office) => Offices.FirstOrDefault(t => t.Office == office);

    public Body Apply(OfficeHolderElected e)
    {
        var name = Member(e.MembershipId)?.PersonName ?? "";
        var newTerm = new OfficeTerm(e.Office, e.MembershipId, name, e.ElectionId, e.TermStartsOn, e.TermEndsOn);
        return this with
        {
            Elections = [.. Elections, new Election(e.ElectionId, e.Office, e.Candidates, e.MembershipId, name, e.DecisionId, e.TermStartsOn, e.TermEndsOn, e.ElectedAt)],
            Offices =
            [
                .. Offices.Where(t => t.Office != e.Office).Select(t => t.MembershipId == e.MembershipId && t.VacantFrom is null
                    ? t with { VacantFrom = e.TermStartsOn, VacancyReason = OfficeVacancyReason.ElectedToOtherOffice }
                    : t),
                newTerm,
            ],
        };
    }

    public Body Apply(MemberRoleChanged e) => WithMember(e.MembershipId, m => m with { Role = e.Role });

    public Body Apply(OfficeTermEndingReminderRaised e) => this with
    {
        Offices = Offices.Select(t => t.ElectionId == e.ElectionId ? t with { ReminderRaisedAt = e.RaisedAt } : t).ToList(),
        Reminders = [.. Reminders, new OfficeReminder(e.Office, e.MembershipId, Member(e.MembershipId)?.PersonName ?? "", e.TermEndsOn, e.ElectionId, e.RaisedAt)],
    };

    public Body Apply(OfficeTermLapsed e) => this with
    {
        Offices = Offices.Select(t => t.ElectionId == e.ElectionId
            ? t with { VacantFrom = e.TermEndsOn.AddDays(1), VacancyReason = OfficeVacancyReason.TermLapsed }
            : t).ToList(),
    };

    /// <summary>
    /// The offices as of <paramref name="today"/>: a term whose last day is past is vacant even before the scheduled lapse is
    /// recorded. A chair or vice-chair appointed as such (without an election) shows as the holder, with no term.
    /// </summary>
    public IReadOnlyList<OfficeView> OfficesOn(DateOnly today) => Enum.GetValues<Office>().Select(office =>
    {
        if (Term(office) is { } t)
        {
            var vacantFrom = t.VacantFrom ?? (t.TermEndsOn < today ? t.TermEndsOn.AddDays(1) : null);
            var reason = t.VacancyReason ?? (vacantFrom is null ? null : OfficeVacancyReason.TermLapsed);
            var vacant = vacantFrom is { } from && from <= today;
            return vacant
                ? new OfficeView(office, null, null, null, null, true, vacantFrom, reason, null, null)
                : new OfficeView(office, t.MembershipId, t.PersonName, t.TermStartsOn, t.TermEndsOn, false, null, null, t.ElectionId, t.ReminderRaisedAt);
        }
        return Members.FirstOrDefault(m => m.IsCurrent && m.Role == RoleOf(office)) is { } appointed
            ? new OfficeView(office, appointed.MembershipId, appointed.PersonName, null, null, false, null, null, null, null)
            : new OfficeView(office, null, null, null, null, true, null, null, null, null);
    }).ToList();

    public static MemberRole RoleOf(Office office) => office == Office.Chair ? MemberRole.Chair : MemberRole.ViceChair;

    // ---- rules ----

    /// <summary>
    /// An election: the candidates are current members, the elected one is among them, the term ends after it starts and does
    /// not start after today (no elect-in-waiting). A term that has already ended may be recorded (a past election); the
    /// office is then vacant at once. One election per office per decision.
    /// </summary>
    public static IReadOnlyList<object> DecideElection(
        Body body, Guid electionId, Office office, IReadOnlyList<Guid> candidates, Guid electedMembershipId, Guid? decisionId,
        DateOnly termStartsOn, DateOnly termEndsOn, DateOnly today, DateTimeOffset now)
    {
        foreach (var candidate in candidates)
            if (body.Member(candidate) is not { IsCurrent: true })
                throw new DomainRuleViolation("candidate-not-a-member",
                        $"Candidate '{candidate}' is not a current member of {body.Name}: office holders are elected from amongst the members.", Refusal.Inconsistent)
                    .With("membershipId", candidate);
        if (!candidates.Contains(electedMembershipId))
            throw new DomainRuleViolation("elected-not-a-candidate", $"The member elected ('{electedMembershipId}') was not among the candidates.", Refusal.Inconsistent)
                .With("membershipId", electedMembershipId);
        if (termEndsOn <= termStartsOn)
            throw new DomainRuleViolation("term-ends-before-it-starts",
                    $"The term must end after it starts ({termStartsOn:yyyy-MM-dd}); it ends on {termEndsOn:yyyy-MM-dd}.", Refusal.Inconsistent)
                .With("termStartsOn", termStartsOn).With("termEndsOn", termEndsOn);
        if (termStartsOn > today)
            throw new DomainRuleViolation("term-starts-in-future",
                    $"Record the election when the term starts: {termStartsOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).", Refusal.Inconsistent)
                .With("today", today);
        if (decisionId is { } decision && body.Elections.FirstOrDefault(e => e.DecisionId == decision && e.Office == office) is { } earlier)
            throw new DomainRuleViolation("election-already-recorded",
                    $"Decision '{decision}' already elected {earlier.ElectedName} as {office}.")
                .With("electionId", earlier.ElectionId);

        var role = RoleOf(office);
        var events = new List<object>
        {
            new OfficeHolderElected(body.Id, electionId, office, [.. candidates], electedMembershipId, decisionId, termStartsOn, termEndsOn, now),
        };
        // whoever holds the office now (elected or appointed as such) is a plain member again
        foreach (var holder in body.Members.Where(m => m.IsCurrent && m.Role == role && m.MembershipId != electedMembershipId))
            events.Add(new MemberRoleChanged(body.Id, holder.MembershipId, MemberRole.Member, now));
        if (body.Member(electedMembershipId)!.Role != role)
            events.Add(new MemberRoleChanged(body.Id, electedMembershipId, role, now));
        return events;
    }

    /// <summary>The "term ending" reminder: once per term, only while that term is the office's latest, held and not yet over.</summary>
    public static IReadOnlyList<object> DecideTermEndingReminder(Body body, Office office, Guid electionId, DateOnly today, DateTimeOffset now) =>
        body.Term(office) is { VacantFrom: null, ReminderRaisedAt: null } term && term.ElectionId == electionId && term.TermEndsOn >= today
            ? [new OfficeTermEndingReminderRaised(body.Id, office, electionId, term.MembershipId, term.TermEndsOn, now)]
            : [];

    /// <summary>The lapse at the end of a term: only when that term is still the office's latest and its last day has passed.</summary>
    public static IReadOnlyList<object> DecideLapse(Body body, Office office, Guid electionId, DateOnly today, DateTimeOffset now)
    {
        if (body.Term(office) is not { VacantFrom: null } term || term.ElectionId != electionId || term.TermEndsOn >= today) return [];
        var events = new List<object> { new OfficeTermLapsed(body.Id, office, electionId, term.MembershipId, term.TermEndsOn, now) };
        if (body.Member(term.MembershipId) is { IsCurrent: true } holder && holder.Role == RoleOf(office))
            events.Add(new MemberRoleChanged(body.Id, holder.MembershipId, MemberRole.Member, now));
        return events;
    }
}

/// <summary>Configuration section <c>Governance:Offices</c>.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Governance:Offices";

    /// <summary>The length of a term when the election does not say (default 2 years).</summary>
    public int TermYears { get; set; } = 2;

    /// <summary>How many days before a term ends the reminder is raised (default 60).</summary>
    public int ReminderDays { get; set; } = 60;
}

/// <summary>When the scheduled messages of a term fall due.</summary>
public static class OfficeSchedule
{
    /// <summary>The default end of a term starting on <paramref name="termStartsOn"/>: <see cref="OfficeOptions.TermYears"/> later.</summary>
    public static DateOnly DefaultTermEndsOn(DateOnly termStartsOn, OfficeOptions options) => termStartsOn.AddYears(options.TermYears);

    /// <summary>
    /// When to raise the "term ending" reminder: <see cref="OfficeOptions.ReminderDays"/> before the term's last day, at the
    /// start of that UK day; at once (<paramref name="now"/>) when that is already past; never (null) when the term is over.
    /// </summary>
    public static DateTimeOffset? ReminderDueAt(DateOnly termEndsOn, int reminderDays, DateTimeOffset now)
    {
        if (termEndsOn < PartnershipCalendar.Today(now)) return null;
        var due = PartnershipCalendar.StartOf(termEndsOn.AddDays(-reminderDays));
        return due < now ? now : due;
    }

    /// <summary>When the term lapses: the start of the UK day after its last day (at once when already past).</summary>
    public static DateTimeOffset LapseDueAt(DateOnly termEndsOn, DateTimeOffset now)
    {
        var due = PartnershipCalendar.StartOf(termEndsOn.AddDays(1));
        return due < now ? now : due;
    }
}
