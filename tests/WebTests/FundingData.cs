using System.Net;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>Funding's answers as it gives them: a 2026-27 stream, a bid in each state, an award; tests override what they need.</summary>
public static class FundingData
{
    public static readonly Guid Organisation = Guid.NewGuid();

    public static FundingStream Stream(Guid? id = null, string name = "Crime Reduction Grant", int year = 2026, decimal budget = 100_000m, decimal committed = 0m,
        params BudgetChange[] changes) =>
        new(id ?? Guid.NewGuid(), name, "PCC Crime Reduction Grant", year, budget, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero), committed,
            budget - committed, changes, $"{year}-{(year + 1) % 100:00}");

    public static Bid Bid(Guid streamId, Guid? id = null, BidStatus status = BidStatus.Assessed, string title = "Youth diversion", decimal requested = 60_000m,
        Guid? organisationId = null) =>
        new(id ?? Guid.NewGuid(), streamId, organisationId ?? Organisation, title, "Detached youth work in Cliftonville", requested, "CSA priority 2: ASB",
            [new PromisedOutput("young people engaged", 40)], "East", "Bea Bidder", new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), status,
            status == BidStatus.Draft ? null : new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero),
            status is BidStatus.Assessed or BidStatus.Awarded ? new BidAssessment(Guid.Empty, 78, "Strong evidence", "Fay Officer", DateTimeOffset.UtcNow) : null,
            null, null, null, null);

    public static Award Award(Guid streamId, Guid bidId, Guid? id = null, decimal amount = 60_000m, IReadOnlyList<Instalment>? instalments = null,
        IReadOnlyList<MonitoringReturn>? returns = null) =>
        new(id ?? Guid.NewGuid(), streamId, bidId, Organisation, "Youth diversion", "Detached youth work", amount, Guid.NewGuid(), new DateOnly(2026, 6, 1),
            [new PromisedOutput("young people engaged", 40)], new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), instalments ?? [], returns ?? [], [],
            amount, (instalments ?? []).Where(i => i.Status != InstalmentStatus.Cancelled).Sum(i => i.Amount),
            (instalments ?? []).Where(i => i.Status == InstalmentStatus.Paid).Sum(i => i.Amount), returns is { Count: > 0 } r ? r[^1].SpendToDate : 0);

    public static MonitoringRule Rule => new(10m, "Spend to date is expected to follow a straight line. A return more than 10% above or below that must explain why.");

    /// <summary>Funding answering for a stream, a bid against it, and the lists the pages read.</summary>
    public static void Serve(this FakeGateway gateway, FundingStream stream, Bid? bid = null, Award? award = null)
    {
        gateway.Get("/api/funding/streams", new[] { stream });
        gateway.Get($"/api/funding/streams/{stream.Id}", stream);
        gateway.Get("/api/funding/bids", bid is null ? Array.Empty<Bid>() : [bid]);
        gateway.Get("/api/funding/awards", award is null ? Array.Empty<Award>() : [award]);
        gateway.Get("/api/funding/monitoring-rule", Rule);
        if (bid is not null) gateway.Get($"/api/funding/bids/{bid.Id}", bid);
        if (award is not null) gateway.Get($"/api/funding/awards/{award.Id}", award);
    }

    public static void Created(this FakeGateway gateway, string path, object body) => gateway.Answer(HttpMethod.Post, path, body, HttpStatusCode.Created);
}
