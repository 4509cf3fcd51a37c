using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

// What a body shows (GET …/bodies, …/bodies/{id}, its elections, offices, reminders, interests and terms of reference, the
// open bodies, the compliance checklist): its own document, kept inline with the body's stream, so the aggregate (Body)
// holds only what its rules read.

public sealed record Substitute(Guid SubstituteId, string Name, DateTimeOffset NamedAt);

public sealed record Membership(
    Guid MembershipId, Guid OrganisationId, string PersonName, MemberRole Role, DateTimeOffset AppointedAt,
    IReadOnlyList<Substitute> Substitutes, DateTimeOffset? EndedAt = null)
{
    public bool IsCurrent => EndedAt is null;

    /// <summary>For a collective seat, the authorities the member represents; empty for an ordinary seat.</summary>
    public IReadOnlyList<Guid> Represents { get; init; } = [];
}

/// <summary>An interest as registered; <see cref="To"/> is its last day, when known (declared, or set when it was ended).</summary>
public sealed record Interest(
    Guid InterestId, Guid MembershipId, InterestCategory Category, string Description, DateOnly From, DateOnly? To, DateTimeOffset RegisteredAt,
    DateTimeOffset? EndedAt = null)
{
    public bool CurrentOn(DateOnly day) => From <= day && (To is null || To >= day);
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

public sealed record RepresentationApproval(Guid OrganisationId, string PersonName, string ApprovedBy, DateOnly ApprovedOn);

/// <summary>
/// A body as read: its kind, cadence and quorum, its members (past ones too) with their substitutes, the register of
/// interests, the elections, offices and reminders, its parent, the representation approvals and its terms of reference
/// in effect. Marten keeps it inline with the body's stream, folding each event with <see cref="Evolve(BodyView?, object)"/>
/// (<c>Create</c>/<c>Apply</c>); a new document, so streams written before it need a rebuild of this projection.
/// </summary>
public sealed partial record BodyView(
    Guid Id, string Name, BodyKind Kind, MeetingCadence Cadence, int QuorumMinimum, DateTimeOffset CreatedAt,
    IReadOnlyList<Membership> Members)
{
    public long Version { get; init; }

    /// <summary>Governance marked the body confidential (at creation or later).</summary>
    public bool MarkedConfidential { get; init; }

    /// <summary>Whether the body is confidential: the ASB case panel, or marked so.</summary>
    public bool Confidential => BodyConfidentiality.IsConfidential(Kind, MarkedConfidential);

    /// <summary>The register of members' interests, in the order registered.</summary>
    public IReadOnlyList<Interest> Interests { get; init; } = [];

    /// <summary>Every election, oldest first.</summary>
    public IReadOnlyList<Election> Elections { get; init; } = [];

    /// <summary>The latest term of each office that has been filled by election.</summary>
    public IReadOnlyList<OfficeTerm> Offices { get; init; } = [];

    /// <summary>"Term ending" reminders raised, oldest first.</summary>
    public IReadOnlyList<OfficeReminder> Reminders { get; init; } = [];

    /// <summary>The body that oversees this one and may adopt its terms of reference.</summary>
    public Guid? ParentBodyId { get; init; }

    public IReadOnlyList<RepresentationApproval> RepresentationApprovals { get; init; } = [];

    /// <summary>How many versions of the terms of reference were drafted (the last version's number).</summary>
    public int TermsVersionsDrafted { get; init; }

    /// <summary>The version of the terms of reference in effect, if any was adopted.</summary>
    public Guid? TermsOfReferenceVersionId { get; init; }

    /// <summary>The number of the version in effect.</summary>
    public int? TermsOfReferenceVersion { get; init; }

    /// <summary>How the body decides, once terms of reference say so.</summary>
    public DecisionMaking? DecisionMaking { get; init; }

    public static BodyView Create(BodyCreated e) => new(e.BodyId, e.Name, e.Kind, e.Cadence, e.QuorumMinimum, e.CreatedAt, [])
    {
        MarkedConfidential = e.Confidential, ParentBodyId = e.ParentBodyId,
    };

    /// <summary>The view after <paramref name="event"/>: from none for the body's first event (<see cref="BodyCreated"/>).</summary>
    public static BodyView Evolve(BodyView? state, object @event) => @event switch
    {
        BodyCreated e => Create(e),
        MemberAppointed e => Existing(state).Apply(e),
        SubstituteNamed e => Existing(state).Apply(e),
        MembershipEnded e => Existing(state).Apply(e),
        BodyMarkedConfidential e => Existing(state).Apply(e),
        BodyParentChanged e => Existing(state).Apply(e),
        InterestRegistered e => Existing(state).Apply(e),
        InterestEnded e => Existing(state).Apply(e),
        OfficeHolderElected e => Existing(state).Apply(e),
        MemberRoleChanged e => Existing(state).Apply(e),
        OfficeTermEndingReminderRaised e => Existing(state).Apply(e),
        OfficeTermLapsed e => Existing(state).Apply(e),
        RepresentationApproved e => Existing(state).Apply(e),
        TermsOfReferenceVersionDrafted e => Existing(state).Apply(e),
        BodyTermsAdopted e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(BodyView?, object)"/>.
    /// </summary>
    public BodyView Evolve(object @event) => Evolve(this, @event);

    private static BodyView Existing(BodyView? state) => state ?? throw new InvalidOperationException("A body's stream starts with BodyCreated.");

    // ---- members ----

    public BodyView Apply(MemberAppointed e) => this with
    {
        Members = [.. Members, new Membership(e.MembershipId, e.OrganisationId, e.PersonName, e.Role, e.AppointedAt, []) { Represents = e.Represents ?? [] }],
    };

    public BodyView Apply(SubstituteNamed e) => WithMember(e.MembershipId,
        m => m with { Substitutes = [.. m.Substitutes, new Substitute(e.SubstituteId, e.Name, e.NamedAt)] });

    /// <summary>The membership ends; an office its member held is vacant from that day.</summary>
    public BodyView Apply(MembershipEnded e) => WithMember(e.MembershipId, m => m with { EndedAt = e.EndedAt }) with
    {
        Offices = Offices.Select(t => t.MembershipId == e.MembershipId && t.VacantFrom is null
            ? t with { VacantFrom = PartnershipCalendar.Today(e.EndedAt), VacancyReason = OfficeVacancyReason.MembershipEnded }
            : t).ToList(),
    };

    private BodyView WithMember(Guid membershipId, Func<Membership, Membership> change) => this with
    {
        Members = Members.Select(m => m.MembershipId == membershipId ? change(m) : m).ToList(),
    };

    public Membership? Member(Guid membershipId) => Members.FirstOrDefault(m => m.MembershipId == membershipId);

    // ---- confidentiality, parent, representation ----

    public BodyView Apply(BodyMarkedConfidential e) => this with { MarkedConfidential = true };

    public BodyView Apply(BodyParentChanged e) => this with { ParentBodyId = e.ParentBodyId };

    public BodyView Apply(RepresentationApproved e) => this with
    {
        RepresentationApprovals = [.. RepresentationApprovals, new RepresentationApproval(e.OrganisationId, e.PersonName, e.ApprovedBy, e.ApprovedOn)],
    };

    // ---- interests ----

    public BodyView Apply(InterestRegistered e) => this with
    {
        Interests = [.. Interests, new Interest(e.InterestId, e.MembershipId, e.Category, e.Description, e.From, e.To, e.RegisteredAt)],
    };

    public BodyView Apply(InterestEnded e) => this with
    {
        Interests = Interests.Select(i => i.InterestId == e.InterestId ? i with { To = e.On, EndedAt = e.RecordedAt } : i).ToList(),
    };

    // ---- offices ----

    public OfficeTerm? Term(Office office) => Offices.FirstOrDefault(t => t.Office == office);

    public BodyView Apply(OfficeHolderElected e)
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

    public BodyView Apply(MemberRoleChanged e) => WithMember(e.MembershipId, m => m with { Role = e.Role });

    public BodyView Apply(OfficeTermEndingReminderRaised e) => this with
    {
        Offices = Offices.Select(t => t.ElectionId == e.ElectionId ? t with { ReminderRaisedAt = e.RaisedAt } : t).ToList(),
        Reminders = [.. Reminders, new OfficeReminder(e.Office, e.MembershipId, Member(e.MembershipId)?.PersonName ?? "", e.TermEndsOn, e.ElectionId, e.RaisedAt)],
    };

    public BodyView Apply(OfficeTermLapsed e) => this with
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
        return Members.FirstOrDefault(m => m.IsCurrent && m.Role == Body.RoleOf(office)) is { } appointed
            ? new OfficeView(office, appointed.MembershipId, appointed.PersonName, null, null, false, null, null, null, null)
            : new OfficeView(office, null, null, null, null, true, null, null, null, null);
    }).ToList();

    // ---- terms of reference ----

    public BodyView Apply(TermsOfReferenceVersionDrafted e) => this with { TermsVersionsDrafted = Math.Max(TermsVersionsDrafted, e.Number) };

    public BodyView Apply(BodyTermsAdopted e) => this with
    {
        Cadence = e.Cadence,
        QuorumMinimum = e.QuorumMinimum,
        DecisionMaking = e.DecisionMaking,
        TermsOfReferenceVersionId = e.VersionId,
        TermsOfReferenceVersion = e.Number,
    };

    public TermsStatus StatusOf(TermsVersionView terms) =>
        terms.Adoption is null ? TermsStatus.Draft : terms.Id == TermsOfReferenceVersionId ? TermsStatus.InEffect : TermsStatus.Superseded;
}
