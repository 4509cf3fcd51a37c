namespace CommunitySafety.Contracts.Funding;

/// <summary>A grant was awarded from a funding stream, citing the partnership decision that approved it.</summary>
public sealed record GrantAwarded(
    Guid AwardId, Guid FundingStreamId, Guid BidId, Guid RecipientOrganisationId, string Title, decimal Amount, string Currency,
    Guid DecisionId, DateOnly AwardDate, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => AwardId;
}

/// <summary>An instalment of an award was paid.</summary>
public sealed record PaymentMade(
    Guid AwardId, Guid InstalmentId, Guid RecipientOrganisationId, decimal Amount, string Currency, DateOnly PaidOn, DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => AwardId;
}

/// <summary>Part or all of an award was clawed back (or an underspend returned), reducing it.</summary>
public sealed record AwardClawedBack(
    Guid AwardId, Guid FundingStreamId, Guid RecipientOrganisationId, decimal Amount, string Currency, string Reason, bool UnderspendReturned,
    DateTimeOffset RecordedAt) : IRecordEvent
{
    Guid IRecordEvent.RecordId => AwardId;
}
