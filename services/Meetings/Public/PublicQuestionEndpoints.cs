using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.ServiceDefaults.DataProtection;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Public;

/// <summary>What everybody but the meeting's managers sees of an accepted submission: no name, no contact; the location
/// until the resident's details are erased.</summary>
public sealed record PublicQuestionView(
    Guid Id, Guid MeetingId, SubmissionKind Kind, string Text, Area? Area, string? Location, DateTimeOffset SubmittedAt,
    string? Answer, DateTimeOffset? AnsweredAt, OutcomeView? Outcome)
{
    public static PublicQuestionView Of(PublicQuestion q, ResidentDetails? details) => new(q.Id, q.MeetingId, q.Kind, q.Text, q.Area,
        details?.Location, q.SubmittedAt, q.Answer, q.AnsweredAt, q.OutcomeIsPublished ? OutcomeView.Of(q) : null);
}

/// <summary>What the meeting's managers see: everything, the resident's details opened — until they are erased
/// (<see cref="Erased"/>, with who, why and when in <see cref="Erasure"/>).</summary>
public sealed record ManagedQuestionView(
    Guid Id, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, Area? Area, string? Location, string? Name, string? Contact,
    bool Erased, DetailsErasure? Erasure, DateTimeOffset SubmittedAt, Area? OutcomeArea, ModerationState Moderation, string? RejectionReason,
    DateTimeOffset? ModeratedAt, string? Answer, DateTimeOffset? AnsweredAt, string? YouSaid, string? WeDid, OutcomeProgress? Progress,
    DateTimeOffset? OutcomeRecordedAt, DateTimeOffset? OutcomePublishedAt, long Version)
{
    public static ManagedQuestionView Of(PublicQuestion q, ResidentDetails? details) => new(q.Id, q.MeetingId, q.BodyId, q.Kind, q.Text, q.Area,
        details?.Location, details?.Name, details?.Contact, q.Erasure is not null, q.Erasure, q.SubmittedAt, q.OutcomeArea, q.Moderation,
        q.RejectionReason, q.ModeratedAt, q.Answer, q.AnsweredAt, q.YouSaid, q.WeDid, q.Progress, q.OutcomeRecordedAt, q.OutcomePublishedAt, q.Version);
}

/// <summary>A published "you said, we did".</summary>
public sealed record OutcomeView(
    Guid QuestionId, Guid MeetingId, string MeetingUrl, Area? Area, string YouSaid, string WeDid, OutcomeProgress Progress, DateTimeOffset PublishedAt)
{
    public static OutcomeView Of(PublicQuestion q) => new(q.Id, q.MeetingId, MeetingSummary.UrlOf(q.MeetingId), q.OutcomeArea,
        q.YouSaid ?? "", q.WeDid ?? "", q.Progress ?? OutcomeProgress.Done, q.OutcomePublishedAt ?? q.OutcomeRecordedAt ?? q.SubmittedAt);
}

/// <summary>Queries about public meetings shared by the endpoints.</summary>
public static class PublicMeetings
{
    /// <summary>The next scheduled (not cancelled, not yet started) Neighbourhood Engagement Meeting of the area, if any.</summary>
    public static async Task<NeighbourhoodMeetingRef?> NextNeighbourhoodMeeting(IQuerySession session, Area area, DateTimeOffset now, CancellationToken ct)
    {
        var bodies = (await session.Query<BodyRef>().Where(b => b.Kind == BodyKind.NeighbourhoodEngagement).Select(b => b.Id).ToListAsync(ct)).ToArray();
        if (bodies.Length == 0) return null;
        var next = await session.Query<Meeting>()
            .Where(m => bodies.Contains(m.BodyId) && m.Area == area && m.Status == MeetingStatus.Scheduled && m.StartsAt > now)
            .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct);
        return next is null ? null : new NeighbourhoodMeetingRef(next.Id, MeetingSummary.UrlOf(next.Id), next.StartsAt);
    }

    /// <summary>The meeting if the caller may see it (else null: answered as 404, as if it did not exist).</summary>
    public static async Task<Meeting?> Visible(IQuerySession session, Guid meetingId, HttpContext http)
    {
        if (meetingId == Guid.Empty) return null;
        var meeting = await session.LoadAsync<Meeting>(meetingId, http.RequestAborted);
        return meeting is not null && await MeetingAccess.CanSee(http.User, meeting, session, http.RequestAborted) ? meeting : null;
    }
}

public sealed record SubmitQuestion(SubmissionKind? Kind, string? Text, Area? Area, string? Location, string? Name, string? Contact);

/// <summary>A resident's question or observation for a public meeting; no sign-in needed (the gateway limits how often).</summary>
public static class SubmitQuestionEndpoint
{
    public const int MaxText = 2000;

    public static ProblemDetails Validate(SubmitQuestion? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Defined("kind", command.Kind)
            .Text("text", command.Text, MaxText)
            .Check(command.Area is null || Enum.IsDefined(command.Area.Value), "area", "'area' must be one of: North, East, South, West.")
            .Text("location", command.Location, 200, required: false)
            .Text("name", command.Name, 100, required: false)
            .Text("contact", command.Contact, 200, required: false)
            .ToProblem();

    /// <summary>
    /// Submits a question or observation to a public meeting until it ends. At an NEM a street-level location may be
    /// given; the Open Forum refuses anything area-specific and points to the area's next NEM. Name, contact and location
    /// are sealed under the question's own key and erased <c>Meetings:Public:ResidentDetailsRetentionMonths</c> after the
    /// meeting by a scheduled message.
    /// </summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/questions"), AllowAnonymous]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid meetingId, SubmitQuestion command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        DataKeys keys, MeetingsOptions options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = await PublicMeetings.Visible(session, meetingId, http);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), meetingId);
        var now = clock.GetUtcNow();
        var body = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        var next = body?.Kind == BodyKind.OpenForum && command.Area is { } area
            ? await PublicMeetings.NextNeighbourhoodMeeting(session, area, now, ct)
            : null;
        var id = Guid.CreateVersion7();
        var events = PublicQuestion.DecideSubmit(id, meeting, body, command.Kind!.Value, command.Text!, command.Area, command.Location,
            command.Name, command.Contact, next, details => keys.Seal(session, id, details, now), now);
        if (events.OfType<QuestionSubmitted>().Single().SealedDetails is not null)
            await ResidentDetailsRetentionHandler.ScheduleAsync(bus, id, meeting.EndsAt, options);
        return await session.Start<PublicQuestion>(id, events, $"/api/meetings/questions/{id}", bus, _ => null);
    }
}

/// <summary>The write side of moderation, answers and outcomes: the managers of the meeting's body only.</summary>
public static class QuestionWrites
{
    public static Task<IResult> Change(IDocumentSession session, Guid questionId, HttpContext http, IMessageBus bus,
        Func<PublicQuestion, IReadOnlyList<object>> decide) =>
        ManagedWrites.Change(session, questionId, http, bus, q => q.BodyId, decide);
}

public sealed record ModerateQuestion(bool? Accept, string? Reason);

public static class ModerateQuestionEndpoint
{
    public static ProblemDetails Validate(ModerateQuestion? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.Accept is not null, "accept", "'accept' is required (true or false).")
            .Text("reason", command.Reason, 1000, required: command.Accept == false)
            .ToProblem();

    /// <summary>Accepts a submission for the meeting, or rejects it with a reason (kept from the public).</summary>
    [WolverinePost("/api/meetings/questions/{questionId}/moderation"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid questionId, ModerateQuestion command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        QuestionWrites.Change(session, questionId, http, bus,
            q => PublicQuestion.DecideModerate(q, command.Accept!.Value, command.Reason, http.User.DisplayName(), clock.GetUtcNow()));
}

public sealed record AnswerQuestion(string? Answer);

public static class AnswerQuestionEndpoint
{
    public static ProblemDetails Validate(AnswerQuestion? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("answer", command.Answer, 4000).ToProblem();

    /// <summary>Answers an accepted question, at or after the start of its meeting.</summary>
    [WolverinePost("/api/meetings/questions/{questionId}/answer"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid questionId, AnswerQuestion command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var question = questionId == Guid.Empty ? null : await session.LoadAsync<PublicQuestion>(questionId, http.RequestAborted);
        var meeting = question is null ? null : await session.LoadAsync<Meeting>(question.MeetingId, http.RequestAborted);
        return await QuestionWrites.Change(session, questionId, http, bus,
            q => PublicQuestion.DecideAnswer(q, meeting?.StartsAt ?? DateTimeOffset.MinValue, command.Answer!, http.User.DisplayName(), clock.GetUtcNow()));
    }
}

public sealed record RecordOutcome(string? YouSaid, string? WeDid, OutcomeProgress? Progress);

public static class RecordOutcomeEndpoint
{
    public static ProblemDetails Validate(RecordOutcome? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("youSaid", command.YouSaid, 2000)
            .Text("weDid", command.WeDid, 4000)
            .Check(command.Progress is null || Enum.IsDefined(command.Progress.Value), "progress",
                $"'progress' must be one of: {string.Join(", ", Enum.GetNames<OutcomeProgress>())}.")
            .ToProblem();

    /// <summary>Records (or revises, until published) the "you said, we did" of an answered submission; progress defaults to Done.</summary>
    [WolverinePost("/api/meetings/questions/{questionId}/outcome"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid questionId, RecordOutcome command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        QuestionWrites.Change(session, questionId, http, bus,
            q => PublicQuestion.DecideRecordOutcome(q, command.YouSaid!, command.WeDid!, command.Progress ?? OutcomeProgress.Done,
                http.User.DisplayName(), clock.GetUtcNow()));
}

public static class PublishOutcomeEndpoint
{
    /// <summary>Publishes the recorded outcome: it then appears in <c>/api/meetings/outcomes</c> and with the question.</summary>
    [WolverinePost("/api/meetings/questions/{questionId}/outcome/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid questionId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        QuestionWrites.Change(session, questionId, http, bus, q => PublicQuestion.DecidePublishOutcome(q, clock.GetUtcNow()));
}

public static class GetQuestionsEndpoint
{
    /// <summary>
    /// A meeting's submissions, oldest first, a page at a time (<c>limit</c> 1–500, default 100): its managers see all of
    /// them, with name and contact (until erased); everybody else (signed in or not) the accepted ones, without name or
    /// contact. Only the page's residents' details are opened.
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{meetingId}/questions"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<PublicQuestionView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> ForMeeting(Guid meetingId, int? limit, int? page, IQuerySession session, DataKeys keys, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var ct = http.RequestAborted;
        var meeting = await PublicMeetings.Visible(session, meetingId, http);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), meetingId);
        var managed = MeetingAccess.Manages(http.User, meeting.BodyId);
        var query = session.Query<PublicQuestion>().Where(q => q.MeetingId == meetingId);
        if (!managed) query = query.Where(q => q.Moderation == ModerationState.Accepted);
        var questions = await query.OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id).ToPageAsync(request, ct);
        var details = await ResidentDetailsVault.OpenAsync(session, keys, questions.Items, ct);
        return managed
            ? questions.Select(q => ManagedQuestionView.Of(q, details.GetValueOrDefault(q.Id))).Ok(http)
            : questions.Select(q => PublicQuestionView.Of(q, details.GetValueOrDefault(q.Id))).Ok(http);
    }

    /// <summary>One submission: in full to the managers of its meeting's body; otherwise only if accepted, without name or contact.</summary>
    [WolverineGet("/api/meetings/questions/{questionId}"), AllowAnonymous]
    [ProducesResponseType<PublicQuestionView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> One(Guid questionId, IQuerySession session, DataKeys keys, HttpContext http)
    {
        var question = questionId == Guid.Empty ? null : await session.LoadAsync<PublicQuestion>(questionId, http.RequestAborted);
        var managed = question is not null && MeetingAccess.Manages(http.User, question.BodyId);
        if (question is null || !managed && question.Moderation != ModerationState.Accepted) return Problems.NotFound("Question", questionId);
        var details = await ResidentDetailsVault.OpenAsync(session, keys, question, http.RequestAborted);
        return managed
            ? StreamWrites.Read(ManagedQuestionView.Of(question, details), questionId, http, q => q.Version)
            : Results.Ok(PublicQuestionView.Of(question, details));
    }

    /// <summary>Published "you said, we did" outcomes, newest first; <c>area</c> filters to one area's; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet("/api/meetings/outcomes"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<OutcomeView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Outcomes(Area? area, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        var errors = new FieldErrors().Check(area is null || Enum.IsDefined(area.Value), "area", "'area' must be one of: North, East, South, West.");
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, errors: errors)) return refusal;
        var query = session.Query<PublicQuestion>().Where(q => q.OutcomePublishedAt != null);
        if (area is { } a) query = query.Where(q => q.OutcomeArea == a);
        return (await query.OrderByDescending(q => q.OutcomePublishedAt).ThenBy(q => q.Id).ToPageAsync(request, http.RequestAborted))
            .Select(OutcomeView.Of).Ok(http);
    }
}
