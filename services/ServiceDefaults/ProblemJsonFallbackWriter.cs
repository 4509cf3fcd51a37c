using Microsoft.AspNetCore.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using ProblemDetailsOptions = Microsoft.AspNetCore.Http.ProblemDetailsOptions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Writes a problem as <c>application/problem+json</c> when ASP.NET Core's own writer declines because the request's
/// <c>Accept</c> does not allow JSON (<c>Accept: text/html</c>, <c>image/png</c>). Without it such a request got a
/// <c>text/plain</c> "Status Code: 406" page from the status-code pages, or an empty body for a problem from the
/// exception handler. An error is always answered with a problem: we have no other representation of it to offer,
/// and RFC 9110 allows an answer the client did not ask for rather than none. Registered after the default writer,
/// so that it only writes what that one would not.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        var typeInfo = jsonOptions.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, ContentType, http.RequestAborted));
    }
}
