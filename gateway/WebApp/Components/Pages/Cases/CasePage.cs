using CommunitySafety.Web.Api;
using CommunitySafety.Web.Api.Cases;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Cases;

/// <summary>
/// What every case worker's page shares (modelled on the clerks' <c>ManagerPage</c>): the user, CaseManagement's API
/// with their token, the page's problem (403/404/the service failing, rendered by <see cref="PageProblem"/>), a form's
/// errors, and Post/Redirect/Get to a page that says what was done (<c>?done=…</c>, a code; never anything personal in an
/// address).
/// </summary>
public abstract class CasePage : StaffPage
{

    [Inject] protected CaseManagementApi Api { get; set; } = null!;

    /// <summary>The organisations' names, to name agencies (an id when Governance does not say).</summary>
    protected IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    protected async Task LoadOrganisations() => Organisations = await Api.OrganisationNames(Aborted);

    protected string NameOf(Guid organisation) => Organisations.TryGetValue(organisation, out var name) ? name : "An organisation not named by Governance";

    /// <summary>
    /// A form: its own checks (<paramref name="errors"/>), then the service's answer: back to <paramref name="back"/> saying
    /// what was <paramref name="done"/> (Post/Redirect/Get), or the form again with the refusal in plain English.
    /// </summary>
    protected async Task Send(string form, FormErrors errors, Func<Task<Problem?>> send, string back, string done)
    {
        if (Refused is not null) return;
        SentForm = form;
        Errors = errors;
        if (Errors.HasAny) return;
        if (await send() is { } problem)
        {
            Explained(Errors, problem);
            return;
        }
        Redirect(back, done);
    }

    protected void Redirect(string path, string done) => Navigation.NavigateTo($"{path}?done={Uri.EscapeDataString(done)}");

    /// <summary>A refusal of CaseManagement as a form shows it: the rules case workers meet in plain English, else the service's words.</summary>
    protected static FormErrors Explained(FormErrors form, Problem problem) => CaseWords.Refusal(problem) is { } said ? form.Say(said) : form.From(problem);

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A date typed into a <see cref="DateInput"/>, or its error on <paramref name="field"/>.</summary>
    protected static DateOnly? DateOf(FormErrors errors, DateTimeParts? parts, string field, string what, bool required = true)
    {
        if (parts is null || parts.IsEmpty)
        {
            if (required) errors.Add(field, $"Enter {what}");
            return null;
        }
        if (!parts.TryDate(what, out var date, out var error))
        {
            errors.Add(field, error!);
            return null;
        }
        return date;
    }

    /// <summary>Whether this request posts the form <paramref name="formName"/>.</summary>
    protected bool Posted(string formName) =>
        HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType && Http.Request.Form["_handler"] == formName;
}

/// <summary>Case words: risk levels, roles, interventions, and CaseManagement's refusals in plain English.</summary>
public static class CaseWords
{
    public static string Risk(CaseRisk? risk) => risk switch
    {
        CaseRisk.High => "High risk",
        CaseRisk.Medium => "Medium risk",
        CaseRisk.Low => "Low risk",
        _ => "Not assessed",
    };

    public static string RiskColour(CaseRisk? risk) => risk switch
    {
        CaseRisk.High => "red",
        CaseRisk.Medium => "yellow",
        CaseRisk.Low => "green",
        _ => "grey",
    };

    public static string Role(SubjectRole role) => role switch
    {
        SubjectRole.Victim => "Victim",
        SubjectRole.Perpetrator => "Perpetrator",
        _ => "Witness",
    };

    public static string Intervention(InterventionKind kind) => kind switch
    {
        InterventionKind.Warning => "Warning",
        InterventionKind.CommunityProtectionWarning => "Community protection warning (CPW)",
        InterventionKind.CommunityProtectionNotice => "Community protection notice (CPN)",
        InterventionKind.AcceptableBehaviourAgreement => "Acceptable behaviour agreement (ABA)",
        _ => "Injunction",
    };

    public static string Outcome(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Resolved => "Resolved",
        CaseOutcome.Improved => "Improved",
        CaseOutcome.NoFurtherAction => "No further action",
        CaseOutcome.TransferredToAnotherAgency => "Transferred to another agency",
        CaseOutcome.Unresolved => "Unresolved",
        _ => "Merged into another case",
    };

    public static string ActionStatus(CaseActionStatus status) => status switch
    {
        CaseActionStatus.Open => "Open",
        CaseActionStatus.InProgress => "In progress",
        CaseActionStatus.Done => "Done",
        _ => "Cancelled",
    };

    public static string Matched(MatchedOn on) => on == MatchedOn.NameAndDateOfBirth ? "a subject's name and date of birth" : "an address";

    public static string? Refusal(Problem problem) => problem.Rule switch
    {
        "isa-not-signed" => "Your organisation is not a current signatory of the Information Sharing Agreement, so it cannot see or change case details.",
        "no-organisation" => "Your account names no organisation, so it cannot see or change case details.",
        "case-closed" => problem.Detail ?? "This case is closed; reopen it first.",
        "case-merged" => problem.Detail ?? "This case was merged into another case; work on that case instead.",
        "stale-version" or "concurrent-write" => "Someone else changed this case at the same moment. The page now shows the case as it is: check it and try again.",
        "owner-not-signatory" => "That organisation has not signed the Information Sharing Agreement, so it cannot be given actions on a case.",
        "cpn-needs-prior-warning" => "A community protection notice can only follow a community protection warning given to the same person on or before that date. Record the warning first.",
        "breach-before-intervention" => "The breach cannot be before the day the intervention was issued.",
        "already-linked" => problem.Detail ?? "These cases are already linked.",
        "not-partnership-admin" => "Only a partnership administrator can do this.",
        _ => null,
    };
}
