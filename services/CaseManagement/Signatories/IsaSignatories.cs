using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.CaseManagement.Signatories;

/// <summary>
/// CaseManagement's own register of which organisations have signed the Information Sharing Agreement, built from
/// Governance's integration events. Upserts touching only their own fields: order-independent and idempotent.
/// </summary>
public sealed class IsaSignatory
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? SignedOn { get; set; }
    /// <summary>When the latest signature is due for review; null when Governance did not say (older events).</summary>
    public DateOnly? ReviewOn { get; set; }
    public DateTimeOffset? SignedRecordedAt { get; set; }
    public DateTimeOffset? WithdrawnRecordedAt { get; set; }

    /// <summary>Signed, and not withdrawn since (the later of the two recorded events wins).</summary>
    public bool HasSigned() => SignedRecordedAt is { } signed && (WithdrawnRecordedAt is not { } withdrawn || signed > withdrawn);

    /// <summary>
    /// A current signatory on <paramref name="today"/>: signed, not withdrawn, and not past the signature's review date
    /// (the review day itself still counts, as in Governance). A renewal — a later signature — sets a new review date.
    /// </summary>
    public bool IsCurrentOn(DateOnly today) => HasSigned() && (ReviewOn is null || ReviewOn >= today);
}

public static class IsaRegister
{
    /// <summary>Whether the organisation is, as far as CaseManagement has heard, a current ISA signatory today.</summary>
    public static async Task<bool> IsSignatoryAsync(IQuerySession session, Guid organisationId, DateOnly today, CancellationToken ct) =>
        await session.LoadAsync<IsaSignatory>(organisationId, ct) is { } s && s.IsCurrentOn(today);

    /// <summary>The organisations among <paramref name="ids"/> that Governance has announced, by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IsaSignatory>> LoadAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.LoadManyAsync<IsaSignatory>(ct, ids.Distinct().ToArray())).ToDictionary(o => o.Id);
}

public static class GovernanceEventsHandler
{
    public static async Task Handle(OrganisationRegistered e, IDocumentSession session)
    {
        var org = await Load(session, e.OrganisationId);
        org.Name = e.Name;
        session.Store(org);
    }

    public static async Task Handle(IsaSigned e, IDocumentSession session)
    {
        var org = await Load(session, e.OrganisationId);
        if (org.SignedRecordedAt is null || e.RecordedAt > org.SignedRecordedAt)
        {
            org.SignedOn = e.SignedOn;
            org.ReviewOn = e.ReviewOn;
            org.SignedRecordedAt = e.RecordedAt;
        }
        session.Store(org);
    }

    public static async Task Handle(IsaWithdrawn e, IDocumentSession session)
    {
        var org = await Load(session, e.OrganisationId);
        if (org.WithdrawnRecordedAt is null || e.RecordedAt > org.WithdrawnRecordedAt) org.WithdrawnRecordedAt = e.RecordedAt;
        session.Store(org);
    }

    private static async Task<IsaSignatory> Load(IDocumentSession session, Guid id) =>
        await session.LoadAsync<IsaSignatory>(id) ?? new IsaSignatory { Id = id };
}
