using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;
using System.Globalization;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Turns the exceptions that mean "your request cannot be done as asked" into ProblemDetails with the
/// right 4xx status: a refused domain rule, a lost optimistic-concurrency race, unreadable input; and the
/// database being away (restarting, unreachable) or out of connections (pool exhausted, server full) into a 503
/// with Retry-After, which clients may retry.
/// Anything else stays a 500 (and is logged) because it is our fault, not the caller's.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        if (problem is null) return false;

        var ours = problem.Status >= 500; // the service cannot answer now: worth a warning, with its cause
        // The rule and the path (ids only), not the detail: a refusal's text may quote people ("The membership of
        // <name> ended…"), and logs are kept longer and read more widely than the answer to the caller.
        logger.Log(ours ? LogLevel.Warning : LogLevel.Information, ours ? exception : null,
            "{Method} {Path} refused with {Status} {Type}", context.Request.Method, context.Request.Path, problem.Status, problem.Type);
        context.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (exception is DomainRuleViolation { RetryAfter: { } wait }) context.Response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? Map(Exception exception) => exception switch
    {
        DomainRuleViolation v => Problems.FromRule(v),
        RequestRefused refused => refused.Problem,
        // Marten: another writer appended to the stream between our read and our commit
        JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
            => Conflict("The stream was changed by another request at the same time. Read it again and retry."),
        // A concurrent append can also surface as a unique-key violation on the events table
        MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            => Conflict("A concurrent request wrote the same record first. Read it again and retry."),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Type = Problems.TypeFor("bad-request"),
            Title = "The request could not be read",
            Detail = bad.Message,
        },
        _ => DatabaseOutages.Trouble(exception) switch
        {
            DatabaseTrouble.Busy => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Problems.TypeFor("database-busy"),
                Title = "Service temporarily busy",
                Detail = $"The service has no free database connection just now (too many requests at once). Retry in {RetryAfterSeconds} " +
                         "seconds; nothing was written.",
            },
            DatabaseTrouble.Unavailable => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Problems.TypeFor("database-unavailable"),
                Title = "Service temporarily unavailable",
                Detail = $"The service's database cannot be reached just now. Retry in {RetryAfterSeconds} seconds; " +
                         "if this was a write, read the record first: the answer was lost, the write may not have been.",
            },
            _ => null,
        },
    };

    internal const int RetryAfterSeconds = 5;

    private static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = Problems.TypeFor("concurrent-write"),
        Title = "Concurrent write",
        Detail = detail,
    };
}
