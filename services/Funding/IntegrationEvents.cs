using CommunitySafety.Contracts.Funding;
using CommunitySafety.Funding.Awards;

namespace CommunitySafety.Funding;

/// <summary>The domain events other services and agencies hear of, as their published contracts.</summary>
public static class IntegrationEvents
{
    public static object? ToContract(object domainEvent) => domainEvent switch
    {
        AwardMade e => new GrantAwarded(e.AwardId, e.StreamId, e.BidId, e.OrganisationId, e.Title, e.Amount, Money.Currency, e.DecisionId,
            e.AwardDate, e.AwardedAt),
        InstalmentPaid e => new PaymentMade(e.AwardId, e.InstalmentId, e.OrganisationId, e.Amount, Money.Currency, e.PaidOn, e.RecordedAt),
        AwardReducedBy e => new AwardClawedBack(e.AwardId, e.StreamId, e.OrganisationId, e.Amount, Money.Currency, e.Reason, e.UnderspendReturned, e.At),
        _ => null,
    };
}
