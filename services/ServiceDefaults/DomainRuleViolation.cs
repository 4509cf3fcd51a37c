namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Thrown by a pure decide function when a rule of the domain refuses a command (e.g. "a decision needs a
/// quorate meeting"). <see cref="Rule"/> is a short kebab-case name that becomes the ProblemDetails type URI,
/// so clients can branch on it. Mapped to 409 Conflict unless <see cref="StatusCode"/> says otherwise.
/// </summary>
public sealed class DomainRuleViolation(string rule, string detail, int statusCode = 409) : Exception(detail)
{
    public string Rule { get; } = rule;
    public int StatusCode { get; } = statusCode;
    public IDictionary<string, object?> Facts { get; } = new Dictionary<string, object?>();

    public DomainRuleViolation With(string key, object? value)
    {
        Facts[key] = value;
        return this;
    }
}
