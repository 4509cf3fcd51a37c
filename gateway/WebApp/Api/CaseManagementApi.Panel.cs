using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>The ASB case panel's sittings: plan, read, rebuild the agenda, attendance, reviews, actions between sittings.</summary>
public sealed partial class CaseManagementApi
{
    public const string Sittings = Base + "/panel/sittings";

    /// <summary>Sittings, most recent first (24 a page: two years).</summary>
    public Task<ApiResult<List<SittingListEntry>>> PanelSittings(CancellationToken ct, int page = 1) =>
        Gateway.Get<List<SittingListEntry>>(MeetingsApi.Query(Sittings, ("limit", "24"), ("page", page.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<Sitting>> Sitting(Guid sittingId, CancellationToken ct) => Gateway.Get<Sitting>($"{Sittings}/{sittingId}", ct);

    /// <summary>Schedules a sitting; its agenda is built at once.</summary>
    public Task<ApiResult<Sitting>> PlanSitting(DateOnly sittingOn, CancellationToken ct) =>
        Gateway.Post<Sitting>(Sittings, new PlanSitting(sittingOn), ct);

    /// <summary>Builds the agenda again from the cases as they are now (until the first review is recorded).</summary>
    public Task<Problem?> RebuildAgenda(Guid sittingId, CancellationToken ct) => Gateway.Send(HttpMethod.Post, $"{Sittings}/{sittingId}/agenda", null, ct);

    public Task<Problem?> RecordAttendance(Guid sittingId, IReadOnlyList<Guid> attendance, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Sittings}/{sittingId}/attendance", new SittingAttendance(attendance), ct);

    public Task<ApiResult<PanelReviewRecorded>> RecordReview(Guid sittingId, PanelReviewInput review, CancellationToken ct) =>
        Gateway.Post<PanelReviewRecorded>($"{Sittings}/{sittingId}/reviews", review, ct);

    /// <summary>An action for an agency on a case, between sittings or after its review.</summary>
    public Task<ApiResult<PanelActionAgreed>> AgreeAction(Guid caseId, PanelActionInput action, CancellationToken ct) =>
        Gateway.Post<PanelActionAgreed>($"{Base}/{caseId}/actions", action, ct);

    /// <summary>The agencies that may attend a sitting and own actions: Governance's current ISA signatories.</summary>
    public Task<ApiResult<List<PanelAgency>>> PanelAgencies(CancellationToken ct) =>
        Gateway.Get<List<PanelAgency>>("/api/governance/organisations?isaSigned=true&limit=500", ct);
}
