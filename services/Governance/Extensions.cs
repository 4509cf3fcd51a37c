using CommunitySafety.Contracts;
using CommunitySafety.Governance.Adoption;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.Governance.Strategy;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults.DataProtection;
using JasperFx.Events.Projections;
using Wolverine.RabbitMQ;
using Wolverine.RabbitMQ.Internal;

namespace CommunitySafety.Governance;

/// <summary>
/// Governance composed in one place: its streams, projections and documents; the exchanges and queues it uses; its
/// settings, keys and webhook client. <c>Program.cs</c> only calls <see cref="AddGovernance"/> and <see cref="UseGovernance"/>.
/// </summary>
public static class GovernanceExtensions
{
    /// <summary>The queues Governance listens to.</summary>
    public static class Queues
    {
        /// <summary>The local, durable queue of webhook fan-outs, delivery attempts and the shredding of old signing secrets.</summary>
        public const string Webhooks = "governance-webhooks";

        /// <summary>The local, durable queue of scheduled reminders (ISA reviews, office terms ending and lapsing, plan lines).</summary>
        public const string Reminders = "governance-reminders";

        /// <summary>Governance's queue on <see cref="Exchanges.Decisions"/> (DecisionRecorded).</summary>
        public const string Decisions = "governance.decisions";

        /// <summary>Governance's queue on <see cref="Exchanges.Funding"/> (GrantAwarded; payments and clawbacks are ignored).</summary>
        public const string FundingEvents = "governance.funding-events";

        /// <summary>Governance's queue on <see cref="Exchanges.Meetings"/> (meetings held, for the compliance checklist).</summary>
        public const string MeetingsEvents = "governance.meetings-events";

        /// <summary>
        /// The local, durable, sequential queue where both decision sources meet: the one writer of
        /// <see cref="DecisionEventPublished"/>. The two broker queues are listened to independently (each in order); merging
        /// them here means the feed's events are appended one at a time, so their global sequence numbers are committed in
        /// increasing order (see <see cref="DecisionFeedEndpoint"/>).
        /// </summary>
        public const string Intake = "governance-decision-intake";

        /// <summary>Durable local queue: an adoption is not lost to a crash between the decision's arrival and its effect.</summary>
        public const string Adoptions = "governance-adoptions";
    }

    /// <summary>Everything Governance needs, registered on the service's builder.</summary>
    /// <param name="builder">The service's builder.</param>
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        builder.AddEventSourcedService(Platform.Governance, typeof(GovernanceExtensions).Assembly, AddStreams, AddMessaging,
            IntegrationEvents.ToContract);

        // Webhook signing secrets are sealed under data keys wrapped by this ring, held outside the database.
        builder.AddDataKeys("Governance", "the keys that wrap webhook signing secrets' data keys");
        builder.AddSettings<IsaOptions>();
        builder.AddSettings<OfficeOptions>();
        builder.AddSettings<WebhookOptions>();
        builder.AddSettings<Webhooks.DeliveryOptions>();
        builder.AddSettings<ReplayOptions>();
        // decision events taken into the feed before open data kept documents of its own are documented once, at start-up
        builder.Services.AddHostedService<PublicDecisionsBackfill>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient(DeliveryHandler.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan) // each attempt sets its own
            .ConfigurePrimaryHttpMessageHandler(services => WebhookHttp.Handler(services.GetRequiredService<WebhookOptions>()))
            // every attempt must be one request, logged and retried on the webhook schedule, not by the default resilience handler
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }

    /// <summary>Governance's request pipeline.</summary>
    /// <param name="app">The service.</param>
    public static WebApplication UseGovernance(this WebApplication app) => app.MapEventSourcedService();

    // Each aggregate is a stream; its snapshot is kept inline, and so is its read model where it has one. The agreement's
    // and the webhook subscription's snapshots are also what their GETs read.
    private static void AddStreams(StoreOptions opts)
    {
        opts.Projections.Snapshot<Organisation>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<OrganisationView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Body>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<BodyView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<TermsOfReference>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<TermsVersionView>(SnapshotLifecycle.Inline);
        opts.Schema.For<TermsVersionView>().Index(t => t.BodyId);
        opts.Projections.Snapshot<WebhookSubscription>(SnapshotLifecycle.Inline);
        opts.Schema.For<WebhookSubscription>().Index(s => s.OrganisationId);
        opts.Schema.For<WebhookDelivery>().Index(d => d.SubscriptionId);
        opts.Projections.Snapshot<StrategicAssessment>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<StrategicAssessmentView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CommunitySafetyAgreement>(SnapshotLifecycle.Inline);
        opts.Schema.For<StrategicAssessment>().Index(a => a.Year);
        opts.Schema.For<StrategicAssessmentView>().Index(a => a.Year);
        PublicDecision.Configure(opts);
    }

    private static void AddMessaging(WolverineOptions wolverine, RabbitMqTransportExpression rabbit)
    {
        // Governance's integration events go to one fan-out exchange; each consuming service binds its own queue.
        rabbit.DeclareExchange(Exchanges.Governance, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.Publish(p =>
        {
            p.MessagesFromNamespace(typeof(Contracts.Governance.OrganisationRegistered).Namespace!);
            p.ToRabbitExchange(Exchanges.Governance);
        });
        // Reminders before ISA review dates: scheduled messages, persisted
        wolverine.LocalQueue(Queues.Reminders).UseDurableInbox();
        wolverine.PublishMessage<RemindIsaReview>().ToLocalQueue(Queues.Reminders);
        // ... and before office holders' terms end, and when they lapse
        wolverine.PublishMessage<RemindOfficeTermEnding>().ToLocalQueue(Queues.Reminders);
        wolverine.PublishMessage<LapseOfficeTerm>().ToLocalQueue(Queues.Reminders);
        // ... and checks of action-plan lines when a milestone's due date passes
        wolverine.PublishMessage<CheckPlanLine>().ToLocalQueue(Queues.Reminders);
        // Webhook fan-out and attempts: persisted (durable inbox), so a crash between recording and delivery loses none.
        wolverine.LocalQueue(Queues.Webhooks).UseDurableInbox();
        wolverine.PublishMessage<FanOutDecisionEvent>().ToLocalQueue(Queues.Webhooks);
        wolverine.PublishMessage<AttemptDelivery>().ToLocalQueue(Queues.Webhooks);
        // ... and the shredding of old signing secrets once their grace period after a rotation is over
        wolverine.PublishMessage<ShredExpiredSecrets>().ToLocalQueue(Queues.Webhooks);

        // Decision events in: Meetings' decisions and Funding's awards (its payments and clawbacks are ignored). Both
        // queues feed one local sequential queue, the only writer of the feed (see DecisionFeedEndpoint on ordering).
        wolverine.SubscribeToExchange(rabbit, Exchanges.Decisions, Queues.Decisions);
        wolverine.SubscribeToExchange(rabbit, Exchanges.Funding, Queues.FundingEvents);
        // Meetings held (the compliance checklist's public meetings)
        wolverine.SubscribeToExchange(rabbit, Exchanges.Meetings, Queues.MeetingsEvents);
        wolverine.LocalQueue(Queues.Intake).Sequential().UseDurableInbox();
        wolverine.PublishMessage<TakeInDecisionEvent>().ToLocalQueue(Queues.Intake);
        // Documents a decision adopts (terms of reference, the Community Safety Agreement): handled on a durable local queue.
        wolverine.LocalQueue(Queues.Adoptions).UseDurableInbox();
        wolverine.PublishMessage<AdoptionRequested>().ToLocalQueue(Queues.Adoptions);

        // Decision events out: each new one, as a CloudEvent, on a fan-out exchange agencies bind their own queues to
        // (through the outbox, in the transaction that appends it to the feed).
        rabbit.DeclareExchange(Exchanges.DecisionEvents, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.PublishMessage<CloudEvent>().ToRabbitExchange(Exchanges.DecisionEvents);
    }
}
