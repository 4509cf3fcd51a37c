using CommunitySafety.Contracts;
using CommunitySafety.Governance;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults;
using Wolverine.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService("governance", typeof(GovernanceRoles).Assembly,
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
        // Webhook fan-out and attempts: persisted (durable inbox), so a crash between recording and delivery loses none.
        wolverine.LocalQueue(Queues.Webhooks).UseDurableInbox();
        wolverine.PublishMessage<FanOutDecisionEvent>().ToLocalQueue(Queues.Webhooks);
        wolverine.PublishMessage<AttemptDelivery>().ToLocalQueue(Queues.Webhooks);

        // Decision events in: Meetings' decisions and Funding's awards (its payments and clawbacks are ignored). Both
        // queues feed one local sequential queue, the only writer of the feed (see DecisionFeedEndpoint on ordering).
        wolverine.SubscribeToExchange(rabbit, Exchanges.Decisions, DecisionQueues.Decisions);
        wolverine.SubscribeToExchange(rabbit, Exchanges.Funding, DecisionQueues.FundingEvents);
        wolverine.LocalQueue(DecisionQueues.Intake).Sequential().UseDurableInbox();
        wolverine.PublishMessage<TakeInDecisionEvent>().ToLocalQueue(DecisionQueues.Intake);

        // Decision events out: each new one, as a CloudEvent, on a fan-out exchange agencies bind their own queues to
        // (through the outbox, in the transaction that appends it to the feed).
        rabbit.DeclareExchange(Exchanges.DecisionEvents, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.PublishMessage<CloudEvent>().ToRabbitExchange(Exchanges.DecisionEvents);
    });

var webhookOptions = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
builder.Services.AddSingleton(webhookOptions);
builder.Services.AddSingleton((builder.Configuration.GetSection("Webhooks:Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions()).Validated());
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
