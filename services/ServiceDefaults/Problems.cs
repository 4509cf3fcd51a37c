using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.ServiceDefaults;

/// <summary>RFC 9457 problem types shared by every service. Domain rules get <c>urn:csp:problem:&lt;rule&gt;</c>.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:csp:problem:";

    public static string TypeFor(string rule) => TypePrefix + rule;

    private const string WolverineUnreadableBodyType = "https://httpstatuses.com/400";

    public static IResult NotFound(string what, object id) => Results.Problem(NotFoundProblem(what, id));

    public static ProblemDetails NotFoundProblem(string what, object id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Type = TypeFor("not-found"),
        Title = $"{what} not found",
        Detail = $"No {what.ToLowerInvariant()} with id '{id}' exists.",
    };

    public static ProblemDetails StaleVersion(long expected, long actual) => new()
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Type = TypeFor("stale-version"),
        Title = "The resource has changed",
        Detail = $"If-Match named version {expected} but the current version is {actual}. Read it again and retry.",
        Extensions = { ["currentVersion"] = actual },
    };

    public static ProblemDetails Validation(IDictionary<string, string[]> errors) => new ValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Type = TypeFor("validation"),
        Title = "The request is not valid",
    };

    public static ProblemDetails BadRequest(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = TypeFor("bad-request"),
        Title = "The request is not valid",
        Detail = detail,
    };

    /// <summary>The one place a rule's refusal becomes an HTTP answer: its kind gives the status, its name the type.</summary>
    /// <param name="violation">The refusal.</param>
    public static ProblemDetails FromRule(DomainRuleViolation violation)
    {
        var problem = new ProblemDetails
        {
            Status = StatusOf(violation.Kind),
            Type = TypeFor(violation.Rule),
            Title = "Refused by the rule " + violation.Rule,
            Detail = violation.Message,
        };
        foreach (var (key, value) in violation.Facts) problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>The HTTP status of a kind of refusal.</summary>
    /// <param name="kind">The kind.</param>
    public static int StatusOf(Refusal kind) => kind switch
    {
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.Forbidden => StatusCodes.Status403Forbidden,
        Refusal.OutOfRange => StatusCodes.Status400BadRequest,
        Refusal.Inconsistent => StatusCodes.Status422UnprocessableEntity,
        Refusal.Exhausted => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status409Conflict,
    };

    internal static IServiceCollection AddProblemDetailsDefaults(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Wolverine.HTTP answers an unreadable body (bad JSON, wrong types, unknown enum names) itself, with a
            // type of its own; clients get one type for "the request could not be read", whoever noticed.
            if (ctx.ProblemDetails is { Status: StatusCodes.Status400BadRequest, Type: WolverineUnreadableBodyType })
                ctx.ProblemDetails.Type = TypeFor("bad-request");
            // Wolverine answers a body over Kestrel's limit itself (type https://httpstatuses.com/413), and the exception
            // handler and status-code pages answer others: one problem for all of them
            if (ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && ctx.ProblemDetails.Type != RequestBodyLimit.ProblemType)
                RequestBodyLimit.Describe(ctx.ProblemDetails, ctx.HttpContext.RequestServices.GetService<RequestBodyLimit>()?.For(ctx.HttpContext));
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString()
                                                             ?? ctx.HttpContext.TraceIdentifier);
        });
        // after the default writer: a problem is written even when Accept does not name JSON
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
