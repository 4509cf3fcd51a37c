using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;

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

// ---- events of a question's stream ----

public sealed record QuestionSubmitted(
    Guid QuestionId, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, Area? Area, string? Location,
    string? Name, string? Contact, Area? MeetingArea, DateTimeOffset At);
public sealed record QuestionModerated(Guid QuestionId, bool Accepted, string? Reason, string By, DateTimeOffset At);
public sealed record QuestionAnswered(Guid QuestionId, string Answer, string By, DateTimeOffset At);
public sealed record QuestionOutcomeRecorded(Guid QuestionId, string YouSaid, string WeDid, OutcomeProgress Progress, string By, DateTimeOffset At);
public sealed record QuestionOutcomePublished(Guid QuestionId, DateTimeOffset At);

/// <summary>
/// A resident's question or observation for a public meeting: submitted, moderated (accepted or rejected with a
/// reason), answered at or after the meeting, and its "you said, we did" outcome recorded and then published.
/// <see cref="Name"/> and <see cref="Contact"/> are for the meeting's managers only.
/// </summary>
public sealed record PublicQuestion(Guid Id, Guid MeetingId, Guid BodyId, SubmissionKind Kind, string Text, DateTimeOffset SubmittedAt)
{
    public long Version { get; set; }
    public Area? Area { get; init; }
    public string? Location { get; init; }
    public string? Name { get; init; }
    public string? Contact { get; init; }
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
        Area = e.Area, Location = e.Location, Name = e.Name, Contact = e.Contact, OutcomeArea = e.Area ?? e.MeetingArea,
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

    // ---- rules ----

    /// <summary>
    /// A resident's submission to <paramref name="meeting"/> of <paramref name="body"/>. Only public meetings take
    /// submissions (422 'not-a-public-meeting'; the endpoint answers 404 first to whoever may not see the meeting), not
    /// cancelled ones (409 'meeting-cancelled'), and only until the meeting ends (409 'submissions-closed'). At a
    /// Neighbourhood Engagement Meeting an area, if given, must be the meeting's (422 'wrong-area'). The Open Forum
    /// takes no area-specific matters, questions or observations with an area or a location (422
    /// 'area-specific-at-open-forum', pointing to <paramref name="nextNeighbourhoodMeeting"/>, the next NEM of that area).
    /// </summary>
    public static IReadOnlyList<object> DecideSubmit(Guid questionId, Meeting meeting, BodyRef? body, SubmissionKind kind, string text,
        Area? area, string? location, string? name, string? contact, NeighbourhoodMeetingRef? nextNeighbourhoodMeeting, DateTimeOffset now)
    {
        if (!meeting.Public)
            throw new DomainRuleViolation("not-a-public-meeting", "Only public meetings (Open Forums, Neighbourhood Engagement Meetings, " +
                "the conference) take residents' questions and observations.", 422);
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
                    (nextNeighbourhoodMeeting is { } n ? $", next on {n.StartsAt:yyyy-MM-dd HH:mm} UTC ({n.Url})." : " (none is scheduled yet)."), 422)
                .With("area", area)
                .With("neighbourhoodMeeting", nextNeighbourhoodMeeting);
        }
        if (body?.Kind == BodyKind.NeighbourhoodEngagement && area is { } given && meeting.Area is { } meetingArea && given != meetingArea)
            throw new DomainRuleViolation("wrong-area",
                    $"This Neighbourhood Engagement Meeting is for the {meetingArea} area: raise a matter of the {given} area at that area's meeting.", 422)
                .With("meetingArea", meetingArea);
        return [new QuestionSubmitted(questionId, meeting.Id, meeting.BodyId, kind, text.Trim(), area, location, Clean(name), Clean(contact),
            meeting.Area, now)];
    }

    /// <summary>Accepts it for the meeting, or rejects it with a reason; once (409 'already-moderated').</summary>
    public static IReadOnlyList<object> DecideModerate(PublicQuestion question, bool accept, string? reason, string by, DateTimeOffset now)
    {
        if (question.Moderation != ModerationState.Pending)
            throw new DomainRuleViolation("already-moderated", $"The submission was already {question.Moderation.ToString().ToLowerInvariant()}.")
                .With("moderation", question.Moderation);
        if (!accept && Clean(reason) is null)
            throw new DomainRuleViolation("reason-required", "A rejection needs a reason.", 422);
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
