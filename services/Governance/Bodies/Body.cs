using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Bodies;

/// <param name="BodyId">The new body.</param>
/// <param name="Name">The body's name.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="Cadence">How often it meets.</param>
/// <param name="QuorumMinimum">How many responsible authorities must be represented for a decision.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Confidential">Marked confidential at creation (the ASB case panel is confidential whatever this says).</param>
/// <param name="ParentBodyId">The body that oversees this one and may adopt its terms of reference.</param>
public sealed record BodyCreated(
    Guid BodyId, string Name, BodyKind Kind, MeetingCadence Cadence, int QuorumMinimum, DateTimeOffset CreatedAt, bool Confidential = false,
    Guid? ParentBodyId = null);
/// <param name="BodyId">The body.</param>
/// <param name="MembershipId">The new membership.</param>
/// <param name="OrganisationId">The organisation the member comes from.</param>
/// <param name="PersonName">The member's name.</param>
/// <param name="Role">The member's role on the body.</param>
/// <param name="AppointedAt">When the member was appointed.</param>
/// <param name="Represents">For a collective seat: the authorities the member represents (empty otherwise).</param>
public sealed record MemberAppointed(
    Guid BodyId, Guid MembershipId, Guid OrganisationId, string PersonName, MemberRole Role, DateTimeOffset AppointedAt,
    IReadOnlyList<Guid>? Represents = null);
public sealed record SubstituteNamed(Guid BodyId, Guid MembershipId, Guid SubstituteId, string Name, DateTimeOffset NamedAt);
public sealed record MembershipEnded(Guid BodyId, Guid MembershipId, DateTimeOffset EndedAt);

/// <summary>A membership as the rules see it: who, for which organisation, in which role, their substitutes' names, and whether it ended.</summary>
/// <param name="MembershipId">The membership.</param>
/// <param name="OrganisationId">The organisation the member comes from.</param>
/// <param name="PersonName">The member's name.</param>
/// <param name="Role">The member's role on the body.</param>
/// <param name="SubstituteNames">The names of the member's substitutes (no one is named twice).</param>
/// <param name="EndedAt">When the membership ended, if it did.</param>
public sealed record BodyMember(
    Guid MembershipId, Guid OrganisationId, string PersonName, MemberRole Role, IReadOnlyList<string> SubstituteNames, DateTimeOffset? EndedAt = null)
{
    public bool IsCurrent => EndedAt is null;
}

/// <summary>
/// A body of the partnership (Executive, Working Group, ASB case panel, ...) and its memberships. The body is the
/// consistency boundary for its members: one chair and one vice-chair at a time, no person appointed twice.
/// Immutable: <c>Create</c>/<c>Apply</c> evolve it (<see cref="Evolve(Body?, object)"/> folds any of its events); the static
/// <c>Decide…</c> functions are the rules. It holds only what they read: what the body shows is <see cref="BodyView"/>.
/// </summary>
public sealed partial record Body(Guid Id, string Name, BodyKind Kind, IReadOnlyList<BodyMember> Members)
{
    /// <summary>The default quorum: at least four responsible authorities represented.</summary>
    public const int DefaultQuorumMinimum = 4;

    public long Version { get; init; }

    public static Body Create(BodyCreated e) => new(e.BodyId, e.Name, e.Kind, [])
    {
        MarkedConfidential = e.Confidential, ParentBodyId = e.ParentBodyId,
    };

    /// <summary>The body after <paramref name="event"/>: from none for its first event (<see cref="BodyCreated"/>); an event it does not need leaves it as it is.</summary>
    public static Body Evolve(Body? state, object @event) => @event switch
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
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(Body?, object)"/>.
    /// </summary>
    public Body Evolve(object @event) => Evolve(this, @event);

    private static Body Existing(Body? state) => state ?? throw new InvalidOperationException("A body's stream starts with BodyCreated.");

    public Body Apply(MemberAppointed e) => this with
    {
        Members = [.. Members, new BodyMember(e.MembershipId, e.OrganisationId, e.PersonName, e.Role, [])],
    };

    public Body Apply(SubstituteNamed e) => WithMember(e.MembershipId, m => m with { SubstituteNames = [.. m.SubstituteNames, e.Name] });

    /// <summary>The membership ends; an office its member held is vacant from that day.</summary>
    public Body Apply(MembershipEnded e) => WithMember(e.MembershipId, m => m with { EndedAt = e.EndedAt }) with
    {
        OfficeTerms = OfficeTerms.Select(t => t.MembershipId == e.MembershipId ? t with { Vacant = true } : t).ToList(),
    };

    private Body WithMember(Guid membershipId, Func<BodyMember, BodyMember> change) => this with
    {
        Members = Members.Select(m => m.MembershipId == membershipId ? change(m) : m).ToList(),
    };

    public BodyMember? Member(Guid membershipId) => Members.FirstOrDefault(m => m.MembershipId == membershipId);

    // ---- rules (pure: state + command → events, or a DomainRuleViolation) ----

    public static IReadOnlyList<object> DecideAppointment(
        Body body, Organisation? organisation, Guid membershipId, Guid organisationId, string personName, MemberRole role,
        DateTimeOffset now)
    {
        if (organisation is null)
            throw new DomainRuleViolation("organisation-not-registered",
                $"Organisation '{organisationId}' is not registered with the partnership.", Refusal.Inconsistent);

        var name = personName.Trim();
        if (body.Members.Any(m => m.IsCurrent && m.OrganisationId == organisationId && SamePerson(m.PersonName, name)))
            throw new DomainRuleViolation("already-a-member", $"{name} already represents {organisation.Name} on {body.Name}.");

        if (role is MemberRole.Chair or MemberRole.ViceChair
            && body.Members.FirstOrDefault(m => m.IsCurrent && m.Role == role) is { } holder)
            throw new DomainRuleViolation("one-" + (role == MemberRole.Chair ? "chair" : "vice-chair"),
                    $"{body.Name} already has a {role}: {holder.PersonName}. End that membership first.")
                .With("membershipId", holder.MembershipId);

        return [new MemberAppointed(body.Id, membershipId, organisationId, name, role, now)];
    }

    public static IReadOnlyList<object> DecideSubstitute(Body body, Guid membershipId, Guid substituteId, string substituteName, DateTimeOffset now)
    {
        var member = CurrentMember(body, membershipId);
        var name = substituteName.Trim();
        if (SamePerson(member.PersonName, name))
            throw new DomainRuleViolation("substitute-is-member", "A member cannot be their own substitute.", Refusal.Inconsistent);
        if (member.SubstituteNames.Any(s => SamePerson(s, name)))
            throw new DomainRuleViolation("substitute-already-named", $"{name} is already a named substitute for {member.PersonName}.");
        return [new SubstituteNamed(body.Id, membershipId, substituteId, name, now)];
    }

    public static IReadOnlyList<object> DecideEnd(Body body, Guid membershipId, DateTimeOffset now)
    {
        CurrentMember(body, membershipId);
        return [new MembershipEnded(body.Id, membershipId, now)];
    }

    private static BodyMember CurrentMember(Body body, Guid membershipId)
    {
        var member = body.Member(membershipId)
            ?? throw new DomainRuleViolation("membership-not-found", $"No membership '{membershipId}' on {body.Name}.", Refusal.NotFound);
        if (!member.IsCurrent)
            throw new DomainRuleViolation("membership-ended", $"The membership of {member.PersonName} ended on {member.EndedAt:d}.");
        return member;
    }

    internal static bool SamePerson(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
