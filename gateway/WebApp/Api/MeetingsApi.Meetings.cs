using System.Text.Json;

namespace CommunitySafety.Web.Api;

/// <summary>
/// The writes of a meeting that its body's clerks make: the agenda before the meeting, attendance, declarations, decisions
/// and actions on the day. <c>ifMatch</c> (the meeting's version as the page showed it) makes Meetings refuse a write to a
/// meeting changed since (412 <c>stale-version</c>, or 409 <c>concurrent-write</c> when the race is lost at the commit).
/// </summary>
public sealed partial class MeetingsApi
{
    private static string Of(Guid meetingId) => $"{Base}/meetings/{meetingId}";

    public Task<ApiResult<ItemAdded>> AddItem(Guid meetingId, AddAgendaItem item, CancellationToken ct) =>
        Gateway.Post<ItemAdded>($"{Of(meetingId)}/agenda/items", item, ct);

    public Task<Problem?> AttachPaper(Guid meetingId, Guid itemId, AttachPaper paper, CancellationToken ct) =>
        Write($"{Of(meetingId)}/agenda/items/{itemId}/papers", paper, ct);

    public Task<ApiResult<ItemEscalated>> Escalate(Guid meetingId, Guid itemId, EscalateItem escalation, CancellationToken ct) =>
        Gateway.Post<ItemEscalated>($"{Of(meetingId)}/agenda/items/{itemId}/escalate", escalation, ct);

    public Task<Problem?> PublishAgenda(Guid meetingId, string? ifMatch, CancellationToken ct) =>
        Write($"{Of(meetingId)}/agenda/publish", null, ct, ifMatch);

    public Task<Problem?> RecordAttendance(Guid meetingId, RecordAttendance attendance, CancellationToken ct) =>
        Write($"{Of(meetingId)}/attendance", attendance, ct);

    public Task<Problem?> RecordDeparture(Guid meetingId, RecordDeparture departure, CancellationToken ct) =>
        Write($"{Of(meetingId)}/departures", departure, ct);

    public Task<Problem?> DeclareInterest(Guid meetingId, DeclareInterest interest, CancellationToken ct) =>
        Write($"{Of(meetingId)}/interests", interest, ct);

    public Task<ApiResult<DecisionRecorded>> RecordDecision(Guid meetingId, RecordDecision decision, string? ifMatch, CancellationToken ct) =>
        Gateway.Post<DecisionRecorded>($"{Of(meetingId)}/decisions", decision, ct, ifMatch);

    public Task<ApiResult<Created>> RaiseAction(Guid meetingId, RaiseAction action, CancellationToken ct) =>
        Gateway.Post<Created>($"{Of(meetingId)}/actions", action, ct);

    public Task<Problem?> RecordHeld(Guid meetingId, CancellationToken ct) => Write($"{Of(meetingId)}/held", null, ct);

    /// <summary>A write whose answer the page does not need (204, or a body it ignores).</summary>
    private async Task<Problem?> Write(string path, object? body, CancellationToken ct, string? ifMatch = null) =>
        (await Gateway.Post<JsonElement>(path, body, ct, ifMatch)).Problem;
}
