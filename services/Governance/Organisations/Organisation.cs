using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Organisations;

public sealed record OrganisationRegistered(Guid OrganisationId, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt);

/// <summary>The organisation signed (version <see cref="AgreementVersion"/> of) the Kent and Medway Information Sharing
/// Agreement on <see cref="SignedOn"/>, to be reviewed by <see cref="ReviewOn"/>.</summary>
public sealed record IsaSigned(
    Guid OrganisationId, DateOnly SignedOn, string SignedBy, DateTimeOffset RecordedAt, string? AgreementVersion = null, DateOnly? ReviewOn = null);

/// <summary>A reminder that the signature's review date is near.</summary>
public sealed record IsaReviewReminderRaised(Guid OrganisationId, DateOnly ReviewOn, DateTimeOffset At);

/// <summary>The organisation withdrew from the Information Sharing Agreement.</summary>
public sealed record IsaWithdrawn(Guid OrganisationId, string Reason, DateTimeOffset RecordedAt);

/// <summary>
/// A member organisation of the partnership: a responsible authority or a co-operating body. Every member must sign
/// the Kent and Medway Information Sharing Agreement (ISA); case data is shared only with current signatories.
/// Immutable: <c>Create</c>/<c>Apply</c> evolve it (<see cref="Evolve(Organisation?, object)"/> folds any of its events); the
/// static <c>Decide…</c> functions are the rules. It holds only what they read: what the organisation shows is <see cref="OrganisationView"/>.
/// </summary>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind)
{
    /// <summary>The stream version, set by Marten.</summary>
    public long Version { get; init; }

    /// <summary>The date of the current signature of the ISA; null when never signed or withdrawn since.</summary>
    public DateOnly? IsaSignedOn { get; init; }

    /// <summary>Who signed the current signature of the ISA; null when not currently a signatory.</summary>
    public string? IsaSignedBy { get; init; }

    /// <summary>The version of the agreement signed, when given.</summary>
    public string? IsaAgreementVersion { get; init; }

    /// <summary>When the current signature is due for review.</summary>
    public DateOnly? IsaReviewOn { get; init; }

    /// <summary>The review dates a reminder was raised for.</summary>
    public IReadOnlyList<DateOnly> IsaReviewReminders { get; init; } = [];

    /// <summary>Whether the organisation is currently a signatory of the ISA.</summary>
    public bool IsaSignatory => IsaSignedOn is not null;

    public static Organisation Create(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.Kind);

    /// <summary>The organisation after <paramref name="event"/>: from none for its first event (<see cref="OrganisationRegistered"/>); an event it does not need leaves it as it is.</summary>
    public static Organisation Evolve(Organisation? state, object @event) => @event switch
    {
        OrganisationRegistered e => Create(e),
        IsaSigned e => Existing(state).Apply(e),
        IsaReviewReminderRaised e => Existing(state).Apply(e),
        IsaWithdrawn e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(Organisation?, object)"/>.
    /// </summary>
    public Organisation Evolve(object @event) => Evolve(this, @event);

    private static Organisation Existing(Organisation? state) =>
        state ?? throw new InvalidOperationException("An organisation's stream starts with OrganisationRegistered.");

    public Organisation Apply(IsaSigned e) => this with
    {
        IsaSignedOn = e.SignedOn,
        IsaSignedBy = e.SignedBy,
        IsaAgreementVersion = e.AgreementVersion,
        IsaReviewOn = e.ReviewOn,
    };

    public Organisation Apply(IsaReviewReminderRaised e) => this with { IsaReviewReminders = [.. IsaReviewReminders, e.ReviewOn] };

    public Organisation Apply(IsaWithdrawn e) => this with
    {
        IsaSignedOn = null,
        IsaSignedBy = null,
        IsaAgreementVersion = null,
        IsaReviewOn = null,
    };

    // ---- rules (pure: state + command → events, or a DomainRuleViolation) ----

    /// <param name="organisation">The organisation signing.</param>
    /// <param name="signedOn">The date the agreement was signed.</param>
    /// <param name="signedBy">Who signed it for the organisation.</param>
    /// <param name="agreementVersion">The version of the agreement signed, when known.</param>
    /// <param name="reviewOn">When the signature is to be reviewed (after the signing date).</param>
    /// <param name="reminderDays">How long before the review date a renewal is welcome: a signatory may sign again then,
    /// or at any time for another version of the agreement.</param>
    /// <param name="today">The partnership's calendar date now: an agreement cannot be signed on a later date.</param>
    /// <param name="now">The time the signature is recorded.</param>
    public static IReadOnlyList<object> DecideSignIsa(
        Organisation organisation, DateOnly signedOn, string signedBy, string? agreementVersion, DateOnly reviewOn, int reminderDays,
        DateOnly today, DateTimeOffset now)
    {
        if (signedOn > today)
            throw new DomainRuleViolation("isa-signed-in-future",
                    $"The Information Sharing Agreement cannot have been signed on {signedOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).", Refusal.Inconsistent)
                .With("today", today);
        if (reviewOn <= signedOn)
            throw new DomainRuleViolation("isa-review-before-signature", $"The review date ({reviewOn:yyyy-MM-dd}) must be after the signing date.", Refusal.Inconsistent);

        var version = string.IsNullOrWhiteSpace(agreementVersion) ? null : agreementVersion.Trim();
        var renewal = organisation.IsaReviewOn is { } due && today >= due.AddDays(-reminderDays) || version != organisation.IsaAgreementVersion;
        if (organisation.IsaSignatory && !renewal)
            throw new DomainRuleViolation("isa-already-signed",
                    $"{organisation.Name} already signed the Information Sharing Agreement on {organisation.IsaSignedOn:yyyy-MM-dd} " +
                    $"({organisation.IsaSignedBy}); it is due for review on {organisation.IsaReviewOn:yyyy-MM-dd}. Sign again when the review is near, " +
                    "for another version of the agreement, or withdraw that signature first.")
                .With("signedOn", organisation.IsaSignedOn)
                .With("signedBy", organisation.IsaSignedBy)
                .With("reviewOn", organisation.IsaReviewOn);

        return [new IsaSigned(organisation.Id, signedOn, signedBy.Trim(), now, version, reviewOn)];
    }

    /// <summary>The reminder before the review date: raised once per review date, and only while that signature stands.</summary>
    public static IReadOnlyList<object> DecideReviewReminder(Organisation organisation, DateOnly reviewOn, DateTimeOffset now) =>
        organisation.IsaSignatory && organisation.IsaReviewOn == reviewOn && !organisation.IsaReviewReminders.Contains(reviewOn)
            ? [new IsaReviewReminderRaised(organisation.Id, reviewOn, now)]
            : [];

    public static IReadOnlyList<object> DecideWithdrawIsa(Organisation organisation, string reason, DateTimeOffset now)
    {
        if (!organisation.IsaSignatory)
            throw new DomainRuleViolation("isa-not-signed",
                $"{organisation.Name} is not a signatory of the Information Sharing Agreement: there is nothing to withdraw.");

        return [new IsaWithdrawn(organisation.Id, reason.Trim(), now)];
    }
}
