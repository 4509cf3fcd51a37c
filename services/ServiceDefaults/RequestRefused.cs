using Microsoft.AspNetCore.Mvc;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// A request refused before anything was decided (an unreadable header, an unknown id, a stale version), thrown from
/// generated middleware that cannot return an answer itself; <see cref="ProblemExceptionHandler"/> answers its problem.
/// </summary>
public sealed class RequestRefused(ProblemDetails problem) : Exception(problem.Detail)
{
    public ProblemDetails Problem { get; } = problem;

    public static RequestRefused NotFound(string what, object id) => new(Problems.NotFoundProblem(what, id));
}
