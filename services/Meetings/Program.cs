using CommunitySafety.Contracts;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Meetings;
using CommunitySafety.Meetings.Agenda;
using CommunitySafety.ServiceDefaults.DataProtection;
using Wolverine.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSingleton((builder.Configuration.GetSection(MeetingsOptions.Section).Get<MeetingsOptions>() ?? new MeetingsOptions())
    .Validated(builder.Environment.IsDevelopment()));
// Residents' details on public questions are sealed under data keys wrapped by this ring, held outside the database.
builder.AddDataKeys("Meetings", "the keys that wrap the data keys of residents' details on public questions");
builder.AddEventSourcedService(Platform.Meetings, typeof(MeetingsRoles).Assembly,
    marten => marten.AddMeetingsStreams(),
    (wolverine, rabbit) =>
    {
        // Governance's events build the membership read model for quorum.
        wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);

        // Decisions go to the documented exchange that Governance, Funding and agencies bind to.
        rabbit.DeclareExchange(Exchanges.Decisions, e => e.ExchangeType = ExchangeType.Fanout);

        // Agendas publish themselves when due: scheduled messages on a durable local queue.
        wolverine.LocalQueue(Queues.Agenda).UseDurableInbox();
        wolverine.PublishMessage<PublishAgendaWhenDue>().ToLocalQueue(Queues.Agenda);
        wolverine.PublishMessage<DecisionRecorded>().ToRabbitExchange(Exchanges.Decisions);

        // Residents' details are erased at the end of their retention period: scheduled messages on a durable local queue.
        wolverine.LocalQueue(Queues.Retention).UseDurableInbox();
        wolverine.PublishMessage<CommunitySafety.Meetings.Public.EraseResidentDetailsWhenDue>().ToLocalQueue(Queues.Retention);

        // Meetings held go to Meetings' own fan-out exchange (Governance's compliance checklist binds to it).
        rabbit.DeclareExchange(Exchanges.Meetings, e => e.ExchangeType = ExchangeType.Fanout);
        wolverine.PublishMessage<MeetingHeld>().ToRabbitExchange(Exchanges.Meetings);
    },
    CommunitySafety.Meetings.Meetings.IntegrationEvents.ToContract);

var app = builder.Build();
app.MapEventSourcedService();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
