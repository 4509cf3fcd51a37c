using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults.DataProtection;

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
            "Your token names no organisation ('org' claim): an organisation admin acts for an organisation.", Refusal.Forbidden);
    }
}

public sealed record CreateSubscription(Guid? OrganisationId, string? Url, IReadOnlyList<string>? EventTypes);

public static class CreateSubscriptionEndpoint
{
    public static ProblemDetails Validate(CreateSubscription command)
    {
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
    public static async Task<(IResult, IStartStream)> Post(
        CreateSubscription command, IDocumentSession session, TimeProvider clock, WebhookOptions options, DataKeys keys, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var organisationId = command.OrganisationId!.Value;
        var acting = Subscriptions.ActingOrganisation(user);
        WebhookSubscription.EnsureMayManage(organisationId, acting);
        var organisation = await session.LoadAsync<Organisation>(organisationId, ct);
        WebhookUrls.SyntaxError(command.Url, out var url);

        var id = Guid.CreateVersion7();
        var (secretId, secret, now) = (Guid.CreateVersion7(), StandardWebhooks.NewSecret(), clock.GetUtcNow());
        // a refusal below throws, and the transaction (the secret's data key with it) is not committed
        var created = WebhookSubscription.DecideCreate(id, organisation, organisationId, acting, url!, command.EventTypes!,
            secretId, () => keys.SealText(session, secretId, secret, now), user.DisplayName(), now);
        if (await WebhookUrls.CheckAsync(url!, options, ct) is { } refusal)
            throw new DomainRuleViolation("url-not-allowed", refusal, Refusal.Inconsistent).With("url", created.Url);

        return NewStream.Start<WebhookSubscription>(id, $"{Subscriptions.Url}/{id}",
            new
            {
                id,
                organisationId,
                url = created.Url,
                eventTypes = created.EventTypes,
                status = SubscriptionStatus.Active,
                secret,
            }, created);
    }
}

public sealed record RotateSecret(int? GraceHours);

/// <summary>The new secret (shown this once) and when the old ones stop signing.</summary>
public sealed record SecretRotatedAnswer(string Secret, DateTimeOffset OldSecretsExpireAt);

/// <summary>Rotates a subscription's signing secret.</summary>
public static class RotateSecretEndpoint
{
    public static ProblemDetails Validate(RotateSecret command) =>
        new FieldErrors().Range("graceHours", command.GraceHours, 0, WebhookSubscription.MaxGraceHours).ToProblem();

    /// <summary>
    /// A new secret signs from now on; the old ones sign too until <c>oldSecretsExpireAt</c> (graceHours, default 24, at most
    /// 168), when a scheduled message shreds their keys.
    /// </summary>
    [WolverinePost(Subscriptions.Url + "/{id}/rotate-secret"), Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType<SecretRotatedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static (SecretRotatedAnswer, Events, OutgoingMessages) Post(RotateSecret command, [VersionedAggregate] WebhookSubscription subscription,
        IDocumentSession session, TimeProvider clock, DataKeys keys, ClaimsPrincipal user)
    {
        var acting = Subscriptions.ActingOrganisation(user);
        var (secretId, secret, now) = (Guid.CreateVersion7(), StandardWebhooks.NewSecret(), clock.GetUtcNow());
        var events = WebhookSubscription.DecideRotate(subscription, acting, secretId, () => keys.SealText(session, secretId, secret, now),
            command.GraceHours ?? WebhookSubscription.DefaultGraceHours, user.DisplayName(), now);
        var rotated = events.OfType<SubscriptionSecretRotated>().Single();
        return (new SecretRotatedAnswer(secret, rotated.OldSecretsExpireAt), [.. events], ExpiredSecretsHandler.Schedule(rotated));
    }
}

/// <summary>Pausing, resuming and deleting a subscription, by the acting organisation.</summary>
public static class SubscriptionLifecycleEndpoints
{
    [WolverinePost(Subscriptions.Url + "/{id}/pause"), Authorize(Roles = Subscriptions.Roles)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Events Pause([VersionedAggregate] WebhookSubscription subscription, TimeProvider clock, ClaimsPrincipal user) =>
        [.. WebhookSubscription.DecidePause(subscription, Subscriptions.ActingOrganisation(user), user.DisplayName(), clock.GetUtcNow())];

    /// <summary>Resumes a paused subscription, or re-enables one its receiver disabled (410 Gone).</summary>
    [WolverinePost(Subscriptions.Url + "/{id}/resume"), Authorize(Roles = Subscriptions.Roles)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Events Resume([VersionedAggregate] WebhookSubscription subscription, TimeProvider clock, ClaimsPrincipal user) =>
        [.. WebhookSubscription.DecideResume(subscription, Subscriptions.ActingOrganisation(user), user.DisplayName(), clock.GetUtcNow())];

    /// <summary>Deletes the subscription and shreds its secrets' keys, in the same transaction.</summary>
    [WolverineDelete(Subscriptions.Url + "/{id}"), Authorize(Roles = Subscriptions.Roles)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status403Forbidden), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Events Delete([VersionedAggregate] WebhookSubscription subscription, IDocumentSession session, TimeProvider clock, DataKeys keys,
        ClaimsPrincipal user)
    {
        var events = WebhookSubscription.DecideDelete(subscription, Subscriptions.ActingOrganisation(user), user.DisplayName(), clock.GetUtcNow());
        WebhookSecrets.Shred(session, keys, events);
        return [.. events];
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
        return StreamReads.Read(subscription is null ? null : WebhookSubscriptionView.Of(subscription), id, http, v => v.Version);
    }
}
