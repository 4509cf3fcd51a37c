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

/// <summary>An election as the rules see it: one per office per decision.</summary>
/// <param name="DecisionId">The decision that elected.</param>
/// <param name="Office">The office it elected to.</param>
/// <param name="ElectionId">The election.</param>
/// <param name="ElectedName">Who was elected.</param>
public sealed record DecidedElection(Guid DecisionId, Office Office, Guid ElectionId, string ElectedName);

/// <summary>The latest term of an office as the rules see it: its holder, its last day, whether reminded, whether vacant.</summary>
/// <param name="Office">The office.</param>
/// <param name="ElectionId">The election that began the term.</param>
/// <param name="MembershipId">The holder.</param>
/// <param name="TermEndsOn">The term's last day.</param>
/// <param name="Reminded">Whether the "term ending" reminder was raised.</param>
/// <param name="Vacant">Whether the office was recorded vacant (lapsed, the holder left, or was elected to the other office).</param>
public sealed record HeldTerm(Office Office, Guid ElectionId, Guid MembershipId, DateOnly TermEndsOn, bool Reminded = false, bool Vacant = false);

public sealed partial record Body
{
    /// <summary>The elections made by a decision (what shows: <see cref="BodyView.Elections"/>).</summary>
    public IReadOnlyList<DecidedElection> ElectionsByDecision { get; init; } = [];

    /// <summary>The latest term of each office that has been filled by election (what shows: <see cref="BodyView.Offices"/>).</summary>
    public IReadOnlyList<HeldTerm> OfficeTerms { get; init; } = [];

    public HeldTerm? Term(Office office) => OfficeTerms.FirstOrDefault(t => t.Office == office);

    public Body Apply(OfficeHolderElected e) => this with
    {
        ElectionsByDecision = e.DecisionId is { } decision
            ? [.. ElectionsByDecision, new DecidedElection(decision, e.Office, e.ElectionId, Member(e.MembershipId)?.PersonName ?? "")]
            : ElectionsByDecision,
        OfficeTerms =
        [
            .. OfficeTerms.Where(t => t.Office != e.Office).Select(t => t.MembershipId == e.MembershipId ? t with { Vacant = true } : t),
            new HeldTerm(e.Office, e.ElectionId, e.MembershipId, e.TermEndsOn),
        ],
    };

    public Body Apply(MemberRoleChanged e) => WithMember(e.MembershipId, m => m with { Role = e.Role });

    public Body Apply(OfficeTermEndingReminderRaised e) => this with
    {
        OfficeTerms = OfficeTerms.Select(t => t.ElectionId == e.ElectionId ? t with { Reminded = true } : t).ToList(),
    };

    public Body Apply(OfficeTermLapsed e) => this with
    {
        OfficeTerms = OfficeTerms.Select(t => t.ElectionId == e.ElectionId ? t with { Vacant = true } : t).ToList(),
    };

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
        if (decisionId is { } decision && body.ElectionsByDecision.FirstOrDefault(e => e.DecisionId == decision && e.Office == office) is { } earlier)
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
        body.Term(office) is { Vacant: false, Reminded: false } term && term.ElectionId == electionId && term.TermEndsOn >= today
            ? [new OfficeTermEndingReminderRaised(body.Id, office, electionId, term.MembershipId, term.TermEndsOn, now)]
            : [];

    /// <summary>The lapse at the end of a term: only when that term is still the office's latest and its last day has passed.</summary>
    public static IReadOnlyList<object> DecideLapse(Body body, Office office, Guid electionId, DateOnly today, DateTimeOffset now)
    {
        if (body.Term(office) is not { Vacant: false } term || term.ElectionId != electionId || term.TermEndsOn >= today) return [];
        var events = new List<object> { new OfficeTermLapsed(body.Id, office, electionId, term.MembershipId, term.TermEndsOn, now) };
        if (body.Member(term.MembershipId) is { IsCurrent: true } holder && holder.Role == RoleOf(office))
            events.Add(new MemberRoleChanged(body.Id, holder.MembershipId, MemberRole.Member, now));
        return events;
    }
}

/// <summary>Configuration section <c>Governance:Offices</c>.</summary>
public sealed class OfficeOptions : ISettings<OfficeOptions>
{
    /// <inheritdoc />
    public static string Section => "Governance:Offices";

    /// <summary>The length of a term when the election does not say (default 2 years).</summary>
    public int TermYears { get; set; } = 2;

    /// <summary>How many days before a term ends the reminder is raised (default 60).</summary>
    public int ReminderDays { get; set; } = 60;

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (TermYears < 1) yield return "TermYears must be at least 1.";
        if (ReminderDays < 0) yield return "ReminderDays must be 0 or more.";
    }
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
