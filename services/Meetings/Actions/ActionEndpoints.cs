using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Actions;

/// <summary>The open actions a meeting reviews under its standard "Review of open actions" item.</summary>
public static class ActionReview
{
    /// <summary>
    /// The body's actions still open or in progress that were raised at an earlier meeting of the body (by the raising
    /// meetings' current start times), with whether each is overdue on <paramref name="today"/> (default: today in the UK).
    /// </summary>
    public static async Task<IReadOnlyList<ActionView>> ForMeeting(IQuerySession session, Meeting meeting, CancellationToken ct,
        DateOnly? today = null)
    {
        var open = await session.Query<ActionItem>()
            .Where(a => a.BodyId == meeting.BodyId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .ToListAsync(ct);
        // A raising meeting may have been rescheduled since: compare by its start now.
        var meetingIds = open.Select(a => a.RaisedAtMeetingId).Distinct().ToArray();
        var starts = (await session.LoadManyAsync<Meeting>(ct, meetingIds)).ToDictionary(m => m.Id, m => m.StartsAt);
        var current = open.Select(a => starts.TryGetValue(a.RaisedAtMeetingId, out var s) ? a with { RaisedAtMeetingStartsAt = s } : a);
        var day = today ?? ActionView.Today(TimeProvider.System);
        return [.. ActionRules.DueForReview(current, meeting).Select(a => ActionView.Of(a, day))];
    }
}

/// <summary>The write side shared by the endpoints that change an action: the managers of its body only.</summary>
public static class ActionWrites
{
    public static Task<IResult> Change(IDocumentSession session, Guid actionId, HttpContext http, IMessageBus bus,
        Func<ActionItem, IReadOnlyList<object>> decide) =>
        ManagedWrites.Change(session, actionId, http, bus, a => a.BodyId, decide);
}

public sealed record RaiseAction(string? Text, Guid? OwnerMembershipId, Guid? OwnerOrganisationId, DateOnly? DueOn, Guid? ItemId);

public static class RaiseActionEndpoint
{
    public static ProblemDetails Validate(RaiseAction? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("text", command.Text, 2000)
            .Check(command.OwnerMembershipId is null != command.OwnerOrganisationId is null, "owner",
                "Give exactly one of 'ownerMembershipId' (a member of the body) and 'ownerOrganisationId' (an organisation).")
            .Check(command.OwnerMembershipId != Guid.Empty, "ownerMembershipId", "'ownerMembershipId' must be a non-empty id when given.")
            .Check(command.OwnerOrganisationId != Guid.Empty, "ownerOrganisationId", "'ownerOrganisationId' must be a non-empty id when given.")
            .Check(command.DueOn is not null, "dueOn", "'dueOn' is required (a date, e.g. 2027-01-31).")
            .Check(command.ItemId != Guid.Empty, "itemId", "'itemId' must be a non-empty id when given.")
            .ToProblem();

    /// <summary>Raises an action at a meeting; it comes back to the body's later meetings until done or dropped.</summary>
    [WolverinePost("/api/meetings/meetings/{meetingId}/actions"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(Guid meetingId, RaiseAction command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = meetingId == Guid.Empty ? null : await session.LoadAsync<Meeting>(meetingId, ct);
        if (meeting is null) return Problems.NotFound(nameof(Meeting), meetingId);
        MeetingAccess.EnsureManages(http.User, meeting.BodyId);
        var member = command.OwnerMembershipId is { } m ? await session.LoadAsync<MemberRef>(m, ct) : null;
        var organisation = command.OwnerOrganisationId is { } o ? await session.LoadAsync<OrganisationRef>(o, ct) : null;
        var id = Guid.CreateVersion7();
        var events = ActionRules.DecideRaise(id, meeting, command.Text!, command.OwnerMembershipId, member, command.OwnerOrganisationId,
            organisation, command.DueOn!.Value, command.ItemId, clock.GetUtcNow());
        return await session.Start<ActionItem>(id, events, $"/api/meetings/actions/{id}", bus, _ => null);
    }
}

public sealed record ProgressAction(string? Note);

public static class ProgressActionEndpoint
{
    public static ProblemDetails Validate(ProgressAction? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("note", command.Note, 4000).ToProblem();

    /// <summary>A progress note; an open action becomes in progress.</summary>
    [WolverinePost("/api/meetings/actions/{actionId}/progress"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid actionId, ProgressAction command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        ActionWrites.Change(session, actionId, http, bus, action => ActionRules.DecideProgress(action, command.Note!, clock.GetUtcNow()));
}

public sealed record CompleteAction(string? Note, Guid? MeetingId);

public static class CompleteActionEndpoint
{
    public static ProblemDetails Validate(CompleteAction? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Text("note", command.Note, 4000, required: false)
            .Check(command.MeetingId != Guid.Empty, "meetingId", "'meetingId' must be a non-empty id when given.")
            .ToProblem();

    /// <summary>The action is done (optionally reported at a meeting of its body); it leaves the review.</summary>
    [WolverinePost("/api/meetings/actions/{actionId}/complete"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid actionId, CompleteAction command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http)
    {
        var meeting = command.MeetingId is { } m ? await session.LoadAsync<Meeting>(m, http.RequestAborted) : null;
        return await ActionWrites.Change(session, actionId, http, bus,
            action => ActionRules.DecideComplete(action, command.Note, command.MeetingId, meeting, clock.GetUtcNow()));
    }
}

public sealed record DropAction(string? Reason);

public static class DropActionEndpoint
{
    public static ProblemDetails Validate(DropAction? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 2000).ToProblem();

    /// <summary>The action will not be done; the reason is kept and it leaves the review.</summary>
    [WolverinePost("/api/meetings/actions/{actionId}/drop"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid actionId, DropAction command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        ActionWrites.Change(session, actionId, http, bus, action => ActionRules.DecideDrop(action, command.Reason!, clock.GetUtcNow()));
}

public static class GetActionsEndpoint
{
    /// <summary>An action, for its body's managers and members (404 for anybody else, as if it did not exist).</summary>
    [WolverineGet("/api/meetings/actions/{id}")]
    [ProducesResponseType<ActionView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var action = id == Guid.Empty ? null : await session.LoadAsync<ActionItem>(id, http.RequestAborted);
        if (action is null || !await MaySee(http, action.BodyId, session)) return Problems.NotFound("Action", id);
        http.Response.Headers.ETag = StreamWrites.ETag(action.Version);
        return Results.Ok(ActionView.Of(action, ActionView.Today(clock)));
    }

    /// <summary>
    /// The body's action log, oldest due first, optionally of one status (Open, InProgress, Done, Dropped), for the
    /// body's managers and members (404 for anybody else); a page at a time (<c>limit</c> 1–500, default 100).
    /// </summary>
    [WolverineGet("/api/meetings/bodies/{bodyId}/actions")]
    [ProducesResponseType<IReadOnlyList<ActionView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> List(Guid bodyId, string? status, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        ActionStatus? wanted = null;
        var errors = new FieldErrors();
        if (status is not null)
        {
            if (!Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                errors.Add("status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<ActionStatus>())}.");
            else wanted = parsed;
        }
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal, errors: errors)) return refusal;
        var ct = http.RequestAborted;
        if (bodyId == Guid.Empty || await session.LoadAsync<BodyRef>(bodyId, ct) is null || !await MaySee(http, bodyId, session)) return Problems.NotFound("Body", bodyId);
        var query = session.Query<ActionItem>().Where(a => a.BodyId == bodyId);
        if (wanted is { } w) query = query.Where(a => a.Status == w);
        var today = ActionView.Today(clock);
        return (await query.OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToPageAsync(request, ct)).Select(a => ActionView.Of(a, today)).Ok(http);
    }

    private static async Task<bool> MaySee(HttpContext http, Guid bodyId, IQuerySession session) =>
        MeetingAccess.Manages(http.User, bodyId) || await MeetingAccess.IsMember(http.User, bodyId, session, http.RequestAborted);
}
