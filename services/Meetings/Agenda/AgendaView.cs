using CommunitySafety.Meetings.Actions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Agenda;

/// <summary>The meeting whose minutes the "minutes of the previous meeting" item takes.</summary>
public sealed record PreviousMeetingRef(Guid MeetingId, DateTimeOffset StartsAt, MinutesStatus MinutesStatus);

public sealed record AgendaItemView(
    Guid Id, int Number, string Title, AgendaItemKind Kind, bool Exempt, AgendaOrigin? Origin, IReadOnlyList<Paper> Papers,
    IReadOnlyList<Escalation> EscalatedTo, PreviousMeetingRef? PreviousMeeting, IReadOnlyList<ActionView>? ActionsForReview);

/// <param name="MeetingId">The meeting.</param>
/// <param name="BodyId">The body that meets.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="Location">Where it is held.</param>
/// <param name="Status">The meeting's state.</param>
/// <param name="PublishedAt">When the agenda was published; null while it is not.</param>
/// <param name="PublicationDueAt">When the agenda is due to be published.</param>
/// <param name="FullVersion">False for the public version: exempt items are named only as such, exempt papers left out.</param>
/// <param name="Items">The agenda's items, in order.</param>
public sealed record AgendaView(
    Guid MeetingId, Guid BodyId, string Title, DateTimeOffset StartsAt, string? Location, MeetingStatus Status,
    DateTimeOffset? PublishedAt, DateTimeOffset PublicationDueAt, bool FullVersion, IReadOnlyList<AgendaItemView> Items);

public static class AgendaViews
{
    /// <summary>
    /// The agenda as its readers see it. <paramref name="previous"/> is the body's previous meeting (its minutes are
    /// item "minutes of the previous meeting"); <paramref name="actionsForReview"/> the body's open actions, listed
    /// under "review of open actions". The public version names exempt items only as exempt, and leaves out exempt
    /// papers and where exempt items came from.
    /// </summary>
    public static AgendaView Of(Meeting meeting, bool fullVersion, PreviousMeetingRef? previous, IReadOnlyList<ActionView> actionsForReview,
        MeetingsOptions options) =>
        new(meeting.Id, meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Location, meeting.Status, meeting.AgendaPublishedAt,
            AgendaPublicationHandler.DueAt(meeting, options), fullVersion,
            meeting.Agenda.Select(item => !fullVersion && item.Exempt
                ? new AgendaItemView(item.Id, item.Number, Meeting.ExemptItemTitle, item.Kind, true, null, [], [], null, null)
                : new AgendaItemView(item.Id, item.Number, item.Title, item.Kind, item.Exempt, item.Origin,
                    [.. item.Papers.Where(p => fullVersion || !p.Exempt)], item.EscalatedTo,
                    item.Kind == AgendaItemKind.PreviousMinutes ? previous : null,
                    item.Kind == AgendaItemKind.ActionsReview ? actionsForReview : null)).ToList());
}

public static class GetAgendaEndpoint
{
    /// <summary>
    /// A meeting's agenda. The body's managers see it at any time; its members once published; everybody else (no
    /// sign-in needed) the public version once published, except for the ASB case panel, whose agendas are never public.
    /// </summary>
    [WolverineGet("/api/meetings/meetings/{meetingId}/agenda"), AllowAnonymous]
    [ProducesResponseType<AgendaView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, MeetingsOptions options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meeting = await session.LoadAsync<Meeting>(meetingId, ct);
        if (meeting is null) return Problems.NotFound("Agenda", meetingId);
        var manages = MeetingAccess.Manages(http.User, meeting.BodyId);
        var member = !manages && await MeetingAccess.IsMember(http.User, meeting.BodyId, session, ct);
        var published = meeting.AgendaPublishedAt is not null;
        var body = await session.LoadAsync<BodyRef>(meeting.BodyId, ct);
        if (!manages && !(published && (member || body is { IsConfidential: false }))) return Problems.NotFound("Agenda", meetingId);

        var previous = await session.Query<Meeting>()
            .Where(m => m.BodyId == meeting.BodyId && m.Status == MeetingStatus.Scheduled && m.StartsAt < meeting.StartsAt)
            .OrderByDescending(m => m.StartsAt).FirstOrDefaultAsync(ct);
        var fullVersion = manages || member;
        var actions = fullVersion ? await ActionReview.ForMeeting(session, meeting, ct) : [];
        http.Response.Headers.ETag = IfMatch.ETag(meeting.Version);
        return Results.Ok(AgendaViews.Of(meeting, fullVersion,
            previous is null ? null : new PreviousMeetingRef(previous.Id, previous.StartsAt, previous.Minutes.Status), actions, options));
    }
}
