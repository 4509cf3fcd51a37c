using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults.DataProtection;

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
            ? StreamReads.Read(ManagedQuestionView.Of(question, details), questionId, http, q => q.Version)
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
