using CommunitySafety.Contracts;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Funding;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Reports;
using Wolverine.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService(Platform.Funding, typeof(FundingRoles).Assembly,
    marten => marten.AddFundingStreams(),
    (wolverine, rabbit) =>
    {
        // Meetings' decisions: an award must cite one. Governance's events: organisations' names.
        wolverine.SubscribeToExchange(rabbit, Exchanges.Decisions, Queues.Decisions);
        wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);
        rabbit.DeclareExchange(Exchanges.Funding, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.PublishMessage<GrantAwarded>().ToRabbitExchange(Exchanges.Funding);
        wolverine.PublishMessage<PaymentMade>().ToRabbitExchange(Exchanges.Funding);
        wolverine.PublishMessage<AwardClawedBack>().ToRabbitExchange(Exchanges.Funding);
    },
    IntegrationEvents.ToContract);

// decision texts stored before Funding stopped keeping them are removed once, at start-up
builder.Services.AddHostedService<CommunitySafety.Funding.Decisions.ForgetDecisionTexts>();
builder.Services.AddSingleton((builder.Configuration.GetSection("Funding").Get<MonitoringOptions>() ?? new MonitoringOptions()).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection("Funding:ThreeSixtyGiving").Get<ThreeSixtyGivingOptions>() ?? new ThreeSixtyGivingOptions()).Validated());

var app = builder.Build();
app.MapEventSourcedService();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
