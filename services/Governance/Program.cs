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

var app = builder.Build();
app.MapEventSourcedService();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
