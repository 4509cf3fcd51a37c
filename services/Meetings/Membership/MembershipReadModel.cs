using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Meetings.Membership;

// Meetings' own copy of the membership facts it needs for quorum, built from Governance's integration events.
// Every handler is an upsert that touches only the fields its event carries, so the events may arrive in any
// order and any number of times (the inbox forgets duplicates after a while; these do not care).

public sealed class OrganisationRef
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public OrganisationKind? Kind { get; set; }
}

public sealed class BodyRef
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public BodyKind? Kind { get; set; }
    public int QuorumMinimum { get; set; }
    public MeetingCadence? Cadence { get; set; }

    /// <summary>When the terms of reference in effect were adopted (they set the cadence and quorum from then on).</summary>
    public DateTimeOffset? TermsAdoptedAt { get; set; }

    /// <summary>The version of the terms of reference in effect, if any was adopted.</summary>
    public Guid? TermsVersionId { get; set; }

    /// <summary>Governance marked the body confidential (at creation or later; once marked, always).</summary>
    public bool Confidential { get; set; }

    /// <summary>The body that oversees this one: besides the body itself, the only one whose decisions may adopt its terms of reference.</summary>
    public Guid? ParentBodyId { get; set; }

    /// <summary>When the parent was last set (a late, older event does not undo a newer one).</summary>
    public DateTimeOffset? ParentSetAt { get; set; }

    /// <summary>Open Forums, Neighbourhood Engagement Meetings and the conference meet in public.</summary>
    public bool IsPublic => BodyConfidentiality.MeetsInPublic(Kind);

    /// <summary>The ASB case panel discusses named people, and a body marked confidential likewise: nothing of it is ever public,
    /// and its decisions never leave Meetings as text.</summary>
    public bool IsConfidential => BodyConfidentiality.IsConfidential(Kind, Confidential);
}

/// <summary>A version of a body's terms of reference, as Governance announced its draft: whose terms a decision would adopt.</summary>
public sealed class TermsOfReferenceRef
{
    /// <summary>The version's id: what a decision names in <c>adopts</c>.</summary>
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public int Version { get; set; }
}

public sealed class MemberRef
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public Guid OrganisationId { get; set; }
    public string PersonName { get; set; } = "";
    public MemberRole Role { get; set; }
    public bool Appointed { get; set; }

    /// <summary>When the role last changed after the appointment (an election): a late appointment event does not undo it.</summary>
    public DateTimeOffset? RoleChangedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<SubstituteRef> Substitutes { get; set; } = [];
    /// <summary>For a collective seat, the authorities represented; the seat counts for quorum as one, its member's own organisation.</summary>
    public List<Guid> Represents { get; set; } = [];

    public bool IsCurrent => Appointed && EndedAt is null;
}

public sealed record SubstituteRef(Guid Id, string Name);

public static class GovernanceEventsHandler
{
    public static async Task Handle(OrganisationRegistered e, IDocumentSession session)
    {
        var org = await session.LoadAsync<OrganisationRef>(e.OrganisationId) ?? new OrganisationRef { Id = e.OrganisationId };
        org.Name = e.Name;
        org.Kind = e.Kind;
        session.Store(org);
    }

    public static async Task Handle(BodyCreated e, IDocumentSession session)
    {
        var body = await session.LoadAsync<BodyRef>(e.BodyId) ?? new BodyRef { Id = e.BodyId };
        body.Name = e.Name;
        body.Kind = e.Kind;
        // once confidential, always: a late creation event does not undo a mark heard before it
        body.Confidential |= e.Confidential;
        // terms of reference adopted since the body was created decide its cadence and quorum
        if (body.TermsAdoptedAt is null)
        {
            body.QuorumMinimum = e.QuorumMinimum;
            body.Cadence = e.Cadence;
        }
        SetParent(body, e.ParentBodyId, e.CreatedAt);
        session.Store(body);
    }

    public static async Task Handle(BodyMarkedConfidential e, IDocumentSession session)
    {
        var body = await session.LoadAsync<BodyRef>(e.BodyId) ?? new BodyRef { Id = e.BodyId };
        body.Confidential = true;
        session.Store(body);
    }

    public static async Task Handle(BodyParentChanged e, IDocumentSession session)
    {
        var body = await session.LoadAsync<BodyRef>(e.BodyId) ?? new BodyRef { Id = e.BodyId };
        SetParent(body, e.ParentBodyId, e.ChangedAt);
        session.Store(body);
    }

    /// <summary>The latest parent wins, whatever order the events arrive in.</summary>
    private static void SetParent(BodyRef body, Guid? parentBodyId, DateTimeOffset at)
    {
        if (body.ParentSetAt is { } last && last > at) return;
        body.ParentBodyId = parentBodyId;
        body.ParentSetAt = at;
    }

    /// <summary>Whose terms of reference a version is, so that a decision of another body adopting it is refused at once.</summary>
    public static void Handle(TermsOfReferenceVersionDrafted e, IDocumentSession session) =>
        session.Store(new TermsOfReferenceRef { Id = e.VersionId, BodyId = e.BodyId, Version = e.Version });

    /// <summary>Adopted terms of reference set the body's cadence and quorum; an older adoption heard late changes nothing.</summary>
    public static async Task Handle(BodyTermsAdopted e, IDocumentSession session)
    {
        var body = await session.LoadAsync<BodyRef>(e.BodyId) ?? new BodyRef { Id = e.BodyId };
        if (body.TermsAdoptedAt is { } last && last > e.AdoptedAt) return;
        body.QuorumMinimum = e.QuorumMinimum;
        body.Cadence = e.Cadence;
        body.TermsAdoptedAt = e.AdoptedAt;
        body.TermsVersionId = e.VersionId;
        session.Store(body);
    }

    /// <summary>An election changed the member's role (Chair, Vice Chair, or back to Member).</summary>
    public static async Task Handle(MemberRoleChanged e, IDocumentSession session)
    {
        var member = await Member(session, e.MembershipId, e.BodyId);
        if (member.RoleChangedAt is { } last && last > e.ChangedAt) return;
        member.Role = e.Role;
        member.RoleChangedAt = e.ChangedAt;
        session.Store(member);
    }

    public static async Task Handle(MemberAppointed e, IDocumentSession session)
    {
        var member = await Member(session, e.MembershipId, e.BodyId);
        member.OrganisationId = e.OrganisationId;
        member.PersonName = e.PersonName;
        if (member.RoleChangedAt is null) member.Role = e.Role;
        member.Represents = [.. e.Represents ?? []];
        member.Appointed = true;
        session.Store(member);
    }

    public static async Task Handle(SubstituteNamed e, IDocumentSession session)
    {
        var member = await Member(session, e.MembershipId, e.BodyId);
        if (member.Substitutes.All(s => s.Id != e.SubstituteId)) member.Substitutes.Add(new SubstituteRef(e.SubstituteId, e.SubstituteName));
        session.Store(member);
    }

    public static async Task Handle(MembershipEnded e, IDocumentSession session)
    {
        var member = await Member(session, e.MembershipId, e.BodyId);
        member.EndedAt = e.EndedAt;
        session.Store(member);
    }

    private static async Task<MemberRef> Member(IDocumentSession session, Guid membershipId, Guid bodyId) =>
        await session.LoadAsync<MemberRef>(membershipId) ?? new MemberRef { Id = membershipId, BodyId = bodyId };
}
