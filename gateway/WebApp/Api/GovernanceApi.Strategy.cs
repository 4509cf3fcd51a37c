namespace CommunitySafety.Web.Api;

/// <summary>The strategy cycle through Governance: assessments, agreements and the annual compliance checklist.</summary>
public sealed partial class GovernanceApi
{
    public Task<ApiResult<ComplianceChecklistView>> Compliance(int year, CancellationToken ct) =>
        Gateway.Get<ComplianceChecklistView>($"{Base}/compliance/{year}", ct);

    public Task<ApiResult<List<StrategicAssessmentView>>> Assessments(int year, CancellationToken ct) =>
        Gateway.Get<List<StrategicAssessmentView>>($"{Base}/strategy/assessments?year={year}&limit=500", ct);

    public Task<ApiResult<List<AgreementSummary>>> Agreements(CancellationToken ct) =>
        Gateway.Get<List<AgreementSummary>>($"{Base}/strategy/agreements?limit=50", ct);

    public Task<ApiResult<Created>> SubmitAssessment(SubmitAssessmentRequest request, CancellationToken ct) =>
        Gateway.Post<Created>($"{Base}/strategy/assessments", request, ct);
}
