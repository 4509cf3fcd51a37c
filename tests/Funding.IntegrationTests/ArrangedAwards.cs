using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Streams;
using CommunitySafety.TestSupport.Clients.Funding;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>An award made on a stream, arranged by appending its events directly (the award endpoint is not ours to call).</summary>
public sealed record ArrangedAward(Guid StreamId, Guid AwardId, Guid OrganisationId)
{
    public string Url => FundingRoutes.Award(AwardId);
}

public static class ArrangedAwards
{
    public static readonly DateOnly InYear = new(2026, 7, 1);

    /// <summary>A 2026-27 stream with <paramref name="budget"/>, and an award of <paramref name="amount"/> committed from it
    /// (promising "young people engaged" and "sessions"), plus any further events on the award.</summary>
    public static async Task<ArrangedAward> ArrangeAward(this FundingFixture fixture, decimal amount = 10_000m, decimal budget = 50_000m,
        params Func<ArrangedAward, object>[] then)
    {
        var arranged = new ArrangedAward(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await using var s = fixture.Store.LightweightSession();
        s.Events.StartStream<FundingStream>(arranged.StreamId,
            new FundingStreamCreated(arranged.StreamId, "Crime Reduction Grant", "PCC", 2026, budget, "officer", now),
            new AwardCommitted(arranged.StreamId, arranged.AwardId, amount, now));
        s.Events.StartStream<Award>(arranged.AwardId, [
            new AwardMade(arranged.AwardId, arranged.StreamId, Guid.NewGuid(), arranged.OrganisationId, "Youth diversion", "Detached youth work", amount,
                Guid.NewGuid(), new DateOnly(2026, 4, 20), [new PromisedOutput("young people engaged", 40), new PromisedOutput("sessions", 12)], "officer", now),
            .. then.Select(e => e(arranged)),
        ]);
        await s.SaveChangesAsync();
        return arranged;
    }

    public static async Task<AwardView> ReadAward(this FundingFixture fixture, Guid awardId)
    {
        await using var s = fixture.Store.QuerySession();
        return (await s.LoadAsync<AwardView>(awardId))!;
    }
}
