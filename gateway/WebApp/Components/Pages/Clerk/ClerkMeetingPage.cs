using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Clerk;

/// <summary>
/// What every clerk's page of one meeting adds to <see cref="ManagerPage"/>: the meeting in full, read with the clerk's own
/// token (the 404 page for a meeting Meetings does not show them, the 403 page for a meeting of a body they do not run);
/// the page's address; the Post/Redirect/Get after a write with its details in the query (for the success banner); and
/// the plain English for the refusals any write of a meeting may meet.
/// </summary>
public abstract class ClerkMeetingPage : ManagerPage
{
    [Parameter] public Guid MeetingId { get; set; }

    protected Meeting? Meeting { get; private set; }

    /// <summary>The success banner is for the page after a redirect, never beside a form's errors.</summary>
    protected bool ShowsSuccess => Done is not null;

    /// <summary>
    /// Whether this request posts the form <paramref name="formName"/>. A form the page would no longer show (the agenda
    /// published, the meeting cancelled by someone else meanwhile) is rendered again for its post, so that the refusal is
    /// the service's, in plain English, not a form Blazor cannot find.
    /// </summary>
    protected bool Posted(string formName) =>
        HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType && Http.Request.Form["_handler"] == formName;

    /// <summary>Whether the meeting's forms are shown: not for a cancelled meeting (unless one of them was just posted).</summary>
    protected bool Changeable => Meeting is { Status: MeetingStatus.Scheduled } || HttpMethods.IsPost(Http.Request.Method);

    /// <summary>The meeting's version as this page shows it, for <c>If-Match</c> on writes whose meaning depends on what was seen.</summary>
    protected string? ShownVersion(string? posted) => long.TryParse(posted, out var v) ? $"\"{v}\"" : null;

    protected string PathOf(string? page = null) => $"/clerk/meetings/{MeetingId}{(page is null ? "" : "/" + page)}";

    /// <summary>Reads the meeting; false (and <see cref="StaffPage.Refused"/> set) when the page cannot show it to this user.</summary>
    protected async Task<bool> LoadMeeting()
    {
        var result = await Api.Meeting(MeetingId, Aborted);
        Meeting = Managed(result, m => m.BodyId);
        return Meeting is not null;
    }

    /// <summary>A read the page needs besides the meeting failed: the service's problem page, never "not found" for the meeting.</summary>
    protected static Problem Unreadable(Problem problem) => problem.Status is 429 or >= 500 ? problem : Problem.Unavailable;

    /// <summary>Post/Redirect/Get: back to <paramref name="page"/> of this meeting, saying what was done.</summary>
    protected void Back(string? page, string done, params (string Name, string? Value)[] details) =>
        Navigation.NavigateTo(MeetingsApi.Query(PathOf(page), [("done", done), .. details]));

    /// <summary>A value of the query that named what was done (e.g. the member whose arrival was recorded).</summary>
    protected string? Query(string name) =>
        Http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// A refusal as the form shows it: what <paramref name="explain"/> says of it (on a field, or for the whole form), else
    /// what any write of a meeting may meet, else the service's own field messages or summary.
    /// </summary>
    protected static FormErrors Explained(FormErrors form, Problem problem, Func<Problem, (string? Field, string Message)?>? explain = null)
    {
        if ((explain?.Invoke(problem) ?? Common(problem)) is not { } explained) return form.From(problem);
        return explained.Field is { } field ? form.Add(field, explained.Message) : form.Say(explained.Message);
    }

    private static (string? Field, string Message)? Common(Problem problem) => problem.Rule switch
    {
        "meeting-cancelled" => (null, "This meeting has been cancelled, so nothing more can be recorded for it."),
        "stale-version" => (null, "This meeting was changed by someone else after you opened the page. The page now shows the meeting as it is: check it and try again."),
        "concurrent-write" => (null, "Someone else changed this meeting at the same moment. The page now shows the meeting as it is: check it and try again."),
        "not-clerk-of-body" or "forbidden" => (null, "Your account does not run this body's meetings, so this cannot be recorded."),
        "not-found" => (null, "This meeting could not be found. It may have been removed."),
        "item-not-on-agenda" => (null, "That item is not on this meeting's agenda. Choose an item from the list."),
        _ => null,
    };

    /// <summary>"5. Street lighting": an item as the clerk picks it from a list.</summary>
    protected static string ItemName(AgendaItem item) => $"{item.Number}. {item.Title}";
}
