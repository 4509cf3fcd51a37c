using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// The write side of every command, in one place. Streams are versioned; the version travels as a strong
/// ETag (<c>"3"</c>) and may come back in <c>If-Match</c>. Domain events are appended to the service's
/// Marten stream and, mapped by the <c>toContract</c> function each method takes, published as integration events through
/// Wolverine's outbox, which commits in the same transaction as the events (AutoApplyTransactions).
/// </summary>
public static class StreamWrites
{
    public static string ETag(long version) => IfMatch.ETag(version);

    /// <summary>Reads <c>If-Match</c>: null when absent or <c>*</c>; false when it is not a version we issued.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? version) => IfMatch.TryRead(request, out version);

    /// <summary>Starts stream <paramref name="id"/> and answers 201 Created at <paramref name="location"/> with
    /// <paramref name="body"/> (by default <c>{ id }</c>).</summary>
    public static async Task<IResult> Start<T>(
        this IDocumentSession session, Guid id, IReadOnlyList<object> events, string location,
        IMessageBus bus, Func<object, object?> toContract, object? body = null) where T : class
    {
        session.Events.StartStream<T>(id, events.ToArray());
        await Publish(bus, events, toContract);
        return NewStream.Created(location, body ?? new { id }, events.Count);
    }

    /// <summary>
    /// Loads aggregate <paramref name="id"/> for writing and appends what the pure <paramref name="decide"/>
    /// returns. 404 if the stream does not exist, 400 for an unreadable If-Match, 412 for a stale one.
    /// Marten checks at commit that nobody appended in between: a lost race becomes a 409.
    /// Answers 200 with <paramref name="respond"/>'s body (or 204) and the new version as ETag.
    /// <paramref name="then"/>, if given, runs once the events are appended (not when refused): more work of the same
    /// transaction, such as scheduling a reminder through the outbox.
    /// </summary>
    public static async Task<IResult> Append<T>(
        this IDocumentSession session, Guid id, HttpContext http, Func<T, IReadOnlyList<object>> decide,
        IMessageBus bus, Func<object, object?> toContract, Func<IReadOnlyList<object>, object>? respond = null,
        Func<IReadOnlyList<object>, Task>? then = null)
        where T : class
    {
        if (!TryReadIfMatch(http.Request, out var expected))
            return Results.Problem(Problems.BadRequest("If-Match must be a quoted stream version, e.g. \"3\"."));

        // No stream has the empty id (Marten refuses to look it up): it names nothing, like any unknown id.
        if (id == Guid.Empty) return Problems.NotFound(typeof(T).Name, id);
        var stream = await session.Events.FetchForWriting<T>(id, http.RequestAborted);
        if (stream.Aggregate is null) return Problems.NotFound(typeof(T).Name, id);
        var current = stream.CurrentVersion ?? 0;
        if (expected is { } v && v != current) return Problems.PreconditionFailed(v, current);

        var events = decide(stream.Aggregate);
        stream.AppendMany(events.ToArray());
        await Publish(bus, events, toContract);
        if (then is not null) await then(events);

        http.Response.Headers.ETag = ETag(current + events.Count);
        return respond is null ? Results.NoContent() : Results.Ok(respond(events));
    }

    /// <summary>Answers a read of a projected document: 404 if absent, else 200 with its version as ETag.</summary>
    public static IResult Read<T>(T? document, Guid id, HttpContext http, Func<T, long> version) where T : class
    {
        if (document is null) return Problems.NotFound(typeof(T).Name, id);
        http.Response.Headers.ETag = ETag(version(document));
        return Results.Ok(document);
    }

    private static async Task Publish(IMessageBus bus, IEnumerable<object> events, Func<object, object?> toContract)
    {
        foreach (var e in events)
        {
            if (toContract(e) is { } message) await bus.PublishAsync(message);
        }
    }
}
