using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults;

namespace CommunitySafety.Governance.Organisations;

public sealed record OrganisationRegistered(Guid OrganisationId, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt);

/// <summary>The organisation signed the Kent and Medway Information Sharing Agreement on <see cref="SignedOn"/>.</summary>
public sealed record IsaSigned(Guid OrganisationId, DateOnly SignedOn, string SignedBy, DateTimeOffset RecordedAt);

/// <summary>The organisation withdrew from the Information Sharing Agreement.</summary>
public sealed record IsaWithdrawn(Guid OrganisationId, string Reason, DateTimeOffset RecordedAt);

public enum IsaAction
{
    Signed,
    Withdrawn,
}

/// <summary>One signature of, or withdrawal from, the Information Sharing Agreement, as recorded.</summary>
public sealed record IsaEntry(
    IsaAction Action, DateTimeOffset RecordedAt, DateOnly? SignedOn = null, string? SignedBy = null, string? Reason = null);

/// <summary>
/// A member organisation of the partnership: a responsible authority or a co-operating body. Every member must sign
/// the Kent and Medway Information Sharing Agreement (ISA); case data is shared only with current signatories.
/// Immutable: <c>Create</c>/<c>Apply</c> evolve it; the static <c>Decide…</c> functions are the rules.
/// </summary>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, set by Marten; served as the ETag.</summary>
    public long Version { get; set; }

    /// <summary>The date of the current signature of the ISA; null when never signed or withdrawn since.</summary>
    public DateOnly? IsaSignedOn { get; init; }

    /// <summary>Who signed the current signature of the ISA; null when not currently a signatory.</summary>
    public string? IsaSignedBy { get; init; }

    /// <summary>Every signature and withdrawal, oldest first. (Documents stored before the ISA have none.)</summary>
    public IReadOnlyList<IsaEntry> IsaHistory { get; init; } = [];

    /// <summary>Whether the organisation is currently a signatory of the ISA.</summary>
    public bool IsaSignatory => IsaSignedOn is not null;

    public static Organisation Create(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.Kind, e.RegisteredAt);

    public Organisation Apply(IsaSigned e) => this with
    {
        IsaSignedOn = e.SignedOn,
        IsaSignedBy = e.SignedBy,
        IsaHistory = [.. IsaHistory, new IsaEntry(IsaAction.Signed, e.RecordedAt, SignedOn: e.SignedOn, SignedBy: e.SignedBy)],
    };

    public Organisation Apply(IsaWithdrawn e) => this with
    {
        IsaSignedOn = null,
        IsaSignedBy = null,
        IsaHistory = [.. IsaHistory, new IsaEntry(IsaAction.Withdrawn, e.RecordedAt, Reason: e.Reason)],
    };

    // ---- rules (pure: state + command → events, or a DomainRuleViolation) ----

    /// <param name="today">The partnership's calendar date now: an agreement cannot be signed on a later date.</param>
    public static IReadOnlyList<object> DecideSignIsa(
        Organisation organisation, DateOnly signedOn, string signedBy, DateOnly today, DateTimeOffset now)
    {
        if (signedOn > today)
            throw new DomainRuleViolation("isa-signed-in-future",
                    $"The Information Sharing Agreement cannot have been signed on {signedOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).", 422)
                .With("today", today);

        if (organisation.IsaSignatory)
            throw new DomainRuleViolation("isa-already-signed",
                    $"{organisation.Name} already signed the Information Sharing Agreement on {organisation.IsaSignedOn:yyyy-MM-dd} " +
                    $"({organisation.IsaSignedBy}). Withdraw that signature first.")
                .With("signedOn", organisation.IsaSignedOn)
                .With("signedBy", organisation.IsaSignedBy);

        return [new IsaSigned(organisation.Id, signedOn, signedBy.Trim(), now)];
    }

    public static IReadOnlyList<object> DecideWithdrawIsa(Organisation organisation, string reason, DateTimeOffset now)
    {
        if (!organisation.IsaSignatory)
            throw new DomainRuleViolation("isa-not-signed",
                $"{organisation.Name} is not a signatory of the Information Sharing Agreement: there is nothing to withdraw.");

        return [new IsaWithdrawn(organisation.Id, reason.Trim(), now)];
    }
}
