using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Marten.Events;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>A page of the catch-up feed: events in feed order, and the cursor to ask for the next page with.</summary>
public sealed record DecisionFeedPage(IReadOnlyList<CloudEvent> Events, string Next);

/// <summary>
/// The feed's cursor: opaque to clients (base64url of <c>v1:&lt;sequence&gt;</c>), stable for good. The sequence is the
/// event store's global sequence number of the last <see cref="DecisionEventPublished"/> a client has seen.
/// </summary>
public static class DecisionFeedCursor
{
    private const string Prefix = "v1:";

    /// <summary>The cursor before every event.</summary>
    public static readonly string Start = Encode(0);

    public static string Encode(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Decodes a cursor this service issued; false for anything else (only the canonical encoding is accepted).</summary>
    public static bool TryDecode(string? cursor, out long sequence)
    {
        sequence = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64 || !Base64Url.IsValid(cursor)) return false;
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        if (Encode(value) != cursor) return false; // leading zeros, trailing bits: not a cursor we issued
        sequence = value;
        return true;
    }
}

/// <summary>
/// <c>GET /api/governance/decisions/feed?after=&lt;cursor&gt;&amp;limit=&lt;1..500&gt;</c>: the decision events Governance took in,
/// oldest first, for agencies to catch up on what their webhooks missed (or to poll instead). Without <c>after</c> it starts
/// at the beginning; <c>next</c> is the cursor of the last event returned, or <c>after</c> itself when there is nothing new.
/// It pages by cursor, not by <c>page</c> (a page number would shift as events arrive): <c>limit</c> has the lists' default
/// and maximum (<see cref="Paging"/>), and the <c>Link</c> header's <c>rel="next"</c> is the same URL with <c>after=next</c>.
///
/// Who may read: any authenticated user whose token names an organisation (the <c>org</c> claim: a user acting for an
/// agency of the partnership) or who has the governance-admin role; other tokens get 403, no token 401. Decision events
/// are the partnership's published decisions, not case data, so every member agency may read all of them: decisions of a
/// confidential body (the ASB case panel) or under an exempt item never enter the feed (<see cref="DecisionEvents.Publishable"/>).
///
/// Why ordering by the global sequence is safe: a poller that has seen sequence N must never later find an event below N.
/// Sequence numbers are drawn when events are appended, so concurrent writers could commit out of order; but
/// <see cref="DecisionEventPublished"/> has exactly one writer, the intake handler on the local sequential queue
/// <see cref="GovernanceExtensions.Queues.Intake"/>, which appends one event and commits before taking the next. Events of other
/// streams also draw sequence numbers, which leaves gaps in the feed's numbers, never reorderings.
/// </summary>
public static class DecisionFeedEndpoint
{
    public const string Url = "/api/governance/decisions/feed";

    [WolverineGet(Url)]
    [ProducesResponseType<DecisionFeedPage>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? after, int? limit, IQuerySession session, HttpContext http)
    {
        if (!MayRead(http.User)) return Results.Forbid();

        var errors = new FieldErrors()
            .Range("limit", limit, 1, Paging.MaxLimit);
        long afterSequence = 0;
        if (after is not null && !DecisionFeedCursor.TryDecode(after, out afterSequence))
            errors.Add("after", "'after' must be a cursor the feed returned as 'next'.");
        var problem = errors.ToProblem();
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems)) return Results.Problem(problem);

        var published = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(DecisionEventPublished)))
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(limit ?? Paging.DefaultLimit)
            .ToListAsync(http.RequestAborted);

        var next = published.Count > 0 ? DecisionFeedCursor.Encode(published[^1].Sequence) : after ?? DecisionFeedCursor.Start;
        // the cursor as a link too, like every list's rel="next" (always: the feed is polled, so there may be more later)
        http.Response.Headers.Link = $"<{Paging.Url(http.Request.PathBase + http.Request.Path, http.Request.Query, ("after", next))}>; rel=\"next\"";
        var confidential = await ConfidentialBodies.LoadAsync(session, http.RequestAborted);
        return Results.Ok(new DecisionFeedPage(
            published.Select(e => ((DecisionEventPublished)e.Data).Event).Where(e => !confidential.Hides(e)).ToList(), next));
    }

    public static bool MayRead(ClaimsPrincipal user) => user.OrganisationId() is not null || user.IsInRole(GovernanceRoles.Admin);
}

/// <summary>
/// The bodies Governance knows as confidential (the ASB case panel, those marked so). A decision event of one of them
/// taken into the feed before it was confidential (marked later, or heard from a Meetings that did not yet withhold its
/// text) is left out whenever the feed is read or replayed again; copies already delivered cannot be recalled.
/// </summary>
public static class ConfidentialBodies
{
    public static async Task<IReadOnlySet<Guid>> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Bodies.Body>().Select(b => new { b.Id, b.Kind, b.MarkedConfidential }).ToListAsync(ct))
        .Where(b => Contracts.Governance.BodyConfidentiality.IsConfidential(b.Kind, b.MarkedConfidential))
        .Select(b => b.Id)
        .ToHashSet();

    /// <summary>Whether the event is a decision of one of these bodies.</summary>
    public static bool Hides(this IReadOnlySet<Guid> confidential, CloudEvent e) =>
        e.Type == DecisionEvents.DecisionRecordedType && e.Data.ValueKind == System.Text.Json.JsonValueKind.Object
        && e.Data.TryGetProperty("bodyId", out var body) && body.ValueKind == System.Text.Json.JsonValueKind.String && body.TryGetGuid(out var id)
        && confidential.Contains(id);
}
