using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>Meetings' endpoints as the pages use them (paths under <c>/api/meetings</c>).</summary>
public sealed partial class MeetingsApi(GatewayClient gateway)
{
    public const string Base = "/api/meetings";

    /// <summary>The client, for this class's other parts (a primary constructor's parameter is seen only in this one).</summary>
    private GatewayClient Gateway => gateway;

    /// <summary>Meetings the user may see (public ones for residents), soonest first.</summary>
    public Task<ApiResult<List<MeetingSummary>>> Meetings(CancellationToken ct, DateTimeOffset? from = null, Area? area = null, Guid? bodyId = null,
        int limit = 100) =>
        gateway.Get<List<MeetingSummary>>(Query($"{Base}/meetings", ("from", from?.ToString("O")), ("area", area?.ToString()),
            ("bodyId", bodyId?.ToString()), ("limit", limit.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<MeetingSummary>> Summary(Guid meetingId, CancellationToken ct) => gateway.Get<MeetingSummary>($"{Base}/meetings/{meetingId}", ct);

    public Task<ApiResult<Meeting>> Meeting(Guid meetingId, CancellationToken ct) => gateway.Get<Meeting>($"{Base}/meetings/{meetingId}", ct);

    public Task<ApiResult<AgendaView>> Agenda(Guid meetingId, CancellationToken ct) => gateway.Get<AgendaView>($"{Base}/meetings/{meetingId}/agenda", ct);

    public Task<ApiResult<QuorumResult>> Quorum(Guid meetingId, CancellationToken ct) => gateway.Get<QuorumResult>($"{Base}/meetings/{meetingId}/quorum", ct);

    public Task<ApiResult<BodyMembership>> Body(Guid bodyId, CancellationToken ct) => gateway.Get<BodyMembership>($"{Base}/bodies/{bodyId}", ct);

    public Task<ApiResult<List<OutcomeView>>> Outcomes(CancellationToken ct, Area? area = null) =>
        gateway.Get<List<OutcomeView>>(Query($"{Base}/outcomes", ("area", area?.ToString())), ct);

    public Task<ApiResult<List<PublicQuestionView>>> Questions(Guid meetingId, CancellationToken ct) =>
        gateway.Get<List<PublicQuestionView>>($"{Base}/meetings/{meetingId}/questions", ct);

    public Task<ApiResult<MinutesDocument>> Minutes(Guid meetingId, CancellationToken ct) =>
        gateway.Get<MinutesDocument>($"{Base}/meetings/{meetingId}/minutes", ct);

    public Task<ApiResult<List<DecisionEntry>>> Decisions(CancellationToken ct, Guid? meetingId = null, Guid? bodyId = null, int page = 1, int limit = 100) =>
        gateway.Get<List<DecisionEntry>>(Query($"{Base}/decisions", ("meetingId", meetingId?.ToString()), ("bodyId", bodyId?.ToString()),
            ("page", page.ToString(CultureInfo.InvariantCulture)), ("limit", limit.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<List<ActionView>>> Actions(Guid bodyId, CancellationToken ct, string? status = null) =>
        gateway.Get<List<ActionView>>(Query($"{Base}/bodies/{bodyId}/actions", ("status", status), ("limit", "500")), ct);

    public Task<ApiResult<List<ManagedQuestionView>>> ManagedQuestions(Guid meetingId, CancellationToken ct) =>
        gateway.Get<List<ManagedQuestionView>>(Query($"{Base}/meetings/{meetingId}/questions", ("limit", "500")), ct);

    public Task<ApiResult<Created>> SubmitQuestion(Guid meetingId, SubmitQuestion question, CancellationToken ct) =>
        gateway.Post<Created>($"{Base}/meetings/{meetingId}/questions", question, ct);

    /// <summary>A path with the query parameters that have a value, escaped.</summary>
    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }
}

/// <summary>Governance's endpoints as the pages use them (paths under <c>/api/governance</c>).</summary>
public sealed partial class GovernanceApi(GatewayClient gateway)
{
    public const string Base = "/api/governance";

    /// <summary>The client, for this class's other parts.</summary>
    private GatewayClient Gateway => gateway;

    public Task<ApiResult<OpenAgreement>> AgreementInForce(CancellationToken ct) => gateway.Get<OpenAgreement>($"{Base}/open/agreement", ct);

    public Task<ApiResult<ActionPlanView>> ActionPlan(CancellationToken ct) => gateway.Get<ActionPlanView>($"{Base}/open/action-plan", ct);

    public Task<ApiResult<List<OpenBodySummary>>> Bodies(CancellationToken ct) => gateway.Get<List<OpenBodySummary>>($"{Base}/open/bodies?limit=500", ct);

    public Task<ApiResult<OpenBody>> Body(Guid bodyId, CancellationToken ct) => gateway.Get<OpenBody>($"{Base}/open/bodies/{bodyId}", ct);

    public Task<ApiResult<List<OpenDecision>>> Decisions(CancellationToken ct, int page = 1, int limit = 50) =>
        gateway.Get<List<OpenDecision>>(MeetingsApi.Query($"{Base}/open/decisions", ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture))), ct);
}
