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

    /// <summary>When the command may succeed if sent again (a budget refills): the answer's <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    public DomainRuleViolation With(string key, object? value)
    {
        Facts[key] = value;
        return this;
    }

    /// <summary>Sets <see cref="RetryAfter"/> (whole seconds, rounded up) and says it in the problem too (<c>retryAfterSeconds</c>).</summary>
    public DomainRuleViolation RetryingAfter(TimeSpan wait)
    {
        RetryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        return With("retryAfterSeconds", (long)RetryAfter.Value.TotalSeconds);
    }
}
