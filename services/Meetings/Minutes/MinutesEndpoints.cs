using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Minutes;

public sealed record DraftSection(Guid? ItemId, string? Text, bool? Exempt);

public sealed record DraftMinutes(IReadOnlyList<DraftSection?>? Sections);

public static class DraftMinutesEndpoint
{
    public const int MaxSections = 200;
    public const int MaxSectionLength = 20_000;

    /// <summary>
    /// The largest draft accepted (above the 1 MiB every other endpoint takes): the most sections at the longest text,
    /// each character up to 6 bytes (a JSON <c>\uXXXX</c> escape, as System.Text.Json writes any non-ASCII letter), with
    /// room for the rest of each section.
    /// </summary>
    public const long MaxBodyBytes = MaxSections * (MaxSectionLength * 6L + 256);

    public static ProblemDetails Validate(DraftMinutes? command)
    {
        if (command is null) return FieldErrors.MissingBody;
        var errors = new FieldErrors()
            .Check(command.Sections is { Count: > 0 }, "sections", "'sections' is required: at least one passage { itemId?, text, exempt }.")
            .Check(command.Sections is not { Count: > MaxSections }, "sections", $"At most {MaxSections} sections.");
        for (var i = 0; i < (command.Sections?.Count ?? 0); i++)
        {
            var section = command.Sections![i];
            if (section is null)
            {
                errors.Add($"sections[{i}]", "A section must be an object { itemId?, text, exempt }.");
                continue;
            }
            errors.Text($"sections[{i}].text", section.Text, MaxSectionLength)
                .Check(section.ItemId != Guid.Empty, $"sections[{i}].itemId", "'itemId' must be a non-empty id when given.");
        }
        return errors.ToProblem();
    }

    /// <summary>Drafts the minutes (a new draft replaces the old) until they are approved.</summary>
    [WolverinePut("/api/meetings/meetings/{meetingId}/minutes"), Authorize(Roles = MeetingsRoles.Managers), RequestSizeLimit(MaxBodyBytes)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Task<IResult> Put(Guid meetingId, DraftMinutes command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var sections = command.Sections!.Select(s => new MinuteSection(s!.ItemId, s.Text!, s.Exempt ?? false)).ToList();
        return MeetingWrites.Change(session, meetingId, http, bus, meeting => MinutesRules.DecideDraft(meeting, sections, clock.GetUtcNow()));
    }
}

public static class MinutesEndpoints
{
    /// <summary>
    /// At this meeting, approves the minutes of the body's previous meeting as a correct record: a decision under this
    /// meeting's "Minutes of the previous meeting" item (quorum applies), and the previous meeting's minutes become
    /// approved, both in one transaction.
    /// </summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/minutes/approve-previous"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> ApprovePrevious(Guid meetingId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var current = meetingId == Guid.Empty ? null : await session.LoadAsync<Meeting>(meetingId, ct);
        if (current is null) return Problems.NotFound(nameof(Meeting), meetingId);
        MeetingAccess.EnsureManages(http.User, current.BodyId);

        var earlier = await session.Query<Meeting>()
            .Where(m => m.BodyId == current.BodyId && m.StartsAt < current.StartsAt)
            .ToListAsync(ct);
        var previousId = MinutesRules.PreviousMeeting(earlier, current)?.Id;
        // Fetched for writing, so that a concurrent change to the previous meeting's minutes fails this one.
        var previous = previousId is { } p ? await session.Events.FetchForWriting<Meeting>(p, ct) : null;
        var membership = await MembershipSnapshot.ForBody(session, current.BodyId, ct);
        var decisionId = Guid.CreateVersion7();

        return await MeetingWrites.Change(session, meetingId, http, bus, meeting =>
            {
                var (toPrevious, toThis) = MinutesRules.DecideApprovePrevious(meeting, previous?.Aggregate, membership.Evaluate(meeting),
                    membership.Body?.IsConfidential ?? false, decisionId, clock.GetUtcNow());
                previous!.AppendMany(toPrevious.ToArray());
                return toThis;
            },
            events => new
            {
                decisionId, previousMeetingId = previousId,
                minuteReference = events.OfType<DecisionRecorded>().Single().MinuteReference,
            });
    }

    /// <summary>Publishes approved minutes; the public then sees the public version (exempt parts left out).</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/minutes/publish"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Publish(Guid meetingId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        MeetingWrites.Change(session, meetingId, http, bus, meeting => MinutesRules.DecidePublish(meeting, clock.GetUtcNow()));

    /// <summary>
    /// The minutes. The body's managers and members get the full version, drafts included; anybody else (no sign-in
    /// needed) the public version once published, never for a confidential body (404 otherwise, as if absent).
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{meetingId}/minutes"), AllowAnonymous]
    [ProducesResponseType<MinutesDocument>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = meetingId == Guid.Empty ? null : await session.LoadAsync<Meeting>(meetingId, ct);
        if (meeting is null) return Problems.NotFound("Minutes", meetingId);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, ct);
        var full = MeetingAccess.Manages(http.User, meeting.BodyId) || await MeetingAccess.IsMember(http.User, meeting.BodyId, session, ct);
        if (!full && (membership.Body is null or { IsConfidential: true } || meeting.Minutes.Status != MinutesStatus.Published))
            return Problems.NotFound("Minutes", meetingId);
        var approving = meeting.Minutes.ApprovedAtMeetingId is { } at ? await session.LoadAsync<Meeting>(at, ct) : null;
        var minutes = MinutesDocument.Assemble(meeting, membership, approving);
        return Results.Ok(full ? minutes : MinutesDocument.ForPublic(minutes));
    }
}
