using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Bodies;

/// <summary>An authority approved <see cref="PersonName"/> to represent it in a collective seat on the body.</summary>
public sealed record RepresentationApproved(Guid BodyId, Guid OrganisationId, string PersonName, string ApprovedBy, DateOnly ApprovedOn, DateTimeOffset At);

/// <summary>An approval as the rules see it: which authority approved whom.</summary>
/// <param name="OrganisationId">The authority that approved.</param>
/// <param name="PersonName">The person approved to represent it.</param>
public sealed record ApprovedRepresentative(Guid OrganisationId, string PersonName);

/// <summary>
/// Collective seats: a member may represent a group of authorities (e.g. the district councils) only once each of
/// them has approved that person. The seat counts as one authority for quorum (Meetings keys it by the member's own
/// organisation, which is one of those represented).
/// </summary>
public sealed partial record Body
{
    /// <summary>The approvals given (as shown, with who approved and when: <see cref="BodyView.RepresentationApprovals"/>).</summary>
    public IReadOnlyList<ApprovedRepresentative> RepresentationApprovals { get; init; } = [];

    public Body Apply(RepresentationApproved e) => this with
    {
        RepresentationApprovals = [.. RepresentationApprovals, new ApprovedRepresentative(e.OrganisationId, e.PersonName)],
    };

    /// <summary>A responsible authority's approval of a person to represent it in a collective seat.</summary>
    public static IReadOnlyList<object> DecideRepresentationApproval(Body body, Organisation? organisation, Guid organisationId, string personName,
        string approvedBy, DateOnly approvedOn, DateOnly today, DateTimeOffset now)
    {
        if (organisation is null)
            throw new DomainRuleViolation("organisation-not-registered", $"Organisation '{organisationId}' is not registered with the partnership.", Refusal.Inconsistent);
        if (organisation.Kind != OrganisationKind.ResponsibleAuthority)
            throw new DomainRuleViolation("not-an-authority",
                $"{organisation.Name} is a co-operating body: collective seats represent responsible authorities.", Refusal.Inconsistent);
        if (approvedOn > today)
            throw new DomainRuleViolation("approved-in-future", $"An approval cannot be dated after today ({today:yyyy-MM-dd}).", Refusal.Inconsistent);
        var name = personName.Trim();
        if (body.RepresentationApprovals.Any(a => a.OrganisationId == organisationId && SamePerson(a.PersonName, name)))
            throw new DomainRuleViolation("already-approved", $"{organisation.Name} has already approved {name} to represent it on {body.Name}.");
        return [new RepresentationApproved(body.Id, organisationId, name, approvedBy.Trim(), approvedOn, now)];
    }

    /// <summary>
    /// Appoints a member to a collective seat: the authorities represented (two or more, registered, the member's own
    /// organisation among them), each of which must have approved that person; otherwise 409 'approvals-missing'
    /// naming those that have not. Then the ordinary appointment rules apply.
    /// </summary>
    public static IReadOnlyList<object> DecideCollectiveAppointment(
        Body body, Organisation? organisation, Guid membershipId, Guid organisationId, string personName, MemberRole role,
        IReadOnlyList<Guid> represents, IReadOnlyDictionary<Guid, Organisation> representedOrganisations, DateTimeOffset now)
    {
        var group = represents.Distinct().ToList();
        if (group.Count < 2)
            throw new DomainRuleViolation("collective-seat-too-small", "A collective seat represents two or more authorities.", Refusal.Inconsistent);
        if (!group.Contains(organisationId))
            throw new DomainRuleViolation("organisation-not-represented",
                "The member's own organisation must be one of the authorities the collective seat represents.", Refusal.Inconsistent);
        if (group.FirstOrDefault(id => !representedOrganisations.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
            throw new DomainRuleViolation("organisation-not-registered", $"Organisation '{unknown}' is not registered with the partnership.", Refusal.Inconsistent);
        var name = personName.Trim();
        var missing = group.Where(id => !body.RepresentationApprovals.Any(a => a.OrganisationId == id && SamePerson(a.PersonName, name))).ToList();
        if (missing.Count > 0)
            throw new DomainRuleViolation("approvals-missing",
                    $"{name} may represent these authorities only once each has approved: no approval yet from " +
                    $"{string.Join(", ", missing.Select(id => representedOrganisations[id].Name))}.")
                .With("missing", missing);
        return DecideAppointment(body, organisation, membershipId, organisationId, personName, role, now)
            .Select(e => e is MemberAppointed appointed ? appointed with { Represents = group } : e)
            .ToList();
    }
}
