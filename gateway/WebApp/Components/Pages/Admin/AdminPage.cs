using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Admin;

/// <summary>
/// What every governance administrator's page shares (modelled on the clerks' <c>ManagerPage</c>): Governance's API, the page's
/// problem (404 for an id Governance does not know), forms sent Post/Redirect/Get to a page that says what was done
/// (<c>?done=…</c>, a code the page turns into words; never anything personal in the address).
/// </summary>
public abstract class AdminPage : StaffPage
{

    [Inject] protected GovernanceApi Api { get; set; } = null!;

    /// <summary>What was read, or nothing and the page's problem.</summary>
    protected T? Read<T>(ApiResult<T> read) where T : class
    {
        Refused = read.Problem;
        return read.Value;
    }

    /// <summary>
    /// A form: its own checks (<paramref name="errors"/>), then Governance's answer: back to <paramref name="back"/> saying what
    /// was <paramref name="done"/> (Post/Redirect/Get), or the form shown again with the refusal in plain English (<paramref name="explain"/>).
    /// </summary>
    /// <param name="form">Which form of the page was sent (the one shown again on a refusal).</param>
    /// <param name="errors">The form's own checks, already made; nothing is sent when they found a problem.</param>
    /// <param name="send">Sends the command to Governance; null when accepted, the refusal otherwise.</param>
    /// <param name="explain">Says a refusal in plain English (null: the default words).</param>
    /// <param name="back">The page to go back to once done.</param>
    /// <param name="done">What was done, said on that page.</param>
    /// <param name="then">Where to go instead of <paramref name="back"/>, known once sent (e.g. the page of what was created).</param>
    protected async Task Send(string form, FormErrors errors, Func<Task<Problem?>> send, Func<Problem, string?> explain, string back, string done,
        Func<string?>? then = null)
    {
        if (Refused is not null) return;
        SentForm = form;
        Errors = errors;
        if (Errors.HasAny) return;
        if (await send() is { } problem)
        {
            Errors.From(problem, explain);
            return;
        }
        Redirect(then?.Invoke() ?? back, done);
    }

    /// <summary>Post/Redirect/Get: back to <paramref name="path"/>, which says what was done.</summary>
    protected void Redirect(string path, string done) =>
        Navigation.NavigateTo($"{path}{(path.Contains('?') ? '&' : '?')}done={Uri.EscapeDataString(done)}");

    /// <summary>A date typed into a <see cref="DateInput"/>; blank is null when <paramref name="optional"/>, else an error.</summary>
    protected static DateOnly? DateOf(FormErrors errors, DateTimeParts? parts, string field, string what, bool optional = false)
    {
        parts ??= new DateTimeParts();
        if (optional && string.IsNullOrWhiteSpace(parts.Day) && string.IsNullOrWhiteSpace(parts.Month) && string.IsNullOrWhiteSpace(parts.Year)) return null;
        if (parts.TryDate(what, out var date, out var error)) return date;
        errors.Add(field, error!);
        return null;
    }

    /// <summary>A text box's value, trimmed, or null when blank.</summary>
    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Today in the partnership's calendar (UK date).</summary>
    protected static DateOnly Today => DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));
}
