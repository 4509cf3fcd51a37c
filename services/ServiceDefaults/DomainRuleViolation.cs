namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// What kind of refusal a rule gives. The rules say only this; <see cref="Problems.FromRule"/> alone turns it into an
/// HTTP status, so the decide functions know nothing of HTTP.
/// </summary>
public enum Refusal
{
    /// <summary>The thing's present state does not allow the command (the usual refusal): 409.</summary>
    Conflict,

    /// <summary>Something the command names inside the stream (a membership, an instalment, an interest) does not exist: 404.</summary>
    NotFound,

    /// <summary>The caller may not do this to this thing: 403.</summary>
    Forbidden,

    /// <summary>A value of the command is outside what the rule accepts at all (a score over 100, quarter 5): 400.</summary>
    OutOfRange,

    /// <summary>The command is well formed but inconsistent with the facts (an end before its start, an unknown organisation): 422.</summary>
    Inconsistent,

    /// <summary>A budget is spent; the same command may succeed later (<see cref="DomainRuleViolation.RetryAfter"/>): 429.</summary>
    Exhausted,
}

/// <summary>
/// Thrown by a pure decide function when a rule of the domain refuses a command (e.g. "a decision needs a
/// quorate meeting"). <see cref="Rule"/> is a short kebab-case name that becomes the ProblemDetails type URI,
/// so clients can branch on it; <see cref="Kind"/> says what kind of refusal it is (a <see cref="Refusal.Conflict"/>
/// unless told otherwise).
/// </summary>
/// <param name="rule">The rule's kebab-case name.</param>
/// <param name="detail">The refusal, in a sentence for the caller.</param>
/// <param name="kind">What kind of refusal it is.</param>
public sealed class DomainRuleViolation(string rule, string detail, Refusal kind = Refusal.Conflict) : Exception(detail)
{
    /// <summary>The rule's kebab-case name.</summary>
    public string Rule { get; } = rule;

    /// <summary>What kind of refusal it is.</summary>
    public Refusal Kind { get; } = kind;

    /// <summary>Facts the caller may act on, added to the problem as extension members.</summary>
    public IDictionary<string, object?> Facts { get; } = new Dictionary<string, object?>();

    /// <summary>When the command may succeed if sent again (a budget refills): the answer's <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>Adds a fact to the refusal.</summary>
    /// <param name="key">The problem's extension member.</param>
    /// <param name="value">Its value.</param>
    public DomainRuleViolation With(string key, object? value)
    {
        Facts[key] = value;
        return this;
    }

    /// <summary>Sets <see cref="RetryAfter"/> (whole seconds, rounded up) and says it in the problem too (<c>retryAfterSeconds</c>).</summary>
    /// <param name="wait">How long until the command may succeed.</param>
    public DomainRuleViolation RetryingAfter(TimeSpan wait)
    {
        RetryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        return With("retryAfterSeconds", (long)RetryAfter.Value.TotalSeconds);
    }
}
