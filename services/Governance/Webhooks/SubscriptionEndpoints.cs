using System.Security.Claims;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.ServiceDefaults.DataProtection;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Webhooks;

// Agencies' webhook subscriptions to decision events. A governance admin manages any organisation's; an organisation
// admin only those of the organisation in their token's 'org' claim (refused with 403 not-your-organisation otherwise).
// A signing secret is shown once: in the answer that creates it (create, rotate-secret). Reads never show secrets, and
// the store holds them only sealed (WebhookSecrets).

internal static class Subscriptions
{
    public const string Url = "/api/governance/subscriptions";
    public const string Roles = GovernanceRoles.Admin + "," + GovernanceRoles.OrganisationAdmin;

    /// <summary>Null for a governance admin (acts for any organisation), else the organisation the admin acts for.</summary>
    public static Guid? ActingOrganisation(ClaimsPrincipal user)
    {
        if (user.IsInRole(GovernanceRoles.Admin)) return null;
        return user.OrganisationId() ?? throw new DomainRuleViolation("no-organisation",
            "Your token names no organisation ('org' claim): an organisation admin acts for an organisation.", 403);
    }
}

public sealed record CreateSubscription(Guid? OrganisationId, string? Url, IReadOnlyList<string>? EventTypes);

public static class CreateSubscriptionEndpoint
{
    public static ProblemDetails Validate(CreateSubscription? command)
    {
        if (command is null) return FieldErrors.MissingBody;
        var urlError = WebhookUrls.SyntaxError(command.Url, out _);
        return new FieldErrors()
            .Id("organisationId", command.OrganisationId)
            .Check(urlError is null, "url", urlError ?? "")
            .Check(command.EventTypes is { Count: > 0 } types && types.All(t => DecisionEvents.Types.Contains(t)), "eventTypes",
                $"'eventTypes' must name one or more of: {string.Join(", ", DecisionEvents.Types)}.")
            .ToProblem();
    }

    [WolverinePost(Subscriptions.Url), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status201Created), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<IResult> Post(
        CreateSubscription command, IDocumentSession session, IMessageBus bus, TimeProvider clock, WebhookOptions options, DataKeys keys,
        HttpContext http)
    {
        var organisationId = command.OrganisationId!.Value;
        var acting = Subscriptions.ActingOrganisation(http.User);
        WebhookSubscription.EnsureMayManage(organisationId, acting);
        var organisation = await session.LoadAsync<Organisation>(organisationId, http.RequestAborted);
        WebhookUrls.SyntaxError(command.Url, out var url);

        var id = Guid.CreateVersion7();
        var (secretId, secret, now) = (Guid.CreateVersion7(), StandardWebhooks.NewSecret(), clock.GetUtcNow());
        // a refusal below throws, and the transaction (the secret's data key with it) is not committed
        var created = WebhookSubscription.DecideCreate(id, organisation, organisationId, acting, url!, command.EventTypes!,
            secretId, () => keys.SealText(session, secretId, secret, now), http.User.DisplayName(), now);
        if (await WebhookUrls.CheckAsync(url!, options, http.RequestAborted) is { } refusal)
            throw new DomainRuleViolation("url-not-allowed", refusal, StatusCodes.Status422UnprocessableEntity).With("url", created.Url);

        return await session.Start<WebhookSubscription>(id, [created], $"{Subscriptions.Url}/{id}", bus, IntegrationEvents.ToContract,
            new
            {
                id,
                organisationId,
                url = created.Url,
                eventTypes = created.EventTypes,
                status = SubscriptionStatus.Active,
                secret,
            });
    }
}

public sealed record RotateSecret(int? GraceHours);

public static class RotateSecretEndpoint
{
    public static ProblemDetails Validate(RotateSecret? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Range("graceHours", command.GraceHours, 0, WebhookSubscription.MaxGraceHours).ToProblem();

    /// <summary>
    /// A new secret signs from now on; the old ones sign too until <c>oldSecretsExpireAt</c> (graceHours, default 24, at most
    /// 168), when a scheduled message shreds their keys.
    /// </summary>
    [WolverinePost(Subscriptions.Url + "/{id}/rotate-secret"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Post(Guid id, RotateSecret command, IDocumentSession session, IMessageBus bus, TimeProvider clock, DataKeys keys,
        HttpContext http)
    {
        var acting = Subscriptions.ActingOrganisation(http.User);
        var (secretId, secret, now) = (Guid.CreateVersion7(), StandardWebhooks.NewSecret(), clock.GetUtcNow());
        return session.Append<WebhookSubscription>(id, http,
            s => WebhookSubscription.DecideRotate(s, acting, secretId, () => keys.SealText(session, secretId, secret, now),
                command.GraceHours ?? WebhookSubscription.DefaultGraceHours, http.User.DisplayName(), now),
            bus, IntegrationEvents.ToContract,
            events => new { secret, oldSecretsExpireAt = events.OfType<SubscriptionSecretRotated>().Single().OldSecretsExpireAt },
            events => ExpiredSecretsHandler.ScheduleAsync(bus, events).AsTask());
    }
}

public static class SubscriptionLifecycleEndpoints
{
    [WolverinePost(Subscriptions.Url + "/{id}/pause"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Pause(Guid id, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        Change(id, session, bus, clock, http, WebhookSubscription.DecidePause);

    /// <summary>Resumes a paused subscription, or re-enables one its receiver disabled (410 Gone).</summary>
    [WolverinePost(Subscriptions.Url + "/{id}/resume"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Resume(Guid id, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        Change(id, session, bus, clock, http, WebhookSubscription.DecideResume);

    /// <summary>Deletes the subscription and shreds its secrets' keys, in the same transaction.</summary>
    [WolverineDelete(Subscriptions.Url + "/{id}"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Delete(Guid id, IDocumentSession session, IMessageBus bus, TimeProvider clock, DataKeys keys, HttpContext http) =>
        Change(id, session, bus, clock, http, WebhookSubscription.DecideDelete, events =>
        {
            WebhookSecrets.Shred(session, keys, events);
            return Task.CompletedTask;
        });

    /// <summary>A lifecycle change decided by <paramref name="decide"/> for the acting organisation.</summary>
    private static Task<IResult> Change(Guid id, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http,
        Func<WebhookSubscription, Guid?, string, DateTimeOffset, IReadOnlyList<object>> decide, Func<IReadOnlyList<object>, Task>? then = null)
    {
        var acting = Subscriptions.ActingOrganisation(http.User);
        return session.Append<WebhookSubscription>(id, http, s => decide(s, acting, http.User.DisplayName(), clock.GetUtcNow()), bus,
            IntegrationEvents.ToContract, then: then);
    }
}

public static class GetSubscriptionsEndpoint
{
    /// <param name="organisationId">Whose subscriptions (an organisation admin's own by default); deleted ones are left out.</param>
    /// <param name="limit">Subscriptions a page (1–500, default 100).</param>
    /// <param name="page">Which page (from 1).</param>
    /// <param name="session">Governance's read session.</param>
    /// <param name="http">The request (its user, and the paging headers of the answer).</param>
    [WolverineGet(Subscriptions.Url), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType<IReadOnlyList<WebhookSubscriptionView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> List(Guid? organisationId, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        var acting = Subscriptions.ActingOrganisation(http.User);
        var organisation = organisationId ?? acting;
        if (organisation is { } o) WebhookSubscription.EnsureMayManage(o, acting);

        var query = session.Query<WebhookSubscription>().Where(s => s.Status != SubscriptionStatus.Deleted);
        if (organisation is { } id) query = query.Where(s => s.OrganisationId == id);
        return (await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToPageAsync(request, http.RequestAborted))
            .Select(WebhookSubscriptionView.Of).Ok(http);
    }

    [WolverineGet(Subscriptions.Url + "/{id}"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType<WebhookSubscriptionView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var acting = Subscriptions.ActingOrganisation(http.User);
        var subscription = id == Guid.Empty ? null : await session.LoadAsync<WebhookSubscription>(id, http.RequestAborted);
        if (subscription is not null) WebhookSubscription.EnsureMayManage(subscription.OrganisationId, acting);
        return StreamWrites.Read(subscription is null ? null : WebhookSubscriptionView.Of(subscription), id, http, v => v.Version);
    }
}
