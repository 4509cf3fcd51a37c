using System.Globalization;
using CommunitySafety.Contracts;

namespace CommunitySafety.TestSupport.Clients.CaseManagement;

/// <summary>The routes of CaseManagement, from its root in the platform's manifest, for a test that needs a URL itself.</summary>
public static class CaseManagementRoutes
{
    /// <summary>The referrals and the caseload: <c>/api/cases</c>.</summary>
    public static string Cases { get; } = Platform.CaseManagement.ApiBase;

    public static string Case(Guid caseId) => $"{Cases}/{caseId}";
    public static string Signpost(Guid caseId) => $"{Case(caseId)}/signpost";
    public static string Search { get; } = $"{Cases}/search";
    public static string RiskMatrix { get; } = $"{Cases}/risk-matrix";
    public static string RiskAssessments(Guid caseId) => $"{Case(caseId)}/risk-assessments";
    public static string Links(Guid caseId) => $"{Case(caseId)}/links";
    public static string Merge(Guid caseId) => $"{Case(caseId)}/merge";
    public static string Actions(Guid caseId) => $"{Case(caseId)}/actions";
    public static string ActionStatus(Guid caseId, Guid actionId) => $"{Actions(caseId)}/{actionId}/status";
    public static string Interventions(Guid caseId) => $"{Case(caseId)}/interventions";
    public static string Intervention(Guid caseId, Guid interventionId) => $"{Interventions(caseId)}/{interventionId}";
    public static string Breaches(Guid caseId, Guid interventionId) => $"{Intervention(caseId, interventionId)}/breaches";
    public static string Close(Guid caseId) => $"{Case(caseId)}/close";
    public static string Reopen(Guid caseId) => $"{Case(caseId)}/reopen";
    public static string EraseSubject(Guid caseId, Guid subjectId) => $"{Case(caseId)}/subjects/{subjectId}/erase";
    public static string OverdueActions { get; } = $"{Cases}/actions/overdue";
    public static string OverdueReviews { get; } = $"{Cases}/reviews/overdue";
    public static string Sittings { get; } = $"{Cases}/panel/sittings";
    public static string Sitting(Guid sittingId) => $"{Sittings}/{sittingId}";
    public static string Agenda(Guid sittingId) => $"{Sitting(sittingId)}/agenda";
    public static string Attendance(Guid sittingId) => $"{Sitting(sittingId)}/attendance";
    public static string Reviews(Guid sittingId) => $"{Sitting(sittingId)}/reviews";
    public static string Audit { get; } = $"{Cases}/audit";

    /// <summary>The caseload, filtered by the given parameters (in this order), each left out when null.</summary>
    public static string Caseload(Guid? agency = null, string? area = null, int? limit = null, int? page = null) =>
        Query(Cases, ("agency", agency?.ToString()), ("area", area), ("limit", Text(limit)), ("page", Text(page)));

    public static string OverdueActionsOf(Guid? owner = null, int? limit = null, int? page = null) =>
        Query(OverdueActions, ("owner", owner?.ToString()), ("limit", Text(limit)), ("page", Text(page)));

    public static string SittingsFrom(DateOnly? from = null, int? limit = null, int? page = null) =>
        Query(Sittings, ("from", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("limit", Text(limit)), ("page", Text(page)));

    public static string AuditOf(Guid? caseId = null, Guid? organisationId = null, int? limit = null, int? page = null) =>
        Query(Audit, ("caseId", caseId?.ToString()), ("organisationId", organisationId?.ToString()), ("limit", Text(limit)), ("page", Text(page)));

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }
}

/// <summary>
/// CaseManagement's operations, one per endpoint, in the domain's words; each answers the service's
/// <see cref="HttpResponseMessage"/> for the test to assert on with <see cref="Http"/>'s helpers.
/// </summary>
public static class CaseManagementApi
{
    public static Task<HttpResponseMessage> ReferCase(this HttpClient client, object? referral) =>
        client.PostJson(CaseManagementRoutes.Cases, referral);

    public static Task<HttpResponseMessage> GetCase(this HttpClient client, Guid caseId) =>
        client.GetAsync(CaseManagementRoutes.Case(caseId));

    public static Task<HttpResponseMessage> GetCaseload(this HttpClient client, Guid? agency = null, string? area = null, int? limit = null, int? page = null) =>
        client.GetAsync(CaseManagementRoutes.Caseload(agency, area, limit, page));

    public static Task<HttpResponseMessage> GetSignpost(this HttpClient client, Guid caseId) =>
        client.GetAsync(CaseManagementRoutes.Signpost(caseId));

    public static Task<HttpResponseMessage> SearchSimilarCases(this HttpClient client, object? search) =>
        client.PostJson(CaseManagementRoutes.Search, search);

    public static Task<HttpResponseMessage> GetRiskMatrix(this HttpClient client) =>
        client.GetAsync(CaseManagementRoutes.RiskMatrix);

    public static Task<HttpResponseMessage> AssessRisk(this HttpClient client, Guid caseId, object? assessment, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.RiskAssessments(caseId), assessment, ifMatch);

    public static Task<HttpResponseMessage> LinkCase(this HttpClient client, Guid caseId, object? link, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Links(caseId), link, ifMatch);

    public static Task<HttpResponseMessage> MergeCase(this HttpClient client, Guid caseId, object? merge, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Merge(caseId), merge, ifMatch);

    public static Task<HttpResponseMessage> AgreeAction(this HttpClient client, Guid caseId, object? action, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Actions(caseId), action, ifMatch);

    public static Task<HttpResponseMessage> UpdateActionStatus(this HttpClient client, Guid caseId, Guid actionId, object? status, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.ActionStatus(caseId, actionId), status, ifMatch);

    public static Task<HttpResponseMessage> GetOverdueActions(this HttpClient client, Guid? owner = null, int? limit = null, int? page = null) =>
        client.GetAsync(CaseManagementRoutes.OverdueActionsOf(owner, limit, page));

    public static Task<HttpResponseMessage> GetOverdueReviews(this HttpClient client) =>
        client.GetAsync(CaseManagementRoutes.OverdueReviews);

    public static Task<HttpResponseMessage> IssueIntervention(this HttpClient client, Guid caseId, object? intervention, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Interventions(caseId), intervention, ifMatch);

    public static Task<HttpResponseMessage> RecordBreach(this HttpClient client, Guid caseId, Guid interventionId, object? breach, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Breaches(caseId, interventionId), breach, ifMatch);

    public static Task<HttpResponseMessage> CloseCase(this HttpClient client, Guid caseId, object? closure, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Close(caseId), closure, ifMatch);

    public static Task<HttpResponseMessage> ReopenCase(this HttpClient client, Guid caseId, object? reopening, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Reopen(caseId), reopening, ifMatch);

    public static Task<HttpResponseMessage> EraseSubject(this HttpClient client, Guid caseId, Guid subjectId, object? erasure, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.EraseSubject(caseId, subjectId), erasure, ifMatch);

    public static Task<HttpResponseMessage> ScheduleSitting(this HttpClient client, object? sitting) =>
        client.PostJson(CaseManagementRoutes.Sittings, sitting);

    public static Task<HttpResponseMessage> GetSittings(this HttpClient client, DateOnly? from = null, int? limit = null, int? page = null) =>
        client.GetAsync(CaseManagementRoutes.SittingsFrom(from, limit, page));

    public static Task<HttpResponseMessage> GetSitting(this HttpClient client, Guid sittingId) =>
        client.GetAsync(CaseManagementRoutes.Sitting(sittingId));

    /// <summary>Rebuilds a sitting's agenda (a POST with the JSON body <c>null</c>, as the endpoint takes none).</summary>
    public static Task<HttpResponseMessage> RebuildAgenda(this HttpClient client, Guid sittingId) =>
        client.PostJson(CaseManagementRoutes.Agenda(sittingId), null);

    public static Task<HttpResponseMessage> RecordAttendance(this HttpClient client, Guid sittingId, object? attendance, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Attendance(sittingId), attendance, ifMatch);

    public static Task<HttpResponseMessage> RecordReview(this HttpClient client, Guid sittingId, object? review, string? ifMatch = null) =>
        client.PostJson(CaseManagementRoutes.Reviews(sittingId), review, ifMatch);

    public static Task<HttpResponseMessage> GetAudit(this HttpClient client, Guid? caseId = null, Guid? organisationId = null, int? limit = null, int? page = null) =>
        client.GetAsync(CaseManagementRoutes.AuditOf(caseId, organisationId, limit, page));
}
