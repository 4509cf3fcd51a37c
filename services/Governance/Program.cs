using CommunitySafety.Contracts;
using CommunitySafety.Governance;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults.DataProtection;
using Wolverine.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService(Platform.Governance, typeof(GovernanceRoles).Assembly,
    marten => marten.AddGovernanceStreams(),
    (wolverine, rabbit) =>
    {
        // Governance's integration events go to one fan-out exchange; each consuming service binds its own queue.
        rabbit.DeclareExchange(Exchanges.Governance, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.Publish(p =>
        {
            p.MessagesFromNamespace(typeof(CommunitySafety.Contracts.Governance.OrganisationRegistered).Namespace!);
            p.ToRabbitExchange(Exchanges.Governance);
        });
        // Reminders before ISA review dates: scheduled messages, persisted
        wolverine.LocalQueue(Queues.Reminders).UseDurableInbox();
        wolverine.PublishMessage<CommunitySafety.Governance.Organisations.RemindIsaReview>().ToLocalQueue(Queues.Reminders);
        // ... and before office holders' terms end, and when they lapse
        wolverine.PublishMessage<CommunitySafety.Governance.Bodies.RemindOfficeTermEnding>().ToLocalQueue(Queues.Reminders);
        wolverine.PublishMessage<CommunitySafety.Governance.Bodies.LapseOfficeTerm>().ToLocalQueue(Queues.Reminders);
        // ... and checks of action-plan lines when a milestone's due date passes
        wolverine.PublishMessage<CommunitySafety.Governance.Strategy.CheckPlanLine>().ToLocalQueue(Queues.Reminders);
        // Webhook fan-out and attempts: persisted (durable inbox), so a crash between recording and delivery loses none.
        wolverine.LocalQueue(Queues.Webhooks).UseDurableInbox();
        wolverine.PublishMessage<FanOutDecisionEvent>().ToLocalQueue(Queues.Webhooks);
        wolverine.PublishMessage<AttemptDelivery>().ToLocalQueue(Queues.Webhooks);
        // ... and the shredding of old signing secrets once their grace period after a rotation is over
        wolverine.PublishMessage<ShredExpiredSecrets>().ToLocalQueue(Queues.Webhooks);

        // Decision events in: Meetings' decisions and Funding's awards (its payments and clawbacks are ignored). Both
        // queues feed one local sequential queue, the only writer of the feed (see DecisionFeedEndpoint on ordering).
        wolverine.SubscribeToExchange(rabbit, Exchanges.Decisions, DecisionQueues.Decisions);
        wolverine.SubscribeToExchange(rabbit, Exchanges.Funding, DecisionQueues.FundingEvents);
        // Meetings held (the compliance checklist's public meetings)
        wolverine.SubscribeToExchange(rabbit, Exchanges.Meetings, CommunitySafety.Governance.Compliance.MeetingsHeldQueues.MeetingsEvents);
        wolverine.LocalQueue(DecisionQueues.Intake).Sequential().UseDurableInbox();
        wolverine.PublishMessage<TakeInDecisionEvent>().ToLocalQueue(DecisionQueues.Intake);
        // Documents a decision adopts (terms of reference, the Community Safety Agreement): handled on a durable local queue.
        wolverine.LocalQueue(CommunitySafety.Governance.Adoption.AdoptionQueues.Adoptions).UseDurableInbox();
        wolverine.PublishMessage<CommunitySafety.Governance.Adoption.AdoptionRequested>().ToLocalQueue(CommunitySafety.Governance.Adoption.AdoptionQueues.Adoptions);

        // Decision events out: each new one, as a CloudEvent, on a fan-out exchange agencies bind their own queues to
        // (through the outbox, in the transaction that appends it to the feed).
        rabbit.DeclareExchange(Exchanges.DecisionEvents, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.PublishMessage<CloudEvent>().ToRabbitExchange(Exchanges.DecisionEvents);
    },
    IntegrationEvents.ToContract);

// Webhook signing secrets are sealed under data keys wrapped by this ring, held outside the database.
builder.AddDataKeys("Governance", "the keys that wrap webhook signing secrets' data keys");
builder.Services.AddSingleton(builder.Configuration.GetSection(CommunitySafety.Governance.Organisations.IsaOptions.Section)
    .Get<CommunitySafety.Governance.Organisations.IsaOptions>() ?? new CommunitySafety.Governance.Organisations.IsaOptions());
builder.Services.AddSingleton(builder.Configuration.GetSection(CommunitySafety.Governance.Bodies.OfficeOptions.Section)
    .Get<CommunitySafety.Governance.Bodies.OfficeOptions>() ?? new CommunitySafety.Governance.Bodies.OfficeOptions());
// decision events taken into the feed before open data kept documents of its own are documented once, at start-up
builder.Services.AddHostedService<CommunitySafety.Governance.Strategy.PublicDecisionsBackfill>();
var webhookOptions = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
builder.Services.AddSingleton(webhookOptions);
builder.Services.AddSingleton((builder.Configuration.GetSection("Webhooks:Delivery").Get<CommunitySafety.Governance.Webhooks.DeliveryOptions>() ?? new CommunitySafety.Governance.Webhooks.DeliveryOptions()).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection(ReplayOptions.Section).Get<ReplayOptions>() ?? new ReplayOptions()).Validated());
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
builder.Services.AddHttpClient(DeliveryHandler.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan) // each attempt sets its own
    .ConfigurePrimaryHttpMessageHandler(() => WebhookHttp.Handler(webhookOptions))
    // every attempt must be one request, logged and retried on the webhook schedule, not by the default resilience handler
    .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

var app = builder.Build();
app.MapEventSourcedService();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
