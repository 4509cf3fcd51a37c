using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

// Confidential bodies: the ASB case panel (always), and any body Governance marks so, at creation or later. Their
// decisions never leave Meetings as text (DecisionRecorded carries none), are kept out of the decision feed, webhooks,
// the csp.decision-events exchange and open data, and only their members and managers see them in Meetings. Marking
// is one way: what a body discussed in confidence stays so.

/// <summary>Governance marked the body confidential.</summary>
public sealed record BodyMarkedConfidential(Guid BodyId, DateTimeOffset MarkedAt);

public sealed partial record Body
{
    /// <summary>Governance marked the body confidential (at creation or later).</summary>
    public bool MarkedConfidential { get; init; }

    /// <summary>Whether the body is confidential: the ASB case panel, or marked so.</summary>
    public bool Confidential => BodyConfidentiality.IsConfidential(Kind, MarkedConfidential);

    public Body Apply(BodyMarkedConfidential e) => this with { MarkedConfidential = true };

    // ---- rules ----

    /// <summary>A new body; a body that meets in public cannot be confidential, and a parent must be a body Governance knows.</summary>
    public static BodyCreated DecideCreate(Guid id, string name, BodyKind kind, MeetingCadence cadence, int quorumMinimum, bool confidential,
        Guid? parentBodyId, Body? parent, DateTimeOffset now)
    {
        if (confidential) RefuseIfPublic(kind);
        if (parentBodyId is { } p && parent?.Id != p) throw ParentNotKnown(p);
        return new BodyCreated(id, name.Trim(), kind, cadence, quorumMinimum, now, confidential, parentBodyId);
    }

    /// <summary>Marks the body confidential; a body already confidential (the ASB case panel, or marked before) stays as it is.</summary>
    public static IReadOnlyList<object> DecideMarkConfidential(Body body, DateTimeOffset now)
    {
        RefuseIfPublic(body.Kind);
        return body.Confidential ? [] : [new BodyMarkedConfidential(body.Id, now)];
    }

    private static void RefuseIfPublic(BodyKind kind)
    {
        if (BodyConfidentiality.MeetsInPublic(kind))
            throw new DomainRuleViolation("public-body",
                    $"A body of kind {kind} meets in public (Open Forum, Neighbourhood Engagement Meeting, conference): it cannot be confidential.", Refusal.Inconsistent)
                .With("kind", kind.ToString());
    }
}
