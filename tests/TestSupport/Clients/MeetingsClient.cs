using System.Globalization;
using System.Net.Http.Json;
using CommunitySafety.Contracts;

namespace CommunitySafety.TestSupport.Clients.Meetings;

/// <summary>The routes of Meetings, from its root in the platform's manifest, for a test that needs a URL itself.</summary>
public static class MeetingsRoutes
{
    /// <summary>The root of Meetings' API: <c>/api/meetings</c>.</summary>
    public static string Root { get; } = Platform.Meetings.ApiBase;

    public static string Meetings { get; } = $"{Root}/meetings";
    public static string Meeting(Guid meetingId) => $"{Root}/meetings/{meetingId}";
    public static string Quorum(Guid meetingId) => $"{Root}/meetings/{meetingId}/quorum";
    public static string Agenda(Guid meetingId) => $"{Root}/meetings/{meetingId}/agenda";
    public static string AgendaItems(Guid meetingId) => $"{Root}/meetings/{meetingId}/agenda/items";
    public static string AgendaItemEscalation(Guid meetingId, Guid itemId) => $"{Root}/meetings/{meetingId}/agenda/items/{itemId}/escalate";
    public static string AgendaItemPapers(Guid meetingId, Guid itemId) => $"{Root}/meetings/{meetingId}/agenda/items/{itemId}/papers";
    public static string AgendaPublication(Guid meetingId) => $"{Root}/meetings/{meetingId}/agenda/publish";
    public static string Attendance(Guid meetingId) => $"{Root}/meetings/{meetingId}/attendance";
    public static string Cancellation(Guid meetingId) => $"{Root}/meetings/{meetingId}/cancel";
    public static string MeetingDecisions(Guid meetingId) => $"{Root}/meetings/{meetingId}/decisions";
    public static string Departures(Guid meetingId) => $"{Root}/meetings/{meetingId}/departures";
    public static string Held(Guid meetingId) => $"{Root}/meetings/{meetingId}/held";
    public static string Interests(Guid meetingId) => $"{Root}/meetings/{meetingId}/interests";
    public static string Minutes(Guid meetingId) => $"{Root}/meetings/{meetingId}/minutes";
    public static string PreviousMinutesApproval(Guid meetingId) => $"{Root}/meetings/{meetingId}/minutes/approve-previous";
    public static string MinutesPublication(Guid meetingId) => $"{Root}/meetings/{meetingId}/minutes/publish";
    public static string MeetingQuestions(Guid meetingId) => $"{Root}/meetings/{meetingId}/questions";
    public static string Reschedule(Guid meetingId) => $"{Root}/meetings/{meetingId}/reschedule";
    public static string MeetingActions(Guid meetingId) => $"{Root}/meetings/{meetingId}/actions";
    public static string Body(Guid bodyId) => $"{Root}/bodies/{bodyId}";
    public static string BodyActions(Guid bodyId) => $"{Root}/bodies/{bodyId}/actions";
    public static string BodySeries(Guid bodyId) => $"{Root}/bodies/{bodyId}/series";
    public static string MeetBefore(Guid bodyId) => $"{Root}/bodies/{bodyId}/meet-before";
    public static string Series(Guid seriesId) => $"{Root}/series/{seriesId}";
    public static string Action(Guid actionId) => $"{Root}/actions/{actionId}";
    public static string ActionCompletion(Guid actionId) => $"{Root}/actions/{actionId}/complete";
    public static string ActionDrop(Guid actionId) => $"{Root}/actions/{actionId}/drop";
    public static string ActionProgress(Guid actionId) => $"{Root}/actions/{actionId}/progress";
    public static string Question(Guid questionId) => $"{Root}/questions/{questionId}";
    public static string Answer(Guid questionId) => $"{Root}/questions/{questionId}/answer";
    public static string DetailsErasure(Guid questionId) => $"{Root}/questions/{questionId}/erase-details";
    public static string Moderation(Guid questionId) => $"{Root}/questions/{questionId}/moderation";
    public static string Outcome(Guid questionId) => $"{Root}/questions/{questionId}/outcome";
    public static string OutcomePublication(Guid questionId) => $"{Root}/questions/{questionId}/outcome/publish";
    public static string Decisions { get; } = $"{Root}/decisions";
    public static string Decision(Guid decisionId) => $"{Root}/decisions/{decisionId}";
    public static string Outcomes { get; } = $"{Root}/outcomes";
    public static string PublicCalendar { get; } = $"{Root}/calendar/public.ics";
    public static string BodyCalendar(Guid bodyId) => $"{Root}/calendar/bodies/{bodyId}.ics";
    public static string AreaCalendar(string area) => $"{Root}/calendar/areas/{area}.ics";

    /// <summary>The meetings, filtered by the given parameters (in this order), each left out when null.</summary>
    public static string MeetingsOf(Guid? bodyId = null, string? area = null, int? limit = null, int? page = null) =>
        Query(Meetings, ("bodyId", bodyId?.ToString()), ("area", area), ("limit", Text(limit)), ("page", Text(page)));

    public static string MeetingQuestionsOf(Guid meetingId, int? limit = null, int? page = null) =>
        Query(MeetingQuestions(meetingId), ("limit", Text(limit)), ("page", Text(page)));

    public static string BodyActionsOf(Guid bodyId, string? status = null) => Query(BodyActions(bodyId), ("status", status));

    public static string DecisionsOf(Guid? meetingId = null, Guid? bodyId = null, int? limit = null, int? page = null) =>
        Query(Decisions, ("meetingId", meetingId?.ToString()), ("bodyId", bodyId?.ToString()), ("limit", Text(limit)), ("page", Text(page)));

    public static string OutcomesOf(string? area = null, int? limit = null, int? page = null) =>
        Query(Outcomes, ("area", area), ("limit", Text(limit)), ("page", Text(page)));

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }
}

/// <summary>
/// Meetings' operations, one per endpoint, in the domain's words; each answers the service's
/// <see cref="HttpResponseMessage"/> for the test to assert on with <see cref="Http"/>'s helpers.
/// </summary>
public static class MeetingsApi
{
    public static Task<HttpResponseMessage> ScheduleMeeting(this HttpClient client, object? meeting, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Meetings, meeting, ifMatch);

    public static Task<HttpResponseMessage> GetMeeting(this HttpClient client, Guid meetingId) =>
        client.GetAsync(MeetingsRoutes.Meeting(meetingId));

    public static Task<HttpResponseMessage> GetQuorum(this HttpClient client, Guid meetingId) =>
        client.GetAsync(MeetingsRoutes.Quorum(meetingId));

    public static Task<HttpResponseMessage> GetAgenda(this HttpClient client, Guid meetingId) =>
        client.GetAsync(MeetingsRoutes.Agenda(meetingId));

    public static Task<HttpResponseMessage> AddAgendaItem(this HttpClient client, Guid meetingId, object? item, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.AgendaItems(meetingId), item, ifMatch);

    public static Task<HttpResponseMessage> EscalateAgendaItem(this HttpClient client, Guid meetingId, Guid itemId, object? escalation, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.AgendaItemEscalation(meetingId, itemId), escalation, ifMatch);

    public static Task<HttpResponseMessage> AttachPapers(this HttpClient client, Guid meetingId, Guid itemId, object? papers, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.AgendaItemPapers(meetingId, itemId), papers, ifMatch);

    public static Task<HttpResponseMessage> PublishAgenda(this HttpClient client, Guid meetingId, object? publication, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.AgendaPublication(meetingId), publication, ifMatch);

    public static Task<HttpResponseMessage> RecordAttendance(this HttpClient client, Guid meetingId, object? attendance, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Attendance(meetingId), attendance, ifMatch);

    public static Task<HttpResponseMessage> CancelMeeting(this HttpClient client, Guid meetingId, object? cancellation, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Cancellation(meetingId), cancellation, ifMatch);

    public static Task<HttpResponseMessage> RecordDecision(this HttpClient client, Guid meetingId, object? decision, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.MeetingDecisions(meetingId), decision, ifMatch);

    public static Task<HttpResponseMessage> RecordDeparture(this HttpClient client, Guid meetingId, object? departure, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Departures(meetingId), departure, ifMatch);

    public static Task<HttpResponseMessage> MarkHeld(this HttpClient client, Guid meetingId, object? held, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Held(meetingId), held, ifMatch);

    public static Task<HttpResponseMessage> DeclareInterest(this HttpClient client, Guid meetingId, object? interest, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Interests(meetingId), interest, ifMatch);

    public static Task<HttpResponseMessage> GetMinutes(this HttpClient client, Guid meetingId) =>
        client.GetAsync(MeetingsRoutes.Minutes(meetingId));

    public static Task<HttpResponseMessage> DraftMinutes(this HttpClient client, Guid meetingId, object? minutes) =>
        client.PutAsJsonAsync(MeetingsRoutes.Minutes(meetingId), minutes);

    public static Task<HttpResponseMessage> ApprovePreviousMinutes(this HttpClient client, Guid meetingId, object? approval, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.PreviousMinutesApproval(meetingId), approval, ifMatch);

    public static Task<HttpResponseMessage> PublishMinutes(this HttpClient client, Guid meetingId, object? publication, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.MinutesPublication(meetingId), publication, ifMatch);

    public static Task<HttpResponseMessage> AskQuestion(this HttpClient client, Guid meetingId, object? question, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.MeetingQuestions(meetingId), question, ifMatch);

    public static Task<HttpResponseMessage> RescheduleMeeting(this HttpClient client, Guid meetingId, object? reschedule, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Reschedule(meetingId), reschedule, ifMatch);

    public static Task<HttpResponseMessage> AgreeAction(this HttpClient client, Guid meetingId, object? action, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.MeetingActions(meetingId), action, ifMatch);

    public static Task<HttpResponseMessage> GetBody(this HttpClient client, Guid bodyId) =>
        client.GetAsync(MeetingsRoutes.Body(bodyId));

    public static Task<HttpResponseMessage> CreateSeries(this HttpClient client, Guid bodyId, object? series, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.BodySeries(bodyId), series, ifMatch);

    public static Task<HttpResponseMessage> SetMeetBefore(this HttpClient client, Guid bodyId, object? meetBefore) =>
        client.PutAsJsonAsync(MeetingsRoutes.MeetBefore(bodyId), meetBefore);

    public static Task<HttpResponseMessage> GetSeries(this HttpClient client, Guid seriesId) =>
        client.GetAsync(MeetingsRoutes.Series(seriesId));

    public static Task<HttpResponseMessage> GetAction(this HttpClient client, Guid actionId) =>
        client.GetAsync(MeetingsRoutes.Action(actionId));

    public static Task<HttpResponseMessage> CompleteAction(this HttpClient client, Guid actionId, object? completion, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.ActionCompletion(actionId), completion, ifMatch);

    public static Task<HttpResponseMessage> DropAction(this HttpClient client, Guid actionId, object? drop, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.ActionDrop(actionId), drop, ifMatch);

    public static Task<HttpResponseMessage> RecordProgress(this HttpClient client, Guid actionId, object? progress, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.ActionProgress(actionId), progress, ifMatch);

    public static Task<HttpResponseMessage> GetQuestion(this HttpClient client, Guid questionId) =>
        client.GetAsync(MeetingsRoutes.Question(questionId));

    public static Task<HttpResponseMessage> AnswerQuestion(this HttpClient client, Guid questionId, object? answer, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Answer(questionId), answer, ifMatch);

    public static Task<HttpResponseMessage> EraseQuestionDetails(this HttpClient client, Guid questionId, object? erasure, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.DetailsErasure(questionId), erasure, ifMatch);

    public static Task<HttpResponseMessage> ModerateQuestion(this HttpClient client, Guid questionId, object? moderation, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Moderation(questionId), moderation, ifMatch);

    public static Task<HttpResponseMessage> RecordOutcome(this HttpClient client, Guid questionId, object? outcome, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.Outcome(questionId), outcome, ifMatch);

    public static Task<HttpResponseMessage> PublishOutcome(this HttpClient client, Guid questionId, object? publication, string? ifMatch = null) =>
        client.PostJson(MeetingsRoutes.OutcomePublication(questionId), publication, ifMatch);

    public static Task<HttpResponseMessage> GetDecision(this HttpClient client, Guid decisionId) =>
        client.GetAsync(MeetingsRoutes.Decision(decisionId));

    public static Task<HttpResponseMessage> GetPublicCalendar(this HttpClient client) =>
        client.GetAsync(MeetingsRoutes.PublicCalendar);

    public static Task<HttpResponseMessage> GetBodyCalendar(this HttpClient client, Guid bodyId) =>
        client.GetAsync(MeetingsRoutes.BodyCalendar(bodyId));

    public static Task<HttpResponseMessage> GetMeetings(this HttpClient client, Guid? bodyId = null, string? area = null, int? limit = null, int? page = null) =>
        client.GetAsync(MeetingsRoutes.MeetingsOf(bodyId, area, limit, page));

    public static Task<HttpResponseMessage> GetQuestions(this HttpClient client, Guid meetingId, int? limit = null, int? page = null) =>
        client.GetAsync(MeetingsRoutes.MeetingQuestionsOf(meetingId, limit, page));

    public static Task<HttpResponseMessage> GetBodyActions(this HttpClient client, Guid bodyId, string? status = null) =>
        client.GetAsync(MeetingsRoutes.BodyActionsOf(bodyId, status));

    public static Task<HttpResponseMessage> GetDecisions(this HttpClient client, Guid? meetingId = null, Guid? bodyId = null, int? limit = null, int? page = null) =>
        client.GetAsync(MeetingsRoutes.DecisionsOf(meetingId, bodyId, limit, page));

    public static Task<HttpResponseMessage> GetOutcomes(this HttpClient client, string? area = null, int? limit = null, int? page = null) =>
        client.GetAsync(MeetingsRoutes.OutcomesOf(area, limit, page));

    public static Task<HttpResponseMessage> GetAreaCalendar(this HttpClient client, string area) =>
        client.GetAsync(MeetingsRoutes.AreaCalendar(area));
}
