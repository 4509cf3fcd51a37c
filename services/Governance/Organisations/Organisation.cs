using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Organisations;

public sealed record OrganisationRegistered(Guid OrganisationId, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt);

/// <summary>A member organisation of the partnership: a responsible authority or a co-operating body.</summary>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, set by Marten; served as the ETag.</summary>
    public long Version { get; set; }

    public static Organisation Create(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.Kind, e.RegisteredAt);
}
