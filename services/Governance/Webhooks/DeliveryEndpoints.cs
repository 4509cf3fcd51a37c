using CommunitySafety.ServiceDefaults;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Webhooks;

/// <summary>The delivery log of a subscription: every delivery with every attempt (time, status code, latency, error).</summary>
public static class DeliveryLogEndpoint
{
    /// <summary>Newest first, optionally of one status; <c>limit</c> 1–500 (default 100) a page, <c>page</c> from 1.</summary>
    [WolverineGet(Subscriptions.Url + "/{subscriptionId}/deliveries"),
     Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType<IReadOnlyList<WebhookDelivery>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid subscriptionId, DeliveryStatus? status, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        if (await SubscriptionAccess.LoadAsync(session, subscriptionId, http) is { } denied) return denied;
        var query = session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == subscriptionId);
        if (status is { } s) query = query.Where(d => d.Status == s);
        return (await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}

/// <summary>Sends one delivery again (typically a dead-lettered one) in a new round of attempts, with the same webhook-id.</summary>
public static class ReplayDeliveryEndpoint
{
    [WolverinePost(Subscriptions.Url + "/{subscriptionId}/deliveries/{deliveryId}/replay"),
     Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status202Accepted), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Post(Guid subscriptionId, string deliveryId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        if (await SubscriptionAccess.LoadAsync(session, subscriptionId, http, mustBeActive: true) is { } refusal) return refusal;
        var delivery = await session.LoadAsync<WebhookDelivery>(deliveryId, http.RequestAborted);
        if (delivery is null || delivery.SubscriptionId != subscriptionId)
            return Results.Problem(Problems.FromRule(new DomainRuleViolation("delivery-not-found", $"Subscription {subscriptionId} has no delivery '{deliveryId}'.", 404)));
        if (delivery.Status == DeliveryStatus.Pending)
            return Results.Problem(Problems.FromRule(new DomainRuleViolation("delivery-pending", "This delivery is still being attempted.")));
        await DeliveryHandler.Start(session, bus, subscriptionId, delivery.EventId, delivery.EventType, delivery.EventTime, delivery.Body, clock.GetUtcNow(),
            http.RequestAborted);
        return Results.Accepted($"/api/governance/subscriptions/{subscriptionId}/deliveries", new { deliveryId });
    }
}

public sealed record ReplaySince(DateTimeOffset? Since);

/// <summary>Sends again every decision event of the subscription's types since a time (what a new or recovering receiver missed).</summary>
public static class ReplaySinceEndpoint
{
    public const int MaxEvents = 10_000;

    public static ProblemDetails Validate(ReplaySince? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.Since is not null, "since", "'since' (a date-time) is required.").ToProblem();

    [WolverinePost(Subscriptions.Url + "/{subscriptionId}/replay"),
     Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post(Guid subscriptionId, ReplaySince command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        if (await SubscriptionAccess.LoadAsync(session, subscriptionId, http, mustBeActive: true) is { } refusal) return refusal;
        var subscription = (await session.LoadAsync<WebhookSubscription>(subscriptionId, http.RequestAborted))!;
        var since = command.Since!.Value;
        var events = (await session.Events.QueryRawEventDataOnly<DecisionEventPublished>()
                .Where(e => e.ReceivedAt >= since)
                .Take(MaxEvents)
                .ToListAsync(http.RequestAborted))
            .Select(e => e.Event)
            .Where(e => subscription.EventTypes.Contains(e.Type))
            .ToList();
        // a decision of a body confidential since it entered the feed is not sent again
        var confidential = await ConfidentialBodies.LoadAsync(session, http.RequestAborted);
        events = [.. events.Where(e => !confidential.Hides(e))];
        var now = clock.GetUtcNow();
        foreach (var e in events)
            await DeliveryHandler.Start(session, bus, subscriptionId, e.Id, e.Type, e.Time, e.ToJson(), now, http.RequestAborted);
        return Results.Accepted($"/api/governance/subscriptions/{subscriptionId}/deliveries", new { events = events.Count });
    }
}

public static class SubscriptionAccess
{
    /// <summary>
    /// Null when the user may manage the subscription (the same rule as the subscription endpoints:
    /// <see cref="Subscriptions.ActingOrganisation"/>, <see cref="WebhookSubscription.EnsureMayManage"/>); otherwise the
    /// problem to answer: 404 unknown or deleted, 409 not active when it must be. Another organisation's is a 403 (thrown).
    /// </summary>
    public static async Task<IResult?> LoadAsync(IQuerySession session, Guid subscriptionId, HttpContext http, bool mustBeActive = false)
    {
        var acting = Subscriptions.ActingOrganisation(http.User);
        var subscription = await session.LoadAsync<WebhookSubscription>(subscriptionId, http.RequestAborted);
        if (subscription is null or { Status: SubscriptionStatus.Deleted }) return Problems.NotFound("WebhookSubscription", subscriptionId);
        WebhookSubscription.EnsureMayManage(subscription.OrganisationId, acting);
        if (mustBeActive && subscription.Status != SubscriptionStatus.Active)
            return Results.Problem(Problems.FromRule(new DomainRuleViolation("subscription-not-active",
                $"The subscription is {subscription.Status.ToString().ToLowerInvariant()}: resume it first.")));
        return null;
    }
}
