using CommunitySafety.Meetings.Meetings;
using CommunitySafety.ServiceDefaults;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.Meetings.Decisions;

/// <summary>An entry of the decision register.</summary>
public sealed record DecisionEntry(
    Guid Id, Guid MeetingId, Guid BodyId, string Text, bool ConsensusReached, string? AgendaReference,
    IReadOnlyList<Guid> AuthoritiesRepresented, DateTimeOffset RecordedAt);

public partial class DecisionRegisterProjection : EventProjection
{
    public DecisionEntry Create(DecisionRecorded e) => new(e.DecisionId, e.MeetingId, e.BodyId, e.Text, e.ConsensusReached,
        e.AgendaReference, e.AuthoritiesRepresented, e.RecordedAt);
}

public static class GetDecisionsEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>The decision register, newest first; filter by body or meeting.</summary>
    [WolverineGet("/api/meetings/decisions")]
    public static async Task<IResult> List(Guid? bodyId, Guid? meetingId, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
            return Results.Problem(Problems.Validation(new Dictionary<string, string[]>
            {
                ["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."],
            }));
        var query = session.Query<DecisionEntry>().AsQueryable();
        if (bodyId is { } b) query = query.Where(d => d.BodyId == b);
        if (meetingId is { } m) query = query.Where(d => d.MeetingId == m);
        return Results.Ok(await query.OrderByDescending(d => d.RecordedAt).Take(limit ?? 100).ToListAsync(ct));
    }

    [WolverineGet("/api/meetings/decisions/{id}")]
    [ProducesResponseType<DecisionEntry>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DecisionEntry>(id, ct) is { } entry ? Results.Ok(entry) : Problems.NotFound("Decision", id);
}
