using System.Text;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Public;

/// <summary>
/// iCalendar feeds of meetings, for calendar applications to subscribe to. The public and area feeds hold public
/// meetings only; a body's feed is anonymous for a public body and otherwise for the body's managers and members.
/// Cancelled meetings stay in the feeds with STATUS:CANCELLED, so subscribers' calendars drop them. Calendar clients
/// cannot page, so a feed is bounded by time instead (<see cref="CalendarOptions"/>): the meetings that start at most
/// <c>PastDays</c> days ago or later, soonest first, at most <c>MaxEvents</c> of them.
/// </summary>
public static class CalendarEndpoints
{
    [WolverineGet("/api/meetings/calendar/public.ics"), AllowAnonymous]
    [Produces(ICalendar.ContentType), ProducesResponseType(StatusCodes.Status200OK)]
    public static async Task<IResult> PublicFeed(IQuerySession session, HttpContext http, TimeProvider clock, MeetingsOptions options)
    {
        var now = clock.GetUtcNow();
        var meetings = await Window(session.Query<Meeting>().Where(m => m.Public), options.Calendar, now, http.RequestAborted);
        return Feed("Community Safety Partnership: public meetings", meetings, http, options, now);
    }

    /// <summary>Public meetings of one area (North, East, South or West): its Neighbourhood Engagement Meetings.</summary>
    [WolverineGet("/api/meetings/calendar/areas/{area}.ics"), AllowAnonymous]
    [Produces(ICalendar.ContentType), ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> AreaFeed(string area, IQuerySession session, HttpContext http, TimeProvider clock, MeetingsOptions options)
    {
        if (!Enum.TryParse<Area>(area, ignoreCase: true, out var a) || !Enum.IsDefined(a) || int.TryParse(area, out _))
            return Problems.NotFound(nameof(Area), area);
        var now = clock.GetUtcNow();
        var meetings = await Window(session.Query<Meeting>().Where(m => m.Public && m.Area == a), options.Calendar, now, http.RequestAborted);
        return Feed($"Community Safety Partnership: public meetings, {a} area", meetings, http, options, now);
    }

    /// <summary>A body's meetings: anybody's for a public body; otherwise only its managers' and members' (else 404).</summary>
    [WolverineGet("/api/meetings/calendar/bodies/{bodyId}.ics"), AllowAnonymous]
    [Produces(ICalendar.ContentType), ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> BodyFeed(string bodyId, IQuerySession session, HttpContext http, TimeProvider clock, MeetingsOptions options)
    {
        var ct = http.RequestAborted;
        var body = Guid.TryParse(bodyId, out var id) && id != Guid.Empty ? await session.LoadAsync<BodyRef>(id, ct) : null;
        if (body is null || !body.IsPublic && !MeetingAccess.Manages(http.User, id) && !await MeetingAccess.IsMember(http.User, id, session, ct))
            return Problems.NotFound("Body", bodyId);
        var now = clock.GetUtcNow();
        var meetings = await Window(session.Query<Meeting>().Where(m => m.BodyId == id), options.Calendar, now, ct);
        return Feed(body.Name, meetings, http, options, now);
    }

    /// <summary>The feed's meetings: from <see cref="CalendarOptions.PastDays"/> ago onwards, soonest first, at most <see cref="CalendarOptions.MaxEvents"/>.</summary>
    private static async Task<IReadOnlyList<Meeting>> Window(IQueryable<Meeting> meetings, CalendarOptions window, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-window.PastDays);
        return await meetings.Where(m => m.StartsAt >= since).OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(window.MaxEvents).ToListAsync(ct);
    }

    private static IResult Feed(string name, IEnumerable<Meeting> meetings, HttpContext http, MeetingsOptions options, DateTimeOffset now)
    {
        var baseUrl = BaseUrl(options, http.Request);
        var entries = meetings.Select(m => Entry(m, baseUrl));
        return Results.Bytes(Encoding.UTF8.GetBytes(ICalendar.Write(name, entries, now)), ICalendar.ContentType);
    }

    /// <summary>The meeting as a calendar event; a cancelled one says why in its description.</summary>
    public static CalendarEntry Entry(Meeting meeting, string baseUrl) => new(
        meeting.Id, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Location,
        baseUrl + MeetingSummary.PageOf(meeting.Id), meeting.Sequence, meeting.Status == MeetingStatus.Cancelled,
        meeting.LastModified, meeting.Status == MeetingStatus.Cancelled ? $"Cancelled: {meeting.CancellationReason}" : null);

    /// <summary><see cref="MeetingsOptions.PublicBaseUrl"/> (e.g. the gateway's public address), else the request's own scheme, host and path base.</summary>
    public static string BaseUrl(MeetingsOptions options, HttpRequest request) =>
        options.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
