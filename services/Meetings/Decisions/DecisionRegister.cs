using CommunitySafety.Meetings.Meetings;
using Marten.Events.Projections;

namespace CommunitySafety.Meetings.Decisions;

/// <summary>
/// An entry of the decision register. <see cref="Public"/>: taken at a public meeting; <see cref="Confidential"/>: of a
/// confidential body (the ASB case panel, or marked so); <see cref="Exempt"/>: under an exempt agenda item.
/// </summary>
public sealed record DecisionEntry(
    Guid Id, Guid MeetingId, Guid BodyId, string Text, bool ConsensusReached, string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented, DateTimeOffset RecordedAt, bool Public = false, bool Confidential = false, bool Exempt = false);

public partial class DecisionRegisterProjection : EventProjection
{
    public DecisionEntry Create(DecisionRecorded e) => new(e.DecisionId, e.MeetingId, e.BodyId, e.Text, e.ConsensusReached,
        e.AgendaReference, e.AuthoritiesRepresented, e.RecordedAt, e.Public, e.Confidential, e.Exempt);
}

/// <summary>
/// The decision register, with the visibility of the body's meetings (<see cref="MeetingAccess.VisibleDecisions"/>): a
/// public meeting's decisions (not under an exempt item) for everybody, signed in or not; every other decision — a private body's,
/// the ASB case panel's, an exempt item's — only for the body's managers and members. Others find nothing: left out of
/// the list, 404 by id, as if it did not exist.
/// </summary>
public static class GetDecisionsEndpoint
{
    /// <summary>The decisions the caller may see, newest first; filter by body or meeting; a page at a time (<c>limit</c> 1–500, default 100).</summary>
    [WolverineGet("/api/meetings/decisions"), AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<DecisionEntry>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(Guid? bodyId, Guid? meetingId, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var ct = http.RequestAborted;
        var query = await MeetingAccess.VisibleDecisions(http.User, session, ct);
        if (bodyId is { } b) query = query.Where(d => d.BodyId == b);
        if (meetingId is { } m) query = query.Where(d => d.MeetingId == m);
        return (await query.OrderByDescending(d => d.RecordedAt).ThenBy(d => d.Id).ToPageAsync(request, ct)).Ok(http);
    }

    /// <summary>A decision, if the caller may see it (otherwise 404).</summary>
    [WolverineGet("/api/meetings/decisions/{id}"), AllowAnonymous]
    [ProducesResponseType<DecisionEntry>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<DecisionEntry>(id, http.RequestAborted) is { } entry && await MeetingAccess.CanSee(http.User, entry, session, http.RequestAborted)
            ? Results.Ok(entry)
            : Problems.NotFound("Decision", id);
}
