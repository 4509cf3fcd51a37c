using System.Net;
using CommunitySafety.TestSupport;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>Steps of the bids and awards API the tests take again and again.</summary>
public static class BidsApi
{
    public static string BidUrl(Guid bidId, string? action = null) => $"/api/funding/bids/{bidId}" + (action is null ? "" : "/" + action);

    public static async Task<Guid> OpenStream(this HttpClient officer, decimal budget = 100_000m, int financialYear = 2026) =>
        await (await officer.PostJson("/api/funding/streams",
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
        await (await client.PostJson("/api/funding/bids", BidBody(streamId, amountRequested, organisationId))).CreatedId();

    /// <summary>A bid drafted and submitted by a bidder of <paramref name="organisationId"/> and assessed by the officer.</summary>
    public static async Task<Guid> AssessedBid(this FundingFixture fixture, HttpClient officer, Guid streamId, Guid organisationId, decimal amountRequested = 20_000m)
    {
        var bidder = fixture.ClientFor(organisationId, FundingRoles.Bidder);
        var bidId = await bidder.Draft(streamId, amountRequested);
        await (await bidder.PostJson(BidUrl(bidId, "submit"), null)).Json(HttpStatusCode.OK);
        await (await officer.PostJson(BidUrl(bidId, "assessment"), new { score = 70, comments = "Meets the priority" })).Json(HttpStatusCode.OK);
        return bidId;
    }
}
