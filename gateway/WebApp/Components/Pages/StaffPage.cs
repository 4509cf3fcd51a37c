using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages;

/// <summary>
/// What every signed-in staff page shares, whatever service it is about: the request, the page's problem (rendered by
/// <see cref="PageProblem"/>), the errors of the form last sent (a page may have several), and the way back after a form:
/// Post/Redirect/Get to a page that says what was done (<c>?done=…</c>, a code the page turns into words; never anything
/// personal in the address). Each area's base (clerks, cases, the panel, funding, governance, webhooks) adds its service.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [CascadingParameter] protected HttpContext Http { get; set; } = null!;
    [SupplyParameterFromQuery(Name = "done")] protected string? DoneQuery { get; set; }
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>What the last form did (<c>?done=…</c>), said on the page it returned to; not again when a form is sent from there.</summary>
    protected string? Done => HttpMethods.IsGet(Http.Request.Method) ? DoneQuery : null;

    /// <summary>Why the page cannot show what it is about (rendered by <see cref="PageProblem"/>), or null.</summary>
    protected Problem? Refused { get; set; }

    protected CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The problems of the form last sent (<see cref="SentForm"/>).</summary>
    protected FormErrors Errors { get; set; } = new();

    protected string? SentForm { get; set; }

    /// <summary>A field's message, on the form that was sent only (two forms may have fields of the same name).</summary>
    protected string? ErrorOf(string form, string field) => SentForm == form ? Errors.For(field) : null;

    public static readonly Problem Forbidden = new(403, "forbidden", "You cannot see this page", null, new Dictionary<string, string[]>());

    public static readonly Problem NotFound = new(404, "not-found", "Not found", null, new Dictionary<string, string[]>());
}
