using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Clerk;

/// <summary>
/// What every clerk's page shares: the user, the body or meeting it is about (403 for a body the user does not run, 404 for
/// an id Meetings does not show), and the way back after a form: Post/Redirect/Get to a page that says what was done
/// (<c>?done=…</c>, a code the page turns into words; never anything personal in the address).
/// </summary>
public abstract class ManagerPage : StaffPage
{

    [Inject] protected MeetingsApi Api { get; set; } = null!;

    /// <summary>The body as Meetings knows it, if the user runs its meetings.</summary>
    protected async Task<BodyMembership?> ManagedBody(Guid bodyId)
    {
        if (!Http.User.Manages(bodyId))
        {
            Refused = Forbidden;
            return null;
        }
        var body = await Api.Body(bodyId, Aborted);
        Refused = body.Problem;
        return body.Value;
    }

    /// <summary>A meeting (as a summary), if the user runs its body's meetings.</summary>
    protected async Task<MeetingSummary?> ManagedMeeting(Guid meetingId)
    {
        var meeting = await Api.Summary(meetingId, Aborted);
        return Managed(meeting, m => m.BodyId);
    }

    /// <summary>What was read, if the user runs the meetings of the body it belongs to; otherwise the page's problem.</summary>
    protected T? Managed<T>(ApiResult<T> read, Func<T, Guid> bodyOf) where T : class
    {
        Refused = read.Problem ?? (read.Value is { } value && !Http.User.Manages(bodyOf(value)) ? Forbidden : null);
        return Refused is null ? read.Value : null;
    }

    /// <summary>
    /// A form of a page with several: its own checks (<paramref name="errors"/>), then Meetings' answer: back to
    /// <paramref name="back"/> saying what was <paramref name="done"/> (Post/Redirect/Get), or the form shown again with
    /// the refusal in plain English (<paramref name="explain"/>).
    /// </summary>
    protected async Task Send(string form, FormErrors errors, Func<Task<Problem?>> send, Func<Problem, string?> explain, string back, string done)
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
        Redirect(back, done);
    }

    /// <summary>Post/Redirect/Get: back to <paramref name="path"/>, which says what was done.</summary>
    protected void Redirect(string path, string done) => Navigation.NavigateTo($"{path}?done={Uri.EscapeDataString(done)}");

    /// <summary>
    /// The date and UK time typed into a <see cref="DateInput"/>, checked GOV.UK's way: the date's error on
    /// <paramref name="field"/>, the time's on <paramref name="field"/>Time (so the summary links to the time box).
    /// </summary>
    protected static DateTimeOffset? Moment(FormErrors errors, DateTimeParts parts, string field, string dateOf, string timeOf)
    {
        if (!parts.TryDate(dateOf, out _, out var dateError))
        {
            errors.Add(field, dateError!);
            return null;
        }
        if (!DateTimeParts.TryTime(parts.Time, out _))
        {
            errors.Add(field + "Time", string.IsNullOrWhiteSpace(parts.Time)
                ? $"Enter {timeOf}"
                : $"{char.ToUpperInvariant(timeOf[0])}{timeOf[1..]} must be a real time, like 7pm or 19:00");
            return null;
        }
        parts.TryMoment(dateOf, out var moment, out _);
        return moment;
    }

    /// <summary>The message of a date-and-time field, whichever part it is about.</summary>
    protected static string? MomentError(FormErrors errors, string field) => errors.For(field) ?? errors.For(field + "Time");

    /// <summary>A text box's value, trimmed, or null when blank.</summary>
    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A duration in minutes typed as a whole number between 15 minutes and a day.</summary>
    protected static int? Minutes(FormErrors errors, string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {what}");
            return null;
        }
        if (!int.TryParse(text.Trim(), out var minutes))
        {
            errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a whole number of minutes, like 90");
            return null;
        }
        if (minutes is < 15 or > 24 * 60)
        {
            errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be between 15 and 1,440 minutes");
            return null;
        }
        return minutes;
    }

    /// <summary>
    /// A refusal of a meeting's time or place on the form's fields: a public meeting too soon (on
    /// <paramref name="startsField"/>, with the earliest time it may start), a Neighbourhood Engagement Meeting without its
    /// area; any other in plain English (<paramref name="explain"/>) or as Meetings said it.
    /// </summary>
    protected static void Refusal(FormErrors errors, Problem problem, string startsField, Func<Problem, string?>? explain = null)
    {
        switch (problem.Rule)
        {
            case "too-short-notice":
                var days = problem.Extensions?["advertiseDays"]?.GetValue<int>() ?? 14;
                var earliest = problem.Extensions?["earliestStart"]?.GetValue<DateTimeOffset>() is { } at ? $" It can start from {UkTime.At(at)} onwards." : "";
                errors.Add(startsField, $"A public meeting must be advertised at least {days} days ahead, so the date is too soon.{earliest}");
                break;
            case "area-required":
                errors.Add("area", "Select the area: a Neighbourhood Engagement Meeting is for one area");
                break;
            default:
                errors.From(problem, explain);
                break;
        }
    }
}
