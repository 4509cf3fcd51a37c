using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Collects field errors of a request body for a Wolverine <c>Validate</c> method; field names are the JSON
/// (camelCase) names the client sent. <see cref="ToProblem"/> answers "keep going" when there are none.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    public FieldErrors Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? Add(field, $"'{field}' is required.") : this;
        return Check(value.Length <= maxLength, field, $"'{field}' must be at most {maxLength} characters.");
    }

    public FieldErrors Id(string field, Guid? value) =>
        Check(value is { } v && v != Guid.Empty, field, $"'{field}' must be a non-empty id.");

    public FieldErrors Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum =>
        value is { } v
            ? Check(Enum.IsDefined(v), field, $"'{field}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.")
            : Add(field, $"'{field}' is required (one of: {string.Join(", ", Enum.GetNames<TEnum>())}).");

    public FieldErrors Range(string field, int? value, int min, int max) =>
        Check(value is null || (value >= min && value <= max), field, $"'{field}' must be between {min} and {max}.");

    public ProblemDetails ToProblem() => _errors.Count == 0
        ? WolverineContinue.NoProblems
        : Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    /// <summary>The body was absent or the JSON literal <c>null</c>.</summary>
    public static ProblemDetails MissingBody => Problems.BadRequest("A JSON request body is required.");
}
