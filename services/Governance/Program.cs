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
    });

builder.Services.AddSingleton(builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions());

var app = builder.Build();
app.MapEventSourcedService();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
