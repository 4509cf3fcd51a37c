using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Cases.Panel;

/// <summary>
/// What the panel's pages share, modelled on the clerks' ManagerPage: forms with Post/Redirect/Get to <c>?done=…</c> (a code
/// the page turns into words, nothing personal in the address) and the errors of the form sent; CaseManagement's API, the sitting a page is about (the 404 page for an unknown one; CaseManagement's
/// 403 for a user whose organisation is not a current ISA signatory), the agencies, and plain English for the panel's refusals.
/// </summary>
public abstract class PanelPage : StaffPage
{

    /// <summary>
    /// A form: its own checks (<paramref name="errors"/>), then CaseManagement's answer: a refusal shown on the form in plain
    /// English, or (null) the caller redirects.
    /// </summary>
    protected async Task<bool> Sent(string form, FormErrors errors, Func<Task<Problem?>> send)
    {
        SentForm = form;
        Errors = errors;
        if (Refused is not null || Errors.HasAny) return false;
        if (await send() is { } problem)
        {
            Errors.From(problem, Explain);
            return false;
        }
        return true;
    }

    /// <summary>Post/Redirect/Get: back to <paramref name="path"/>, which says what was done.</summary>
    protected void Redirect(string path, string done, params (string Name, string? Value)[] details) =>
        Navigation.NavigateTo(MeetingsApi.Query(path, [("done", done), .. details]));

    /// <summary>A value of the query (e.g. what was done to which case: a reference, never personal data).</summary>
    protected string? Query(string name) =>
        Http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A text box's value, trimmed, or null when blank.</summary>
    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [Inject] protected CaseManagementApi Cases { get; set; } = null!;

    /// <summary>Only the chair plans sittings, records attendance and reviews; any case role reads them.</summary>
    protected bool IsChair => Http.User.IsInRole(StaffRoles.PanelChair);

    protected static DateOnly Today => DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));

    protected Sitting? Sitting { get; private set; }

    protected IReadOnlyList<PanelAgency> Agencies { get; private set; } = [];

    protected async Task<bool> LoadSitting(Guid sittingId)
    {
        var read = await Cases.Sitting(sittingId, Aborted);
        Refused = read.Problem;
        Sitting = read.Value;
        return Sitting is not null;
    }

    /// <summary>The current ISA signatories (attendance and action owners), by name.</summary>
    protected async Task LoadAgencies()
    {
        var read = await Cases.PanelAgencies(Aborted);
        Agencies = [.. (read.Value ?? []).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    protected string AgencyName(Guid id) => Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "An organisation no longer listed";

    protected static string SittingPath(Guid sittingId) => $"/cases/panel/sittings/{sittingId}";

    /// <summary>The panel's refusals in plain English; null leaves the service's own words.</summary>
    protected static string? Explain(Problem problem) => problem.Rule switch
    {
        "sitting-under-way" => "Reviews have been recorded at this sitting, so its agenda is settled and cannot be built again.",
        "sitting-not-held" => "This sitting has not taken place yet. Record who attended, and the reviews, on or after the day of the sitting.",
        "already-reviewed" => "This case has already been reviewed at this sitting.",
        "unknown-organisation" => "One of the organisations chosen is not registered with the partnership. Choose from the list.",
        "owner-not-signatory" => "The organisation chosen to own the action has not signed the Information Sharing Agreement, so it cannot be given actions on a case.",
        "case-closed" => "This case is closed, so it cannot be reviewed or given actions.",
        "isa-not-signed" => "Your organisation is not a current signatory of the Information Sharing Agreement, so it cannot see or change cases.",
        "stale-version" or "concurrent-write" => "Someone else changed this sitting after you opened the page. The page now shows it as it is: check it and try again.",
        "forbidden" => "Only the panel's chair can do this.",
        _ => null,
    };

    /// <summary>A date typed into a <see cref="DateInput"/> (without a time), checked GOV.UK's way.</summary>
    protected static DateOnly? Day(FormErrors errors, DateTimeParts parts, string field, string what)
    {
        if (parts.TryDate(what, out var date, out var error)) return date;
        errors.Add(field, error!);
        return null;
    }

    /// <summary>"High risk" as a tag with words (never colour alone).</summary>
    public static string RiskColour(string? risk) => risk switch
    {
        "High" => "red",
        "Medium" => "orange",
        "Low" => "green",
        _ => "grey",
    };
}
