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

/// <summary>
/// Sends one delivery again (typically a dead-lettered one) in a new round of attempts, with the same webhook-id. It
/// counts as one event against the subscription's replay budget (<see cref="ReplayOptions.MaxEventsPerHour"/>).
/// </summary>
public static class ReplayDeliveryEndpoint
{
    [WolverinePost(Subscriptions.Url + "/{subscriptionId}/deliveries/{deliveryId}/replay"),
     Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType(StatusCodes.Status202Accepted), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid subscriptionId, string deliveryId, IDocumentSession session, ReplayOptions options,
        TimeProvider clock, HttpContext http)
    {
        if (await SubscriptionAccess.LoadAsync(session, subscriptionId, http, mustBeActive: true) is { } refusal) return (refusal, []);
        var delivery = await session.LoadAsync<WebhookDelivery>(deliveryId, http.RequestAborted);
        if (delivery is null || delivery.SubscriptionId != subscriptionId)
            throw new DomainRuleViolation("delivery-not-found", $"Subscription {subscriptionId} has no delivery '{deliveryId}'.", Refusal.NotFound);
        if (delivery.Status == DeliveryStatus.Pending)
            throw new DomainRuleViolation("delivery-pending", "This delivery is still being attempted.");
        var now = clock.GetUtcNow();
        await Replays.RecordAsync(session, subscriptionId, 1, options, http, now);
        var attempt = await DeliveryHandler.Start(session, subscriptionId, delivery.EventId, delivery.EventType, delivery.EventTime, delivery.Body, now,
            http.RequestAborted);
        return (Results.Accepted(http.Request.Local($"/api/governance/subscriptions/{subscriptionId}/deliveries"), new { deliveryId }),
            attempt is null ? [] : [attempt]);
    }
}

/// <param name="Since">Re-send the events Governance took in at or after this time.</param>
public sealed record ReplaySince(DateTimeOffset? Since);

/// <summary>What a replay queued.</summary>
/// <param name="Events">How many events were queued again.</param>
/// <param name="Next">When more events were left than one call may queue: the <c>since</c> to call again with (null: none left).</param>
/// <param name="LeftThisHour">How many more events the subscription may have re-sent within the hour.</param>
public sealed record ReplayQueued(int Events, DateTimeOffset? Next, int LeftThisHour);

/// <summary>
/// Sends again the decision events of the subscription's types since a time (what a new or recovering receiver missed),
/// oldest first: at most <see cref="ReplayOptions.MaxEventsPerCall"/> a call, and within the subscription's budget of
/// <see cref="ReplayOptions.MaxEventsPerHour"/>. When more are left, <see cref="ReplayQueued.Next"/> says where to continue.
/// </summary>
public static class ReplaySinceEndpoint
{
    public static ProblemDetails Validate(ReplaySince command) =>
        new FieldErrors().Check(command.Since is not null, "since", "'since' (a date-time) is required.").ToProblem();

    [WolverinePost(Subscriptions.Url + "/{subscriptionId}/replay"),
     Authorize(Roles = Subscriptions.Roles)]
    [ProducesResponseType<ReplayQueued>(StatusCodes.Status202Accepted), ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid subscriptionId, ReplaySince command, IDocumentSession session, ReplayOptions options,
        TimeProvider clock, HttpContext http)
    {
        if (await SubscriptionAccess.LoadAsync(session, subscriptionId, http, mustBeActive: true) is { } refusal) return (refusal, []);
        var subscription = (await session.LoadAsync<WebhookSubscription>(subscriptionId, http.RequestAborted))!;
        var now = clock.GetUtcNow();
        var allowed = WebhookSubscription.DecideReplayAllowance(subscription, options, now);
        var (events, next) = await Replays.EventsSinceAsync(session, subscription, command.Since!.Value, allowed, http.RequestAborted);
        var left = await Replays.RecordAsync(session, subscriptionId, events.Count, options, http, now);
        var attempts = new OutgoingMessages();
        foreach (var e in events)
            if (await DeliveryHandler.Start(session, subscriptionId, e.Id, e.Type, e.Time, e.ToJson(), now, http.RequestAborted) is { } attempt)
                attempts.Add(attempt);
        return (Results.Accepted(http.Request.Local($"/api/governance/subscriptions/{subscriptionId}/deliveries"), new ReplayQueued(events.Count, next, left)),
            attempts);
    }
}

/// <summary>What both replay endpoints share: the budget, and the events a replay since a time sends.</summary>
public static class Replays
{
    private const int PageSize = 500;

    /// <summary>
    /// Counts <paramref name="events"/> against the subscription's budget on its stream (refused with 429
    /// <c>replay-limit</c> when they do not fit; a replay recorded meanwhile by another request or replica makes this one's
    /// append collide: 409), and returns what is left of the hour's budget.
    /// </summary>
    public static async Task<int> RecordAsync(IDocumentSession session, Guid subscriptionId, int events, ReplayOptions options, HttpContext http,
        DateTimeOffset now)
    {
        var stream = await session.Events.FetchForWriting<WebhookSubscription>(subscriptionId, http.RequestAborted);
        var subscription = stream.Aggregate!;
        var replayed = WebhookSubscription.DecideReplay(subscription, events, options, http.User.DisplayName(), now);
        stream.AppendMany(replayed.ToArray());
        return options.MaxEventsPerHour - subscription.ReplayedInHourBefore(now) - events;
    }

    /// <summary>
    /// The subscription's events taken in since <paramref name="since"/>, oldest first, at most <paramref name="take"/>,
    /// and when the first one left over was taken in (null when none is). A decision of a body confidential since it
    /// entered the feed is not sent again.
    /// </summary>
    public static async Task<(List<CloudEvent> Events, DateTimeOffset? Next)> EventsSinceAsync(IQuerySession session, WebhookSubscription subscription,
        DateTimeOffset since, int take, CancellationToken ct)
    {
        var confidential = await ConfidentialBodies.LoadAsync(session, ct);
        var events = new List<CloudEvent>();
        var seen = new HashSet<string>();
        var from = since;
        while (true)
        {
            var page = await session.Events.QueryRawEventDataOnly<DecisionEventPublished>()
                .Where(e => e.ReceivedAt >= from)
                .OrderBy(e => e.ReceivedAt)
                .Take(PageSize)
                .ToListAsync(ct);
            var progressed = false;
            foreach (var published in page)
            {
                // the next page starts at the last one's time, so an event taken in at the same instant is seen again
                if (!seen.Add(published.Event.Id)) continue;
                progressed = true;
                if (!subscription.EventTypes.Contains(published.Event.Type) || confidential.Hides(published.Event)) continue;
                if (events.Count == take) return (events, published.ReceivedAt);
                events.Add(published.Event);
            }
            if (page.Count < PageSize || !progressed) return (events, null);
            from = page[^1].ReceivedAt;
        }
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
