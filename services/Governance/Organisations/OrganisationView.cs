using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Organisations;

// What an organisation shows (GET …/organisations, …/organisations/{id}; its name and kind on open bodies, the register of
// interests and the compliance checklist): its own document, kept inline with the organisation's stream, so the aggregate
// (Organisation) holds only what its rules read.

public enum IsaAction
{
    Signed,
    Withdrawn,
}

/// <summary>One signature of, or withdrawal from, the Information Sharing Agreement, as recorded.</summary>
public sealed record IsaEntry(
    IsaAction Action, DateTimeOffset RecordedAt, DateOnly? SignedOn = null, string? SignedBy = null, string? Reason = null,
    string? AgreementVersion = null, DateOnly? ReviewOn = null);

/// <summary>
/// An organisation as read: its registration, its current signature of the ISA and every signature and withdrawal. Marten
/// keeps it inline with the organisation's stream, folding each event with <see cref="Evolve(OrganisationView?, object)"/>
/// (<c>Create</c>/<c>Apply</c>); a new document, so streams written before it need a rebuild of this projection.
/// </summary>
public sealed record OrganisationView(Guid Id, string Name, OrganisationKind Kind, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, set by Marten; served as the ETag.</summary>
    public long Version { get; init; }

    /// <summary>The date of the current signature of the ISA; null when never signed or withdrawn since.</summary>
    public DateOnly? IsaSignedOn { get; init; }

    /// <summary>Who signed the current signature of the ISA; null when not currently a signatory.</summary>
    public string? IsaSignedBy { get; init; }

    /// <summary>Every signature and withdrawal, oldest first. (Documents stored before the ISA have none.)</summary>
    public IReadOnlyList<IsaEntry> IsaHistory { get; init; } = [];

    /// <summary>The version of the agreement signed, when given.</summary>
    public string? IsaAgreementVersion { get; init; }

    /// <summary>When the current signature is due for review.</summary>
    public DateOnly? IsaReviewOn { get; init; }

    /// <summary>The review dates a reminder was raised for.</summary>
    public IReadOnlyList<DateOnly> IsaReviewReminders { get; init; } = [];

    /// <summary>Whether the organisation is currently a signatory of the ISA.</summary>
    public bool IsaSignatory => IsaSignedOn is not null;

    /// <summary>A signatory whose signature is not past its review date.</summary>
    public bool IsaCurrentOn(DateOnly today) => IsaSignatory && (IsaReviewOn is null || IsaReviewOn >= today);

    public static OrganisationView Create(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.Kind, e.RegisteredAt);

    /// <summary>The view after <paramref name="event"/>: from none for the organisation's first event (<see cref="OrganisationRegistered"/>).</summary>
    public static OrganisationView Evolve(OrganisationView? state, object @event) => @event switch
    {
        OrganisationRegistered e => Create(e),
        IsaSigned e => Existing(state).Apply(e),
        IsaReviewReminderRaised e => Existing(state).Apply(e),
        IsaWithdrawn e => Existing(state).Apply(e),
        _ => Existing(state),
    };

    /// <summary>
    /// The fold Marten runs for the inline document: JasperFx's source generator takes a type's <c>Evolve</c> method for its evolver
    /// and calls it on the document (a blank one before the first event), so it is this same <see cref="Evolve(OrganisationView?, object)"/>.
    /// </summary>
    public OrganisationView Evolve(object @event) => Evolve(this, @event);

    private static OrganisationView Existing(OrganisationView? state) =>
        state ?? throw new InvalidOperationException("An organisation's stream starts with OrganisationRegistered.");

    public OrganisationView Apply(IsaSigned e) => this with
    {
        IsaSignedOn = e.SignedOn,
        IsaSignedBy = e.SignedBy,
        IsaAgreementVersion = e.AgreementVersion,
        IsaReviewOn = e.ReviewOn,
        IsaHistory = [.. IsaHistory, new IsaEntry(IsaAction.Signed, e.RecordedAt, SignedOn: e.SignedOn, SignedBy: e.SignedBy,
            AgreementVersion: e.AgreementVersion, ReviewOn: e.ReviewOn)],
    };

    public OrganisationView Apply(IsaReviewReminderRaised e) => this with { IsaReviewReminders = [.. IsaReviewReminders, e.ReviewOn] };

    public OrganisationView Apply(IsaWithdrawn e) => this with
    {
        IsaSignedOn = null,
        IsaSignedBy = null,
        IsaAgreementVersion = null,
        IsaReviewOn = null,
        IsaHistory = [.. IsaHistory, new IsaEntry(IsaAction.Withdrawn, e.RecordedAt, Reason: e.Reason)],
    };
}
