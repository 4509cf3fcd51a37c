using CommunitySafety.Web.Api.Cases;
using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>What case workers, the panel's chair and partnership administrators do through CaseManagement (the panel's sittings aside).</summary>
public sealed partial class CaseManagementApi
{
    /// <summary>The open cases, highest risk first, optionally of one area and one agency.</summary>
    public Task<ApiResult<List<CaseListEntry>>> Caseload(Area? area, Guid? agency, int page, int limit, CancellationToken ct) =>
        Gateway.Get<List<CaseListEntry>>(MeetingsApi.Query(Base, ("area", area?.ToString()), ("agency", agency?.ToString()),
            ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<CaseDetails>> ReadCase(Guid caseId, CancellationToken ct) => Gateway.Get<CaseDetails>($"{Base}/{caseId}", ct);

    public Task<ApiResult<CaseSignpost>> Signpost(Guid caseId, CancellationToken ct) => Gateway.Get<CaseSignpost>($"{Base}/{caseId}/signpost", ct);

    public Task<ApiResult<RiskMatrix>> RiskMatrix(CancellationToken ct) => Gateway.Get<RiskMatrix>($"{Base}/risk-matrix", ct);

    public Task<ApiResult<CaseReferred>> Refer(ReferCaseRequest request, CancellationToken ct) => Gateway.Post<CaseReferred>(Base, request, ct);

    /// <summary>The cases (signposts only) whose subject has that name and date of birth, or that address (a subject's or a location).</summary>
    public Task<ApiResult<List<SubjectSearchHit>>> SearchSubjects(SearchSubjectsRequest request, CancellationToken ct) =>
        Gateway.Post<List<SubjectSearchHit>>($"{Base}/search", request, ct);

    public Task<Problem?> LinkCases(Guid caseId, Guid linkedCaseId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/links", new LinkCaseRequest(linkedCaseId, reason), ct);

    /// <summary>Merges <paramref name="duplicateCaseId"/> into <paramref name="survivorCaseId"/>, which stays open.</summary>
    public Task<Problem?> MergeCases(Guid survivorCaseId, Guid duplicateCaseId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{survivorCaseId}/merge", new MergeCaseRequest(duplicateCaseId, reason), ct);

    public Task<ApiResult<RiskAssessed>> AssessRisk(Guid caseId, IReadOnlyDictionary<string, bool> answers, CancellationToken ct) =>
        Gateway.Post<RiskAssessed>($"{Base}/{caseId}/risk-assessments", new AssessRiskRequest(answers), ct);

    public Task<Problem?> AgreeCaseAction(Guid caseId, AgreeCaseActionRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/actions", request, ct);

    public Task<Problem?> ChangeCaseActionStatus(Guid caseId, Guid actionId, CaseActionStatusRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/actions/{actionId}/status", request, ct);

    public Task<Problem?> RecordIntervention(Guid caseId, RecordInterventionRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/interventions", request, ct);

    public Task<Problem?> RecordBreach(Guid caseId, Guid interventionId, RecordBreachRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/interventions/{interventionId}/breaches", request, ct);

    public Task<Problem?> CloseCase(Guid caseId, CloseCaseRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/close", request, ct);

    public Task<Problem?> ReopenCase(Guid caseId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/reopen", new CaseReasonRequest(reason), ct);

    public Task<Problem?> EraseSubject(Guid caseId, Guid subjectId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/{caseId}/subjects/{subjectId}/erase", new CaseReasonRequest(reason), ct);

    /// <summary>The access audit, newest first.</summary>
    public Task<ApiResult<List<CaseAuditEntry>>> AccessAudit(Guid? caseId, Guid? organisationId, int page, int limit, CancellationToken ct) =>
        Gateway.Get<List<CaseAuditEntry>>(MeetingsApi.Query($"{Base}/audit", ("caseId", caseId?.ToString()), ("organisationId", organisationId?.ToString()),
            ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<List<OverdueCaseAction>>> CaseOverdueActions(Guid? owner, CancellationToken ct, int limit = 20) =>
        Gateway.Get<List<OverdueCaseAction>>(MeetingsApi.Query($"{Base}/actions/overdue", ("owner", owner?.ToString()), ("limit", limit.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<List<OverdueCaseReview>>> CaseOverdueReviews(CancellationToken ct, int limit = 20) =>
        Gateway.Get<List<OverdueCaseReview>>($"{Base}/reviews/overdue?limit={limit}", ct);

    /// <summary>The partnership's organisations by id (Governance's list, readable by anyone signed in), to name agencies.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNames(CancellationToken ct)
    {
        var list = await Gateway.Get<List<PartnerOrganisation>>("/api/governance/organisations?limit=500", ct);
        return (list.Value ?? []).ToDictionary(o => o.Id, o => o.Name);
    }
}
