using System.Globalization;
using CommunitySafety.Contracts;

namespace CommunitySafety.TestSupport.Clients.Funding;

/// <summary>The routes of Funding, from its root in the platform's manifest, for a test that needs a URL itself.</summary>
public static class FundingRoutes
{
    /// <summary>The root of Funding's API: <c>/api/funding</c>.</summary>
    public static string Root { get; } = Platform.Funding.ApiBase;

    public static string Streams { get; } = $"{Root}/streams";
    public static string Stream(Guid streamId) => $"{Streams}/{streamId}";
    public static string BudgetChanges(Guid streamId) => $"{Stream(streamId)}/budget-changes";

    public static string Bids { get; } = $"{Root}/bids";
    public static string Bid(Guid bidId) => $"{Bids}/{bidId}";
    public static string BidSubmission(Guid bidId) => $"{Bid(bidId)}/submit";
    public static string BidAssessment(Guid bidId) => $"{Bid(bidId)}/assessment";
    public static string BidDecline(Guid bidId) => $"{Bid(bidId)}/decline";
    public static string BidWithdrawal(Guid bidId) => $"{Bid(bidId)}/withdraw";
    public static string BidAward(Guid bidId) => $"{Bid(bidId)}/award";

    public static string Awards { get; } = $"{Root}/awards";
    public static string Award(Guid awardId) => $"{Awards}/{awardId}";
    public static string Instalments(Guid awardId) => $"{Award(awardId)}/instalments";
    public static string InstalmentApproval(Guid awardId, Guid instalmentId) => $"{Instalments(awardId)}/{instalmentId}/approve";
    public static string InstalmentPayment(Guid awardId, Guid instalmentId) => $"{Instalments(awardId)}/{instalmentId}/pay";
    public static string InstalmentCancellation(Guid awardId, Guid instalmentId) => $"{Instalments(awardId)}/{instalmentId}/cancel";
    public static string Returns(Guid awardId) => $"{Award(awardId)}/returns";
    public static string Underspend(Guid awardId) => $"{Award(awardId)}/underspend";
    public static string Clawback(Guid awardId) => $"{Award(awardId)}/clawback";

    public static string StreamsReport { get; } = $"{Root}/reports/streams";
    public static string StreamReport(Guid streamId) => $"{StreamsReport}/{streamId}";
    public static string ThreeSixtyGivingExport { get; } = $"{Root}/exports/360giving";
    public static string Decisions { get; } = $"{Root}/decisions";
    public static string MonitoringRule { get; } = $"{Root}/monitoring-rule";

    /// <summary>The streams of a financial year (or all), with the given parameters in this order, each left out when null.</summary>
    public static string StreamsOf(int? financialYear = null, int? limit = null, int? page = null) =>
        Query(Streams, ("financialYear", Text(financialYear)), ("limit", Text(limit)), ("page", Text(page)));

    public static string BidsOf(Guid? streamId = null, string? status = null, int? limit = null, int? page = null) =>
        Query(Bids, ("streamId", streamId?.ToString()), ("status", status), ("limit", Text(limit)), ("page", Text(page)));

    public static string AwardsOf(Guid? streamId = null, int? limit = null, int? page = null) =>
        Query(Awards, ("streamId", streamId?.ToString()), ("limit", Text(limit)), ("page", Text(page)));

    public static string StreamsReportOf(int? financialYear = null, string? format = null, int? limit = null, int? page = null) =>
        Query(StreamsReport, ("financialYear", Text(financialYear)), ("format", format), ("limit", Text(limit)), ("page", Text(page)));

    public static string StreamReportAs(Guid streamId, string? format = null) => Query(StreamReport(streamId), ("format", format));

    public static string ThreeSixtyGivingExportOf(int? financialYear = null, int? limit = null, int? page = null) =>
        Query(ThreeSixtyGivingExport, ("financialYear", Text(financialYear)), ("limit", Text(limit)), ("page", Text(page)));

    public static string DecisionsOf(bool? consensus = null, int? limit = null, int? page = null) =>
        Query(Decisions, ("consensus", consensus is { } c ? (c ? "true" : "false") : null), ("limit", Text(limit)), ("page", Text(page)));

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }
}

/// <summary>
/// Funding's operations, one per endpoint, in the domain's words; each answers the service's
/// <see cref="HttpResponseMessage"/> for the test to assert on with <see cref="Http"/>'s helpers.
/// </summary>
public static class FundingApi
{
    public static Task<HttpResponseMessage> CreateStream(this HttpClient client, object? stream) =>
        client.PostJson(FundingRoutes.Streams, stream);

    public static Task<HttpResponseMessage> ChangeBudget(this HttpClient client, Guid streamId, object? change, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BudgetChanges(streamId), change, ifMatch);

    public static Task<HttpResponseMessage> GetStream(this HttpClient client, Guid streamId) =>
        client.GetAsync(FundingRoutes.Stream(streamId));

    public static Task<HttpResponseMessage> GetStreams(this HttpClient client, int? financialYear = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.StreamsOf(financialYear, limit, page));

    public static Task<HttpResponseMessage> DraftBid(this HttpClient client, object? bid) =>
        client.PostJson(FundingRoutes.Bids, bid);

    /// <summary>Submits a bid (a POST with the JSON body <c>null</c>, as the endpoint takes none).</summary>
    public static Task<HttpResponseMessage> SubmitBid(this HttpClient client, Guid bidId, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BidSubmission(bidId), null, ifMatch);

    public static Task<HttpResponseMessage> AssessBid(this HttpClient client, Guid bidId, object? assessment, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BidAssessment(bidId), assessment, ifMatch);

    public static Task<HttpResponseMessage> DeclineBid(this HttpClient client, Guid bidId, object? decline, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BidDecline(bidId), decline, ifMatch);

    public static Task<HttpResponseMessage> WithdrawBid(this HttpClient client, Guid bidId, object? withdrawal, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BidWithdrawal(bidId), withdrawal, ifMatch);

    public static Task<HttpResponseMessage> AwardBid(this HttpClient client, Guid bidId, object? award, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.BidAward(bidId), award, ifMatch);

    public static Task<HttpResponseMessage> GetBid(this HttpClient client, Guid bidId) =>
        client.GetAsync(FundingRoutes.Bid(bidId));

    public static Task<HttpResponseMessage> GetBids(this HttpClient client, Guid? streamId = null, string? status = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.BidsOf(streamId, status, limit, page));

    public static Task<HttpResponseMessage> GetAward(this HttpClient client, Guid awardId) =>
        client.GetAsync(FundingRoutes.Award(awardId));

    public static Task<HttpResponseMessage> GetAwards(this HttpClient client, Guid? streamId = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.AwardsOf(streamId, limit, page));

    public static Task<HttpResponseMessage> ScheduleInstalment(this HttpClient client, Guid awardId, object? instalment, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.Instalments(awardId), instalment, ifMatch);

    /// <summary>Approves an instalment (a POST with the JSON body <c>null</c>, as the endpoint takes none).</summary>
    public static Task<HttpResponseMessage> ApproveInstalment(this HttpClient client, Guid awardId, Guid instalmentId, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.InstalmentApproval(awardId, instalmentId), null, ifMatch);

    public static Task<HttpResponseMessage> PayInstalment(this HttpClient client, Guid awardId, Guid instalmentId, object? payment, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.InstalmentPayment(awardId, instalmentId), payment, ifMatch);

    public static Task<HttpResponseMessage> CancelInstalment(this HttpClient client, Guid awardId, Guid instalmentId, object? cancellation, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.InstalmentCancellation(awardId, instalmentId), cancellation, ifMatch);

    public static Task<HttpResponseMessage> SubmitReturn(this HttpClient client, Guid awardId, object? monitoringReturn, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.Returns(awardId), monitoringReturn, ifMatch);

    public static Task<HttpResponseMessage> RecordUnderspend(this HttpClient client, Guid awardId, object? underspend, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.Underspend(awardId), underspend, ifMatch);

    public static Task<HttpResponseMessage> ClawBack(this HttpClient client, Guid awardId, object? clawback, string? ifMatch = null) =>
        client.PostJson(FundingRoutes.Clawback(awardId), clawback, ifMatch);

    public static Task<HttpResponseMessage> GetStreamsReport(this HttpClient client, int? financialYear = null, string? format = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.StreamsReportOf(financialYear, format, limit, page));

    public static Task<HttpResponseMessage> GetStreamReport(this HttpClient client, Guid streamId, string? format = null) =>
        client.GetAsync(FundingRoutes.StreamReportAs(streamId, format));

    public static Task<HttpResponseMessage> GetThreeSixtyGivingExport(this HttpClient client, int? financialYear = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.ThreeSixtyGivingExportOf(financialYear, limit, page));

    public static Task<HttpResponseMessage> GetDecisions(this HttpClient client, bool? consensus = null, int? limit = null, int? page = null) =>
        client.GetAsync(FundingRoutes.DecisionsOf(consensus, limit, page));

    public static Task<HttpResponseMessage> GetMonitoringRule(this HttpClient client) =>
        client.GetAsync(FundingRoutes.MonitoringRule);
}
