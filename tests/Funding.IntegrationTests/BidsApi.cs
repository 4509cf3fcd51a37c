using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>Steps of the bids and awards API the tests take again and again.</summary>
public static class BidsApi
{
    public static async Task<Guid> OpenStream(this HttpClient officer, decimal budget = 100_000m, int financialYear = 2026) =>
        await (await officer.CreateStream(
            new { name = "Crime Reduction Grant", source = "PCC Crime Reduction Grant", financialYear, budget })).CreatedId();

    public static object BidBody(Guid streamId, decimal amountRequested = 20_000m, Guid? organisationId = null) => new
    {
        streamId,
        title = "Street Safe",
        description = "Detached youth work on Friday and Saturday evenings",
        amountRequested,
        priority = "CSA priority 2: anti-social behaviour",
        outputs = new[] { new { measure = "young people engaged", target = 40m }, new { measure = "sessions delivered", target = 48m } },
        area = "Town centre",
        organisationId,
    };

    public static async Task<Guid> Draft(this HttpClient client, Guid streamId, decimal amountRequested = 20_000m, Guid? organisationId = null) =>
        await (await client.DraftBid(BidBody(streamId, amountRequested, organisationId))).CreatedId();

    /// <summary>A bid drafted and submitted by a bidder of <paramref name="organisationId"/> and assessed by the officer.</summary>
    public static async Task<Guid> AssessedBid(this FundingFixture fixture, HttpClient officer, Guid streamId, Guid organisationId, decimal amountRequested = 20_000m)
    {
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);
        var bidId = await bidder.Draft(streamId, amountRequested);
        await (await bidder.SubmitBid(bidId)).Json(HttpStatusCode.OK);
        await (await officer.AssessBid(bidId, new { score = 70, comments = "Meets the priority" })).Json(HttpStatusCode.OK);
        return bidId;
    }
}
