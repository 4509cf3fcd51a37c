using CommunitySafety.Web.Api;

namespace CommunitySafety.Web.Components.Govuk;

/// <summary>
/// A form's problems: one message per field (in the order of the form) and a general one. Built from the site's own checks
/// or from the service's answer (its field errors mapped onto the form's fields; a refused rule becomes the general message).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _ids;

    /// <param name="fields">The form's fields in page order: the API's name of each, and the id of its input.</param>
    public FormErrors(params (string Field, string Id)[] fields)
    {
        _ids = fields.ToDictionary(f => f.Field, f => f.Id, StringComparer.OrdinalIgnoreCase);
        Order = [.. fields.Select(f => f.Field)];
    }

    private IReadOnlyList<string> Order { get; }

    private readonly Dictionary<string, string> _messages = new(StringComparer.OrdinalIgnoreCase);

    public string? General { get; private set; }

    public bool HasAny => General is not null || _messages.Count > 0;

    /// <summary>The field messages in page order.</summary>
    public IReadOnlyList<(string Field, string Message)> Fields =>
        [.. Order.Where(_messages.ContainsKey).Select(f => (f, _messages[f])), .. _messages.Where(m => !_ids.ContainsKey(m.Key)).Select(m => (m.Key, m.Value))];

    public string IdOf(string field) => _ids.TryGetValue(field, out var id) ? id : "main-content";

    public string? For(string field) => _messages.GetValueOrDefault(field);

    public FormErrors Add(string field, string message)
    {
        _messages.TryAdd(field, message);
        return this;
    }

    public FormErrors Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    /// <summary>Takes a service's refusal: its field errors on the fields, anything else as the general message.</summary>
    public FormErrors From(Problem problem, Func<Problem, string?>? explain = null)
    {
        foreach (var (field, messages) in problem.Errors)
            if (messages.FirstOrDefault() is { } message) Add(Unprefixed(field), Plain(message));
        if (problem.Errors.Count == 0) General = explain?.Invoke(problem) ?? problem.Summary;
        return this;
    }

    public FormErrors Say(string message)
    {
        General = message;
        return this;
    }

    /// <summary>"$.text" or "Text" → "text": the services name fields by their JSON property, sometimes with a path.</summary>
    private static string Unprefixed(string field) => field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field;

    /// <summary>The services quote field names ('text' is required); on a page the label names the field already.</summary>
    private static string Plain(string message) => message.Replace("'", "");
}
