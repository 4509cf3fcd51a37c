using Microsoft.AspNetCore.Http;
using Wolverine.Marten;

namespace CommunitySafety.ServiceDefaults;

/// <summary>The answer to a command that starts a stream: 201 Created, its location, its body, its version as ETag.</summary>
public static class NewStream
{
    /// <summary>
    /// Starts stream <paramref name="id"/> of <typeparamref name="T"/> with <paramref name="events"/> (Wolverine appends them
    /// when the endpoint returns this, and the session commits them with the outbox) and answers 201 Created at
    /// <paramref name="location"/> with <paramref name="body"/> and ETag <c>"n"</c>, n the number of events.
    /// </summary>
    public static (IResult Created, IStartStream Stream) Start<T>(Guid id, string location, object body, params object[] events) where T : class =>
        (new CreatedWithVersion(location, body, events.Length), MartenOps.StartStream<T>(id, events));

    private sealed class CreatedWithVersion(string location, object body, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ETag = IfMatch.ETag(version);
            return Results.Created(http.Request.Local(location), body).ExecuteAsync(http);
        }
    }
}
