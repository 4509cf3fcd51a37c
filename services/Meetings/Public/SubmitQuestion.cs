using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.Meetings.Public;

public sealed record SubmitQuestion(SubmissionKind? Kind, string? Text, Area? Area, string? Location, string? Name, string? Contact);

/// <summary>The new submission's id.</summary>
public sealed record QuestionSubmittedAnswer(Guid Id);

/// <summary>A resident's question or observation for a public meeting; no sign-in needed (the gateway limits how often).</summary>
public static class SubmitQuestionEndpoint
{
    public const int MaxText = 2000;

    public static ProblemDetails Validate(SubmitQuestion command) =>
        new FieldErrors()
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
    [ProducesResponseType<QuestionSubmittedAnswer>(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(IResult, IStartStream, OutgoingMessages)> Post(Guid meetingId, SubmitQuestion command, IDocumentSession session,
        TimeProvider clock, DataKeys keys, MeetingsOptions options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = await PublicMeetings.Visible(session, meetingId, http) ?? throw RequestRefused.NotFound(nameof(Meeting), meetingId);
        var now = clock.GetUtcNow();
        var body = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        var next = body?.Kind == BodyKind.OpenForum && command.Area is { } area
            ? await PublicMeetings.NextNeighbourhoodMeeting(session, area, now, ct)
            : null;
        var id = Guid.CreateVersion7();
        var events = PublicQuestion.DecideSubmit(id, meeting, body, command.Kind!.Value, command.Text!, command.Area, command.Location,
            command.Name, command.Contact, next, details => keys.Seal(session, id, details, now), now);
        OutgoingMessages erasure = events.OfType<QuestionSubmitted>().Single().SealedDetails is not null
            ? [ResidentDetailsRetentionHandler.Schedule(id, meeting.EndsAt, options)]
            : [];
        var (created, question) = NewStream.Start<PublicQuestion>(id, $"/api/meetings/questions/{id}", new QuestionSubmittedAnswer(id), [.. events]);
        return (created, question, erasure);
    }
}
