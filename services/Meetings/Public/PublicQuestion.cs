using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Public;

public enum SubmissionKind
{
    Question,
    Observation,
}

public enum ModerationState
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>Where the partnership's response to a "you said" stands.</summary>
public enum OutcomeProgress
{
    Planned,
    InProgress,
    Done,
    NotPossible,
}

/// <summary>The next Neighbourhood Engagement Meeting of an area, where area-specific matters are raised.</summary>
public sealed record NeighbourhoodMeetingRef(Guid Id, string Url, DateTimeOffset StartsAt);

/// <summary>
/// What a resident gave about themselves, or that may point to them: their name, how to reach them, and the street-level
/// location of the matter (at an NEM it is often their own street or door). Never stored in clear: events and the
/// snapshot hold it only sealed under the question's own data key (<see cref="ResidentDetailsVault"/>), and erasure or the
/// end of the retention period shreds that key. The question's text, area, answer and outcome are the public record and
/// stay.
/// </summary>
public sealed record ResidentDetails(string? Name, string? Contact, string? Location)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Name is null && Contact is null && Location is null;
}

/// <summary>Who erased a resident's details, why and when.</summary>
public sealed record DetailsErasure(string By, string Reason, DateTimeOffset At);

// ---- events of a question's stream ----

/// <param name="QuestionId">The new question.</param>
/// <param name="MeetingId">The meeting it is for.</param>
/// <param name="BodyId">The body that meets.</param>
/// <param name="Kind">Whether it is a question or an observation.</param>
/// <param name="Text">What the resident wrote.</param>
/// <param name="Area">The area the resident says it is about, when given.</param>
/// <param name="SealedDetails">The <see cref="ResidentDetails"/> sealed under the question's data key (null when none were given).</param>
/// <param name="MeetingArea">The meeting's area, when it has one.</param>
/// <param name="At">When it was submitted.</param>
public sealed record QuestionSubmitted(
    Guid QuestionId, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, Area? Area, string? SealedDetails,
    Area? MeetingArea, DateTimeOffset At);
public sealed record QuestionModerated(Guid QuestionId, bool Accepted, string? Reason, string By, DateTimeOffset At);
public sealed record QuestionAnswered(Guid QuestionId, string Answer, string By, DateTimeOffset At);
public sealed record QuestionOutcomeRecorded(Guid QuestionId, string YouSaid, string WeDid, OutcomeProgress Progress, string By, DateTimeOffset At);
public sealed record QuestionOutcomePublished(Guid QuestionId, DateTimeOffset At);
/// <summary>The resident's details were erased (the question's data key shredded), by a manager or at the end of the retention period.</summary>
public sealed record ResidentDetailsErased(Guid QuestionId, string By, string Reason, DateTimeOffset At);

/// <summary>
/// A resident's question or observation for a public meeting: submitted, moderated (accepted or rejected with a
/// reason), answered at or after the meeting, and its "you said, we did" outcome recorded and then published.
/// The resident's details are held only sealed (<see cref="SealedDetails"/>); name and contact are for the meeting's
/// managers only, the location is shown with an accepted question; all three go at erasure (<see cref="Erasure"/>).
/// </summary>
public sealed record PublicQuestion(Guid Id, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, DateTimeOffset SubmittedAt)
{
    public long Version { get; set; }
    public Area? Area { get; init; }
    /// <summary>The <see cref="ResidentDetails"/>, sealed; null when none were given, and once erased.</summary>
    public string? SealedDetails { get; init; }
    /// <summary>Set once the resident's details were erased.</summary>
    public DetailsErasure? Erasure { get; init; }
    /// <summary>The area the matter is about: the one the resident gave, else the meeting's (null at an Open Forum).</summary>
    public Area? OutcomeArea { get; init; }
    public ModerationState Moderation { get; init; }
    public string? RejectionReason { get; init; }
    public DateTimeOffset? ModeratedAt { get; init; }
    public string? Answer { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public string? YouSaid { get; init; }
    public string? WeDid { get; init; }
    public OutcomeProgress? Progress { get; init; }
    public DateTimeOffset? OutcomeRecordedAt { get; init; }
    public DateTimeOffset? OutcomePublishedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool OutcomeIsPublished => OutcomePublishedAt is not null;

    public static PublicQuestion Create(QuestionSubmitted e) => new(e.QuestionId, e.MeetingId, e.BodyId, e.Kind, e.Text, e.At)
    {
        Area = e.Area, SealedDetails = e.SealedDetails, OutcomeArea = e.Area ?? e.MeetingArea,
    };

    public PublicQuestion Apply(QuestionModerated e) => this with
    {
        Moderation = e.Accepted ? ModerationState.Accepted : ModerationState.Rejected, RejectionReason = e.Reason, ModeratedAt = e.At,
    };

    public PublicQuestion Apply(QuestionAnswered e) => this with { Answer = e.Answer, AnsweredAt = e.At };

    public PublicQuestion Apply(QuestionOutcomeRecorded e) => this with
    {
        YouSaid = e.YouSaid, WeDid = e.WeDid, Progress = e.Progress, OutcomeRecordedAt = e.At,
    };

    public PublicQuestion Apply(QuestionOutcomePublished e) => this with { OutcomePublishedAt = e.At };

    public PublicQuestion Apply(ResidentDetailsErased e) => this with { SealedDetails = null, Erasure = new DetailsErasure(e.By, e.Reason, e.At) };

    // ---- rules ----

    /// <summary>
    /// A resident's submission to <paramref name="meeting"/> of <paramref name="body"/>. Only public meetings take
    /// submissions (422 'not-a-public-meeting'; the endpoint answers 404 first to whoever may not see the meeting), not
    /// cancelled ones (409 'meeting-cancelled'), and only until the meeting ends (409 'submissions-closed'). At a
    /// Neighbourhood Engagement Meeting an area, if given, must be the meeting's (422 'wrong-area'). The Open Forum
    /// takes no area-specific matters, questions or observations with an area or a location (422
    /// 'area-specific-at-open-forum', pointing to <paramref name="nextNeighbourhoodMeeting"/>, the next NEM of that area).
    /// The resident's details, if any, are sealed by <paramref name="seal"/> (which creates the question's data key), called
    /// only once the submission is accepted.
    /// </summary>
    public static IReadOnlyList<object> DecideSubmit(Guid questionId, Meeting meeting, BodyRef? body, SubmissionKind kind, string text,
        Area? area, string? location, string? name, string? contact, NeighbourhoodMeetingRef? nextNeighbourhoodMeeting,
        Func<ResidentDetails, string> seal, DateTimeOffset now)
    {
        if (!meeting.Public)
            throw new DomainRuleViolation("not-a-public-meeting", "Only public meetings (Open Forums, Neighbourhood Engagement Meetings, " +
                "the conference) take residents' questions and observations.", Refusal.Inconsistent);
        Meeting.EnsureNotCancelled(meeting);
        if (now >= meeting.EndsAt)
            throw new DomainRuleViolation("submissions-closed",
                $"The meeting ended at {meeting.EndsAt:yyyy-MM-dd HH:mm} UTC: submissions closed then. Raise it at a later meeting.")
                .With("endedAt", meeting.EndsAt);
        location = Clean(location);
        if (body?.Kind == BodyKind.OpenForum && (area is not null || location is not null))
        {
            var where = area is { } a ? $"the {a} area" : "that area";
            throw new DomainRuleViolation("area-specific-at-open-forum",
                    $"The Open Forum takes matters for the whole district. Please raise this at the Neighbourhood Engagement Meeting for {where}" +
                    (nextNeighbourhoodMeeting is { } n ? $", next on {n.StartsAt:yyyy-MM-dd HH:mm} UTC ({n.Url})." : " (none is scheduled yet)."), Refusal.Inconsistent)
                .With("area", area)
                .With("neighbourhoodMeeting", nextNeighbourhoodMeeting);
        }
        if (body?.Kind == BodyKind.NeighbourhoodEngagement && area is { } given && meeting.Area is { } meetingArea && given != meetingArea)
            throw new DomainRuleViolation("wrong-area",
                    $"This Neighbourhood Engagement Meeting is for the {meetingArea} area: raise a matter of the {given} area at that area's meeting.", Refusal.Inconsistent)
                .With("meetingArea", meetingArea);
        var details = new ResidentDetails(Clean(name), Clean(contact), location);
        return [new QuestionSubmitted(questionId, meeting.Id, meeting.BodyId, kind, text.Trim(), area, details.IsEmpty ? null : seal(details),
            meeting.Area, now)];
    }

    /// <summary>
    /// Erases the resident's details (a manager of the body, with a reason): once (409 'details-already-erased'), and only
    /// if there are any (409 'no-resident-details').
    /// </summary>
    public static IReadOnlyList<object> DecideEraseDetails(PublicQuestion question, string reason, string by, DateTimeOffset now)
    {
        if (question.Erasure is { } done)
            throw new DomainRuleViolation("details-already-erased", $"The resident's details were erased on {done.At:yyyy-MM-dd}.")
                .With("erasedAt", done.At);
        if (question.SealedDetails is null)
            throw new DomainRuleViolation("no-resident-details", "The submission holds no name, contact or location to erase.");
        return [new ResidentDetailsErased(question.Id, by, reason.Trim(), now)];
    }

    /// <summary>Accepts it for the meeting, or rejects it with a reason; once (409 'already-moderated').</summary>
    public static IReadOnlyList<object> DecideModerate(PublicQuestion question, bool accept, string? reason, string by, DateTimeOffset now)
    {
        if (question.Moderation != ModerationState.Pending)
            throw new DomainRuleViolation("already-moderated", $"The submission was already {question.Moderation.ToString().ToLowerInvariant()}.")
                .With("moderation", question.Moderation);
        if (!accept && Clean(reason) is null)
            throw new DomainRuleViolation("reason-required", "A rejection needs a reason.", Refusal.Inconsistent);
        return [new QuestionModerated(question.Id, accept, Clean(reason), by, now)];
    }

    /// <summary>
    /// Answers an accepted question (409 'question-not-accepted') at or after the start of its meeting
    /// (<paramref name="meetingStartsAt"/>; 409 'meeting-not-yet-held'), once (409 'already-answered').
    /// </summary>
    public static IReadOnlyList<object> DecideAnswer(PublicQuestion question, DateTimeOffset meetingStartsAt, string answer, string by, DateTimeOffset now)
    {
        EnsureAccepted(question);
        if (question.Answer is not null)
            throw new DomainRuleViolation("already-answered", $"The question was answered on {question.AnsweredAt:yyyy-MM-dd}.");
        if (now < meetingStartsAt)
            throw new DomainRuleViolation("meeting-not-yet-held",
                    $"Questions are answered at or after the meeting, which starts at {meetingStartsAt:yyyy-MM-dd HH:mm} UTC.")
                .With("meetingStartsAt", meetingStartsAt);
        return [new QuestionAnswered(question.Id, answer.Trim(), by, now)];
    }

    /// <summary>
    /// Records (or, until published, revises) the "you said, we did" outcome of an answered submission (409
    /// 'question-not-answered'); after publication it stays as published (409 'outcome-already-published').
    /// </summary>
    public static IReadOnlyList<object> DecideRecordOutcome(PublicQuestion question, string youSaid, string weDid, OutcomeProgress progress,
        string by, DateTimeOffset now)
    {
        EnsureAccepted(question);
        if (question.Answer is null)
            throw new DomainRuleViolation("question-not-answered", "Answer the question before recording what the partnership did.");
        EnsureNotPublished(question);
        return [new QuestionOutcomeRecorded(question.Id, youSaid.Trim(), weDid.Trim(), progress, by, now)];
    }

    /// <summary>Publishes the recorded outcome (409 'outcome-not-recorded'), once (409 'outcome-already-published').</summary>
    public static IReadOnlyList<object> DecidePublishOutcome(PublicQuestion question, DateTimeOffset now)
    {
        if (question.OutcomeRecordedAt is null)
            throw new DomainRuleViolation("outcome-not-recorded", "Record the outcome (youSaid, weDid) before publishing it.");
        EnsureNotPublished(question);
        return [new QuestionOutcomePublished(question.Id, now)];
    }

    private static void EnsureAccepted(PublicQuestion question)
    {
        if (question.Moderation != ModerationState.Accepted)
            throw new DomainRuleViolation("question-not-accepted",
                    question.Moderation == ModerationState.Pending ? "The submission has not been moderated yet." : "The submission was rejected.")
                .With("moderation", question.Moderation);
    }

    private static void EnsureNotPublished(PublicQuestion question)
    {
        if (question.OutcomeIsPublished)
            throw new DomainRuleViolation("outcome-already-published", $"The outcome was published on {question.OutcomePublishedAt:yyyy-MM-dd}.");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// How long residents' details are kept: <c>Meetings:Public:ResidentDetailsRetentionMonths</c> (default 12) after the
/// end of the meeting they wrote to; then a scheduled message erases them (<see cref="ResidentDetailsRetentionHandler"/>).
/// </summary>
public static class ResidentDetailsRetention
{
    /// <summary>Who <see cref="ResidentDetailsErased.By"/> names when the retention period erased the details.</summary>
    public const string Actor = "retention";

    public static DateTimeOffset ErasableFrom(DateTimeOffset meetingEndsAt, int months) => meetingEndsAt.AddMonths(months);

    /// <summary>
    /// The erasure due at <paramref name="now"/> for a question to the meeting ending at <paramref name="meetingEndsAt"/>:
    /// none before the period has run, once already erased, or when no details were given.
    /// </summary>
    public static IReadOnlyList<object> Decide(PublicQuestion question, DateTimeOffset meetingEndsAt, int months, DateTimeOffset now) =>
        question.Erasure is not null || question.SealedDetails is null || now < ErasableFrom(meetingEndsAt, months)
            ? []
            : [new ResidentDetailsErased(question.Id, Actor, $"Retention period ({months} months after the meeting) expired.", now)];
}
