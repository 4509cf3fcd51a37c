using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunitySafety.Web.Api;

/// <summary>
/// A refusal from a service (RFC 9457 ProblemDetails), as a page shows it: a plain-English summary and, for invalid input,
/// a message per field. Never shown as JSON.
/// </summary>
public sealed record Problem(int Status, string Rule, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The problem's other members (e.g. <c>neighbourhoodMeeting</c> of an Open Forum's refusal).</summary>
    public JsonObject? Extensions { get; init; }

    public const string TypePrefix = "urn:csp:problem:";

    /// <summary>What to say first: the detail when the service gave one, else the title.</summary>
    public string Summary => string.IsNullOrWhiteSpace(Detail) ? Title : Detail;

    public static Problem From(HttpStatusCode status, string? json)
    {
        JsonObject? body = null;
        try
        {
            body = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
        }
        var type = body?["type"]?.GetValue<string>() ?? "";
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (body?["errors"] is JsonObject fields)
            foreach (var (field, messages) in fields)
                errors[field] = messages is JsonArray list ? [.. list.Select(m => m?.GetValue<string>() ?? "")] : [messages?.ToString() ?? ""];
        return new Problem((int)status, type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : StatusRule(status),
            body?["title"]?.GetValue<string>() ?? Describe(status), body?["detail"]?.GetValue<string>(), errors) { Extensions = body };
    }

    /// <summary>A refusal the site itself makes (a form it checked before sending anything).</summary>
    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "validation", "There is a problem", null, errors);

    /// <summary>When a service cannot be reached at all.</summary>
    public static readonly Problem Unavailable = new(503, "unavailable", "The service is not available just now",
        "Try again in a few minutes.", new Dictionary<string, string[]>());

    private static string StatusRule(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "not-found",
        HttpStatusCode.TooManyRequests => "rate-limited",
        HttpStatusCode.Unauthorized => "unauthorised",
        HttpStatusCode.Forbidden => "forbidden",
        _ => "error",
    };

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not found",
        HttpStatusCode.TooManyRequests => "Too many requests",
        HttpStatusCode.Forbidden => "You cannot do that",
        HttpStatusCode.Unauthorized => "You need to sign in",
        >= HttpStatusCode.InternalServerError => "Sorry, there is a problem with the service",
        _ => "There is a problem",
    };
}

/// <summary>What a call to a service gave: a value, or the problem it answered with.</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, string? ETag = null, int? Total = null)
{
    public bool Ok => Problem is null;

    public static implicit operator ApiResult<T>(Problem problem) => new(default, problem);
}
