using CommunitySafety.CaseManagement;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults;
using Wolverine.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService("casemanagement", typeof(CaseRoles).Assembly,
    marten => marten.AddCaseStreams(),
    (wolverine, rabbit) =>
    {
        // Governance's events, into CaseManagement's own queue: they build the register of ISA signatories.
        rabbit.BindExchange(Exchanges.Governance, e => e.ExchangeType = ExchangeType.Fanout).ToQueue(Queues.GovernanceEvents);
        wolverine.ListenToRabbitQueue(Queues.GovernanceEvents).Sequential();
    });
builder.Services.AddSingleton<CommunitySafety.CaseManagement.PersonalData.PersonalDataVault>();
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:RiskMatrix").Get<RiskMatrix>() ?? RiskMatrix.Default).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:ReviewSchedule").Get<ReviewSchedule>() ?? new ReviewSchedule()).Validated());

var app = builder.Build();
app.MapEventSourcedService();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
