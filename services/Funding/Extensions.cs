using CommunitySafety.Contracts;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Reports;
using CommunitySafety.Funding.Streams;
using JasperFx.Events.Projections;
using Wolverine.RabbitMQ;

namespace CommunitySafety.Funding;

/// <summary>
/// Funding composed in one place: its streams, projections and documents; the exchanges it hears and publishes to;
/// its settings. <c>Program.cs</c> only calls <see cref="AddFunding"/> and <see cref="UseFunding"/>.
/// </summary>
public static class FundingExtensions
{
    /// <summary>The queues Funding listens to.</summary>
    public static class Queues
    {
        /// <summary>Meetings' decisions (an award must cite one).</summary>
        public const string Decisions = "funding.decisions";

        /// <summary>Governance's events (organisations' names).</summary>
        public const string GovernanceEvents = "funding.governance-events";
    }

    /// <summary>Everything Funding needs, registered on the service's builder.</summary>
    /// <param name="builder">The service's builder.</param>
    public static WebApplicationBuilder AddFunding(this WebApplicationBuilder builder)
    {
        builder.AddEventSourcedService(Platform.Funding, typeof(FundingExtensions).Assembly, AddStreams,
            (wolverine, rabbit) =>
            {
                wolverine.SubscribeToExchange(rabbit, Exchanges.Decisions, Queues.Decisions);
                wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);
                rabbit.DeclareExchange(Exchanges.Funding, e => e.ExchangeType = ExchangeType.Fanout);
                wolverine.PublishMessage<GrantAwarded>().ToRabbitExchange(Exchanges.Funding);
                wolverine.PublishMessage<PaymentMade>().ToRabbitExchange(Exchanges.Funding);
                wolverine.PublishMessage<AwardClawedBack>().ToRabbitExchange(Exchanges.Funding);
            },
            IntegrationEvents.ToContract);
        builder.AddSettings<MonitoringOptions>();
        builder.AddSettings<ThreeSixtyGivingOptions>();
        // decision texts stored before Funding stopped keeping them are removed once, at start-up
        builder.Services.AddHostedService<ForgetDecisionTexts>();
        return builder;
    }

    /// <summary>Funding's request pipeline.</summary>
    /// <param name="app">The service.</param>
    public static WebApplication UseFunding(this WebApplication app) => app.MapEventSourcedService();

    private static void AddStreams(StoreOptions opts)
    {
        opts.Projections.Snapshot<FundingStream>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<FundingStreamView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Bid>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<BidView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Award>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<AwardView>(SnapshotLifecycle.Inline);
        opts.Schema.For<BidView>().Index(b => b.StreamId);
        opts.Schema.For<AwardView>().Index(a => a.StreamId);
        opts.Schema.For<KnownDecision>();
        opts.Schema.For<KnownOrganisation>();
    }
}
