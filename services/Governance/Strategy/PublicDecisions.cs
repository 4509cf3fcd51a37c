using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Webhooks;
using Marten.Events;
using Npgsql;

namespace CommunitySafety.Governance.Strategy;

/// <summary>
/// Open data's own record of a decision event in Governance's feed: a decision of a body (with its text) or a grant award,
/// one document per event id. Written in the transaction that takes the event into the feed
/// (<see cref="DecisionIntakeHandler"/>), so <c>GET /api/governance/open/decisions</c> pages these documents, newest first,
/// and never reads the event history. Which of them may be shown is decided when they are read, from the bodies as they
/// are then (<see cref="OpenDataEndpoints.Decisions"/>): a body marked confidential since, or one Governance does not know,
/// hides its decisions.
/// </summary>
/// <param name="Id">The id of the event it records.</param>
/// <param name="Kind"><see cref="DecisionKind"/> or <see cref="GrantAwardKind"/>.</param>
/// <param name="At">When the decision was taken or the grant awarded.</param>
/// <param name="BodyId">The body whose decision it is; null for a grant award.</param>
/// <param name="Summary">The decision's text, or what the grant is for.</param>
/// <param name="AgendaReference">The agenda item the decision was taken under, when given.</param>
/// <param name="ConsensusReached">Whether the decision was taken by consensus; null for a grant award.</param>
/// <param name="Amount">The amount awarded; null for a decision.</param>
/// <param name="Currency">The award's currency; null for a decision.</param>
public sealed record PublicDecision(
    Guid Id, string Kind, DateTimeOffset At, Guid? BodyId, string Summary, string? AgendaReference, bool? ConsensusReached,
    decimal? Amount, string? Currency)
{
    public const string DecisionKind = "decision", GrantAwardKind = "grant-award";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The record of a feed event; null for one open data never shows (a decision whose text Meetings withheld — the feed
    /// takes none in, so this is a second lock on the same door — or an event of another type).
    /// </summary>
    public static PublicDecision? From(CloudEvent e)
    {
        if (e.Type == DecisionEvents.DecisionRecordedType && e.Data.Deserialize<DecisionRecorded>(Web) is { } d)
            return DecisionEvents.Publishable(d, false)
                ? new PublicDecision(d.DecisionId, DecisionKind, d.RecordedAt, d.BodyId, d.Text!, d.AgendaReference, d.ConsensusReached, null, null)
                : null;
        if (e.Type == DecisionEvents.GrantAwardedType && e.Data.Deserialize<GrantAwarded>(Web) is { } g)
            return new PublicDecision(g.AwardId, GrantAwardKind, g.RecordedAt, null, g.Title, null, null, g.Amount, g.Currency);
        return null;
    }

    /// <summary>As open data shows it, with the body's name as Governance knows it now.</summary>
    public OpenDecision View(string? bodyName) => new(Id, Kind, At, BodyId, bodyName, Summary, AgendaReference, ConsensusReached, Amount, Currency);

    /// <summary>Its table, ordered newest first by a column of its own (<c>at</c>, indexed).</summary>
    public static void Configure(StoreOptions opts) => opts.Schema.For<PublicDecision>().Duplicate(d => d.At);
}

/// <summary>That the decision events taken into the feed before <see cref="PublicDecision"/> existed have their documents.</summary>
public sealed record PublicDecisionsBackfilled(string Id, int Events, DateTimeOffset At)
{
    public const string Key = "public-decisions";
}

/// <summary>
/// Existing deployments: the feed already held decision events before open data kept documents of its own. At start-up,
/// once per database (<see cref="PublicDecisionsBackfilled"/> marks it done), every <see cref="DecisionEventPublished"/>
/// is read, in batches in feed order, and its document stored. Storing is idempotent (the same document for the same
/// event), so events taken in meanwhile, which the intake handler documents itself, and a second instance starting at the
/// same time change nothing. Until it is done, open data may lack the older decisions; a database that cannot be reached
/// now is backfilled at the next start.
/// </summary>
public sealed class PublicDecisionsBackfill(IDocumentStore store, ILogger<PublicDecisionsBackfill> log) : IHostedService
{
    private const int BatchSize = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await RunAsync(store, TimeProvider.System, cancellationToken) is > 0 and var events)
                log.LogInformation("Open data: documented {Count} decision events taken into the feed before it kept documents.", events);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            log.LogWarning(e, "Could not backfill open data's decisions; trying again at the next start.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Documents every decision event of the feed, unless done before; answers how many events were read.</summary>
    public static async Task<int> RunAsync(IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<PublicDecisionsBackfilled>(PublicDecisionsBackfilled.Key, ct) is not null) return 0;
        var read = 0;
        for (long after = 0; ;)
        {
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.EventTypesAre(typeof(DecisionEventPublished)))
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
                if (PublicDecision.From(((DecisionEventPublished)e.Data).Event) is { } decision) session.Store(decision);
            await session.SaveChangesAsync(ct);
            read += batch.Count;
            after = batch[^1].Sequence;
        }
        session.Store(new PublicDecisionsBackfilled(PublicDecisionsBackfilled.Key, read, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return read;
    }
}
