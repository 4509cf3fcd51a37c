namespace CommunitySafety.Web.Api;

/// <summary>The strategy cycle through Governance: assessments, agreements and their action plans, and the annual compliance checklist.</summary>
public sealed partial class GovernanceApi
{
    public Task<ApiResult<ComplianceChecklistView>> Compliance(int year, CancellationToken ct) =>
        Gateway.Get<ComplianceChecklistView>($"{Base}/compliance/{year}", ct);

    public Task<ApiResult<List<StrategicAssessmentView>>> Assessments(int year, CancellationToken ct) =>
        Gateway.Get<List<StrategicAssessmentView>>($"{Base}/strategy/assessments?year={year}&limit=500", ct);

    /// <summary>Every year's assessments, latest year first (what a refreshed priority may draw on).</summary>
    public Task<ApiResult<List<StrategicAssessmentView>>> AllAssessments(CancellationToken ct) =>
        Gateway.Get<List<StrategicAssessmentView>>($"{Base}/strategy/assessments?limit=500", ct);

    public Task<ApiResult<List<AgreementSummary>>> Agreements(CancellationToken ct) =>
        Gateway.Get<List<AgreementSummary>>($"{Base}/strategy/agreements?limit=50", ct);

    public Task<ApiResult<Created>> SubmitAssessment(SubmitAssessmentRequest request, CancellationToken ct) =>
        Gateway.Post<Created>($"{Base}/strategy/assessments", request, ct);

    public Task<ApiResult<AgreementDetail>> Agreement(Guid agreementId, CancellationToken ct) =>
        Gateway.Get<AgreementDetail>(AgreementPath(agreementId), ct);

    /// <summary>The agreement's action plan with each line's RAG and progress as of today.</summary>
    public Task<ApiResult<ActionPlanView>> Plan(Guid agreementId, CancellationToken ct) =>
        Gateway.Get<ActionPlanView>($"{AgreementPath(agreementId)}/plan", ct);

    public Task<ApiResult<Created>> DraftAgreement(DraftAgreementRequest request, CancellationToken ct) =>
        Gateway.Post<Created>($"{Base}/strategy/agreements", request, ct);

    public Task<Problem?> ReviewAgreement(Guid agreementId, ReviewAgreementRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{AgreementPath(agreementId)}/reviews", request, ct);

    public Task<Problem?> AddPlanLine(Guid agreementId, AddPlanLineRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{AgreementPath(agreementId)}/plan/lines", request, ct);

    public Task<Problem?> RecordActual(Guid agreementId, Guid lineId, RecordActualRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{AgreementPath(agreementId)}/plan/lines/{lineId}/actuals", request, ct);

    public Task<Problem?> CompleteMilestone(Guid agreementId, Guid lineId, Guid milestoneId, CompleteMilestoneRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{AgreementPath(agreementId)}/plan/lines/{lineId}/milestones/{milestoneId}/complete", request, ct);

    private static string AgreementPath(Guid agreementId) => $"{Base}/strategy/agreements/{agreementId}";
}
