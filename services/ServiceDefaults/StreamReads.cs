using Microsoft.AspNetCore.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>The answer to a read of a stream's projected document: its version travels as the ETag a write's If-Match names.</summary>
public static class StreamReads
{
    /// <summary>404 if absent, else 200 with the document and its version as ETag.</summary>
    /// <typeparam name="T">The document.</typeparam>
    /// <param name="document">The document read, or null.</param>
    /// <param name="id">The id asked for (named in the 404).</param>
    /// <param name="http">The request, whose answer gets the ETag.</param>
    /// <param name="version">The document's stream version.</param>
    /// <param name="resource">What the 404 calls the resource, when not the document's type name (a read model answering for its aggregate: "Body", not "BodyView").</param>
    public static IResult Read<T>(T? document, Guid id, HttpContext http, Func<T, long> version, string? resource = null) where T : class
    {
        if (document is null) return Problems.NotFound(resource ?? typeof(T).Name, id);
        http.Response.Headers.ETag = IfMatch.ETag(version(document));
        return Results.Ok(document);
    }
}
