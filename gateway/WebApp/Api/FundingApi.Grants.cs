using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>Funding's streams, bids, awards and reports as the funding pages call them.</summary>
public sealed partial class FundingApi
{
    // streams
    public Task<ApiResult<List<FundingStream>>> Streams(CancellationToken ct, int? financialYear = null) =>
        Gateway.Get<List<FundingStream>>(MeetingsApi.Query($"{Base}/streams", ("financialYear", financialYear?.ToString(CultureInfo.InvariantCulture)), ("limit", "500")), ct);

    public Task<ApiResult<FundingStream>> Stream(Guid streamId, CancellationToken ct) => Gateway.Get<FundingStream>($"{Base}/streams/{streamId}", ct);

    public Task<ApiResult<FundingStream>> CreateStream(CreateFundingStream stream, CancellationToken ct) =>
        Gateway.Post<FundingStream>($"{Base}/streams", stream, ct);

    public Task<Problem?> ChangeBudget(Guid streamId, ChangeBudget change, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/streams/{streamId}/budget-changes", change, ct);

    // bids
    public Task<ApiResult<List<Bid>>> Bids(CancellationToken ct, Guid? streamId = null, BidStatus? status = null) =>
        Gateway.Get<List<Bid>>(MeetingsApi.Query($"{Base}/bids", ("streamId", streamId?.ToString()), ("status", status?.ToString()), ("limit", "500")), ct);

    public Task<ApiResult<Bid>> Bid(Guid bidId, CancellationToken ct) => Gateway.Get<Bid>($"{Base}/bids/{bidId}", ct);

    public Task<ApiResult<Bid>> DraftBid(DraftBid bid, CancellationToken ct) => Gateway.Post<Bid>($"{Base}/bids", bid, ct);

    public Task<Problem?> SubmitBid(Guid bidId, CancellationToken ct) => Gateway.Send(HttpMethod.Post, $"{Base}/bids/{bidId}/submit", null, ct);

    public Task<Problem?> AssessBid(Guid bidId, AssessBid assessment, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bids/{bidId}/assessment", assessment, ct);

    public Task<Problem?> DeclineBid(Guid bidId, DeclineBid decline, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bids/{bidId}/decline", decline, ct);

    public Task<Problem?> WithdrawBid(Guid bidId, WithdrawBid withdraw, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bids/{bidId}/withdraw", withdraw, ct);

    public Task<ApiResult<Award>> AwardBid(Guid bidId, AwardBid award, CancellationToken ct) => Gateway.Post<Award>($"{Base}/bids/{bidId}/award", award, ct);

    /// <summary>The decisions Funding knows that an award may cite (reached by consensus), newest first.</summary>
    public Task<ApiResult<List<KnownDecision>>> ConsensusDecisions(CancellationToken ct) =>
        Gateway.Get<List<KnownDecision>>($"{Base}/decisions?consensus=true&limit=100", ct);

    // awards
    public Task<ApiResult<List<Award>>> Awards(CancellationToken ct, Guid? streamId = null) =>
        Gateway.Get<List<Award>>(MeetingsApi.Query($"{Base}/awards", ("streamId", streamId?.ToString()), ("limit", "500")), ct);

    public Task<ApiResult<Award>> Award(Guid awardId, CancellationToken ct) => Gateway.Get<Award>($"{Base}/awards/{awardId}", ct);

    public Task<ApiResult<MonitoringRule>> MonitoringRule(CancellationToken ct) => Gateway.Get<MonitoringRule>($"{Base}/monitoring-rule", ct);

    public Task<Problem?> ScheduleInstalment(Guid awardId, ScheduleInstalment instalment, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/instalments", instalment, ct);

    public Task<Problem?> ApproveInstalment(Guid awardId, Guid instalmentId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/instalments/{instalmentId}/approve", null, ct);

    public Task<Problem?> PayInstalment(Guid awardId, Guid instalmentId, PayInstalment pay, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/instalments/{instalmentId}/pay", pay, ct);

    public Task<Problem?> SubmitReturn(Guid awardId, SubmitMonitoringReturn monitoringReturn, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/returns", monitoringReturn, ct);

    public Task<Problem?> ReturnUnderspend(Guid awardId, ReduceAward reduction, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/underspend", reduction, ct);

    public Task<Problem?> ClawBack(Guid awardId, ReduceAward reduction, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/awards/{awardId}/clawback", reduction, ct);
}
