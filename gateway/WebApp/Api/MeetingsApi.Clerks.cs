using System.Globalization;

namespace CommunitySafety.Web.Api;

/// <summary>What clerks and secretaries do through Meetings: plan and move meetings, keep the action log, the minutes and residents' questions.</summary>
public sealed partial class MeetingsApi
{
    /// <summary>A body's meetings the user may see from <paramref name="from"/> until before <paramref name="to"/>, soonest first.</summary>
    public Task<ApiResult<List<MeetingSummary>>> BodyMeetings(Guid bodyId, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = 200) =>
        Gateway.Get<List<MeetingSummary>>(Query($"{Base}/meetings", ("bodyId", bodyId.ToString()), ("from", from?.ToString("O")), ("to", to?.ToString("O")),
            ("limit", limit.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<PlannedSeries>> PlanSeries(Guid bodyId, PlanSeriesRequest request, CancellationToken ct) =>
        Gateway.Post<PlannedSeries>($"{Base}/bodies/{bodyId}/series", request, ct);

    public Task<ApiResult<SeriesView>> Series(Guid seriesId, CancellationToken ct) => Gateway.Get<SeriesView>($"{Base}/series/{seriesId}", ct);

    public Task<ApiResult<ScheduledMeeting>> Schedule(ScheduleMeetingRequest request, CancellationToken ct) =>
        Gateway.Post<ScheduledMeeting>($"{Base}/meetings", request, ct);

    public Task<ApiResult<ScheduledMeeting>> Reschedule(Guid meetingId, RescheduleRequest request, CancellationToken ct) =>
        Gateway.Post<ScheduledMeeting>($"{Base}/meetings/{meetingId}/reschedule", request, ct);

    public Task<Problem?> Cancel(Guid meetingId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/meetings/{meetingId}/cancel", new ReasonRequest(reason), ct);

    public Task<ApiResult<ActionView>> Action(Guid actionId, CancellationToken ct) => Gateway.Get<ActionView>($"{Base}/actions/{actionId}", ct);

    public Task<Problem?> ProgressAction(Guid actionId, string note, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/actions/{actionId}/progress", new NoteRequest(note), ct);

    public Task<Problem?> CompleteAction(Guid actionId, string? note, Guid? meetingId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/actions/{actionId}/complete", new CompleteActionRequest(note, meetingId), ct);

    public Task<Problem?> DropAction(Guid actionId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/actions/{actionId}/drop", new ReasonRequest(reason), ct);

    public Task<Problem?> DraftMinutes(Guid meetingId, IReadOnlyList<MinuteSection> sections, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Put, $"{Base}/meetings/{meetingId}/minutes", new DraftMinutesRequest(sections), ct);

    public Task<ApiResult<ApprovedPreviousMinutes>> ApprovePreviousMinutes(Guid meetingId, CancellationToken ct) =>
        Gateway.Post<ApprovedPreviousMinutes>($"{Base}/meetings/{meetingId}/minutes/approve-previous", null, ct);

    public Task<Problem?> PublishMinutes(Guid meetingId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/meetings/{meetingId}/minutes/publish", null, ct);

    public Task<Problem?> Moderate(Guid questionId, bool accept, string? reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/questions/{questionId}/moderation", new ModerationRequest(accept, reason), ct);

    public Task<Problem?> Answer(Guid questionId, string answer, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/questions/{questionId}/answer", new AnswerRequest(answer), ct);

    public Task<Problem?> RecordOutcome(Guid questionId, OutcomeRequest outcome, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/questions/{questionId}/outcome", outcome, ct);

    public Task<Problem?> PublishOutcome(Guid questionId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/questions/{questionId}/outcome/publish", null, ct);

    public Task<Problem?> EraseResidentDetails(Guid questionId, string reason, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/questions/{questionId}/erase-details", new ReasonRequest(reason), ct);
}
