using CommunitySafety.ServiceDefaults;
using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components.Govuk;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Integrations.Webhooks;

/// <summary>
/// What an organisation admin's webhook pages share (modelled on the clerks' ManagerPage): Governance's API, the admin's
/// organisation, the subscription a page is about (404 unknown, 403 another organisation's), forms with Post/Redirect/Get
/// to <c>?done=…</c>, and plain English for the refusals.
/// </summary>
public abstract class WebhookPage : StaffPage
{
    [Inject] protected GovernanceApi Governance { get; set; } = null!;

    /// <summary>The organisation the admin acts for (their token's <c>org</c> claim).</summary>
    protected Guid? Organisation => Http.User.OrganisationId();

    protected WebhookSubscription? Subscription { get; private set; }

    protected static string PathOf(Guid id, string? page = null) => $"/integrations/webhooks/{id}{(page is null ? "" : "/" + page)}";

    protected async Task<bool> LoadSubscription(Guid id)
    {
        var read = await Governance.WebhookSubscription(id, Aborted);
        Refused = read.Problem;
        Subscription = read.Value;
        return Subscription is not null;
    }

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

    protected void Redirect(string path, string done) => Navigation.NavigateTo(MeetingsApi.Query(path, ("done", done)));

    protected bool Posted(string formName) =>
        HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType && Http.Request.Form["_handler"] == formName;

    protected static string? Explain(Problem problem) => problem.Rule switch
    {
        "url-not-allowed" => $"That address cannot receive webhooks: {problem.Detail}",
        "subscription-not-active" => "The subscription is not active. Resume it first, then replay.",
        "subscription-deleted" => "The subscription was deleted, so it can no longer change.",
        "replay-limit" => $"The subscription has had as many events replayed as it may this hour. {problem.Detail}",
        "delivery-pending" => "That delivery is still being attempted. Replay it once its attempts are over.",
        "delivery-not-found" => "That delivery is not in this subscription's log.",
        "not-your-organisation" or "no-organisation" or "forbidden" => "Your account does not manage this organisation's subscriptions.",
        "stale-version" or "concurrent-write" => "Someone else changed this subscription at the same moment. Check it and try again.",
        _ => null,
    };

    protected static string StatusColour(WebhookStatus status) => status switch
    {
        WebhookStatus.Active => "green",
        WebhookStatus.Paused => "yellow",
        WebhookStatus.Disabled => "red",
        _ => "grey",
    };

    protected static string StatusText(WebhookStatus status) => status switch
    {
        WebhookStatus.Active => "Active",
        WebhookStatus.Paused => "Paused",
        WebhookStatus.Disabled => "Disabled by the receiver",
        _ => "Deleted",
    };
}
