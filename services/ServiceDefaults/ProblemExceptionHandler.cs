using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Turns the exceptions that mean "your request cannot be done as asked" into ProblemDetails with the
/// right 4xx status: a refused domain rule, a lost optimistic-concurrency race, unreadable input.
/// Anything else stays a 500 (and is logged) because it is our fault, not the caller's.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        if (problem is null) return false;

        logger.LogInformation("Request refused with {Status} {Type}: {Detail}", problem.Status, problem.Type, problem.Detail);
        context.Response.StatusCode = problem.Status!.Value;
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
        _ => null,
    };

    private static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = Problems.TypeFor("concurrent-write"),
        Title = "Concurrent write",
        Detail = detail,
    };
}
