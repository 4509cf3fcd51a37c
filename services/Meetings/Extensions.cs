using CommunitySafety.Contracts;
using CommunitySafety.Meetings.Actions;
using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Decisions;
using CommunitySafety.Meetings.Meetings;
using DecisionRecorded = CommunitySafety.Contracts.Meetings.DecisionRecorded;
using MeetingHeld = CommunitySafety.Contracts.Meetings.MeetingHeld;
using CommunitySafety.Meetings.Membership;
using CommunitySafety.Meetings.Public;
using CommunitySafety.ServiceDefaults.DataProtection;
using JasperFx.Events.Projections;
using Wolverine.RabbitMQ;

namespace CommunitySafety.Meetings;

/// <summary>
/// Meetings composed in one place: its streams, projections and documents; the exchanges and queues it uses; its
/// settings and keys. <c>Program.cs</c> only calls <see cref="AddMeetings"/> and <see cref="UseMeetings"/>.
/// </summary>
public static class MeetingsExtensions
{
    /// <summary>The queues Meetings listens to.</summary>
    public static class Queues
    {
        /// <summary>Governance's events (the membership read model for quorum).</summary>
        public const string GovernanceEvents = "meetings.governance-events";

        /// <summary>The local, durable queue of agendas publishing themselves when due.</summary>
        public const string Agenda = "meetings.agenda";

        /// <summary>The local, durable queue of scheduled erasures of residents' details.</summary>
        public const string Retention = "meetings.retention";
    }

    /// <summary>Everything Meetings needs, registered on the service's builder.</summary>
    /// <param name="builder">The service's builder.</param>
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<MeetingsOptions>();
        // a published calendar link must not depend on which proxy headers reached the service
        if (!builder.Environment.IsDevelopment()) settings.Validate(o => o.HasPublicBaseUrl, MeetingsOptions.PublicBaseUrlRequired);
        // Residents' details on public questions are sealed under data keys wrapped by this ring, held outside the database.
        builder.AddDataKeys("Meetings", "the keys that wrap the data keys of residents' details on public questions");
        builder.AddEventSourcedService(Platform.Meetings, typeof(MeetingsExtensions).Assembly, AddStreams,
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
                wolverine.PublishMessage<EraseResidentDetailsWhenDue>().ToLocalQueue(Queues.Retention);

                // Meetings held go to Meetings' own fan-out exchange (Governance's compliance checklist binds to it).
                rabbit.DeclareExchange(Exchanges.Meetings, e => e.ExchangeType = ExchangeType.Fanout);
                wolverine.PublishMessage<MeetingHeld>().ToRabbitExchange(Exchanges.Meetings);
            },
            IntegrationEvents.ToContract);
        return builder;
    }

    /// <summary>Meetings' request pipeline.</summary>
    /// <param name="app">The service.</param>
    public static WebApplication UseMeetings(this WebApplication app) => app.MapEventSourcedService();

    private static void AddStreams(StoreOptions opts)
    {
        opts.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<MeetingSeries>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<MeetingSeriesView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PublicQuestion>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new DecisionRegisterProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Snapshot<ActionItem>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ActionView>(SnapshotLifecycle.Inline);
        opts.Schema.For<ActionView>().Index(a => a.BodyId);
        opts.Schema.For<MemberRef>().Index(m => m.BodyId);
        opts.Schema.For<TermsOfReferenceRef>();
        opts.Schema.For<DecisionEntry>().Index(d => d.BodyId);
        opts.Schema.For<Meeting>().Index(m => m.BodyId).Index(m => m.StartsAt);
        opts.Schema.For<PublicQuestion>().Index(q => q.MeetingId);
    }
}
