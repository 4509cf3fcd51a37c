namespace CommunitySafety.Governance.Bodies;

// A body's parent: the body that oversees it (e.g. the Community Safety Partnership Executive over its Working Group).
// Besides the body itself, only its parent's decisions may adopt the body's terms of reference (TermsOfReferenceAdoption).
// Set at creation (parentBodyId) or later (PUT …/bodies/{id}/parent); never the body itself, never a body below it.

/// <summary>The body's parent changed (null: it has none now).</summary>
public sealed record BodyParentChanged(Guid BodyId, Guid? ParentBodyId, DateTimeOffset ChangedAt);

public sealed partial record Body
{
    /// <summary>How many parents up the chain is walked looking for a cycle; a deeper chain is refused as one.</summary>
    public const int MaxParentDepth = 50;

    /// <summary>The body that oversees this one and may adopt its terms of reference.</summary>
    public Guid? ParentBodyId { get; init; }

    public Body Apply(BodyParentChanged e) => this with { ParentBodyId = e.ParentBodyId };

    // ---- rules ----

    /// <summary>
    /// Sets (or, with null, removes) the body's parent. The parent must be a known body other than this one, and not one of
    /// this body's descendants (<paramref name="ancestors"/>: the parent and the bodies above it, as far as they go). The
    /// same parent again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> DecideParent(Body body, Guid? parentBodyId, IReadOnlyDictionary<Guid, Body> ancestors, DateTimeOffset now)
    {
        if (parentBodyId == body.ParentBodyId) return [];
        if (parentBodyId is { } parentId)
        {
            if (parentId == body.Id)
                throw new DomainRuleViolation("parent-is-self", "A body cannot be its own parent.", Refusal.Inconsistent);
            if (!ancestors.ContainsKey(parentId)) throw ParentNotKnown(parentId);
            Guid? next = parentId;
            for (var depth = 0; next is { } n; depth++)
            {
                if (n == body.Id || depth > MaxParentDepth)
                    throw new DomainRuleViolation("parent-cycle", $"Body '{parentId}' is overseen by this body: it cannot be its parent.")
                        .With("parentBodyId", parentId);
                next = ancestors.TryGetValue(n, out var above) ? above.ParentBodyId : null;
            }
        }
        return [new BodyParentChanged(body.Id, parentBodyId, now)];
    }

    private static DomainRuleViolation ParentNotKnown(Guid parentBodyId) =>
        new DomainRuleViolation("parent-not-known", $"No body '{parentBodyId}' is known to Governance.", Refusal.Inconsistent).With("parentBodyId", parentBodyId);
}
