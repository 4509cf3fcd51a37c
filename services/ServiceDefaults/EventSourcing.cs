using System.Reflection;
using System.Text.Json.Serialization;
using CommunitySafety.Contracts;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.RabbitMQ;
using Wolverine.RabbitMQ.Internal;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// One place for how a service of the platform keeps its event streams (Marten, in its own database)
/// and talks to the others (Wolverine over RabbitMQ, durable outbox and inbox in that same database,
/// so publishing is transactional with the events).
/// </summary>
public static class EventSourcing
{
    /// <summary>Aspire's name for the broker's connection string (an amqp:// URI).</summary>
    public const string MessagingConnectionName = "messaging";

    /// <param name="builder">The service's builder.</param>
    /// <param name="service">The service, as the platform's manifest names it: its database's connection string is <c>ConnectionStrings:{Name}</c>.</param>
    /// <param name="serviceAssembly">Where Wolverine finds the service's endpoints and handlers.</param>
    /// <param name="configureMarten">The service's streams, projections and documents.</param>
    /// <param name="configureMessaging">The exchanges it publishes to and the queues it listens to.</param>
    /// <param name="integrationEvents">
    /// The contract published for each domain event others hear of (null for the others). Given, every write endpoint and
    /// message handler publishes the events it appends through it (<see cref="IntegrationEventRelay"/>); none publishes its own.
    /// </param>
    public static WebApplicationBuilder AddEventSourcedService(
        this WebApplicationBuilder builder,
        PlatformService service,
        Assembly serviceAssembly,
        Action<StoreOptions> configureMarten,
        Action<WolverineOptions, RabbitMqTransportExpression> configureMessaging,
        Func<object, object?>? integrationEvents = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        builder.Services.AddSingleton(service);
        if (integrationEvents is not null) builder.Services.AddSingleton(new IntegrationEventMap(integrationEvents));
        var connectionString = DatabaseConnections.Bounded(
            builder.Configuration.GetConnectionString(service.Name)
                ?? throw new InvalidOperationException($"Missing connection string 'ConnectionStrings:{service.Name}'."),
            builder.Configuration);
        var brokerUri = builder.Configuration.GetConnectionString(MessagingConnectionName)
            ?? throw new InvalidOperationException($"Missing connection string 'ConnectionStrings:{MessagingConnectionName}' (amqp://...).");

        builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                // Set while the mirror lacked Patched.DistributedLock.Core and the upstream DistributedLock.Postgres
                // stood in for it. Marten's own lock package is used now; kept until a test of the async daemon's
                // leader election shows it can go (no projection here is asynchronous yet).
                opts.Events.UseAdvisoryLockTransaction = true;
                // A projection that cannot apply an event must stop and say so, never skip silently.
                opts.Projections.Errors.SkipApplyErrors = false;
                opts.Projections.Errors.SkipSerializationErrors = false;
                opts.Projections.Errors.SkipUnknownEvents = false;
                // Marten's spans (connections, event appends) and metrics, exported by ServiceDefaults' OpenTelemetry.
                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();
                configureMarten(opts);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(opts =>
        {
            // With xunit.v3 the test assembly is the entry assembly: name ours explicitly.
            opts.ApplicationAssembly = serviceAssembly;
            opts.ServiceName = builder.Environment.ApplicationName;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.Policies.UseDurableInboxOnAllListeners();

            // Recover a crashed node's outbox in seconds, not minutes (measured: DESIGN.md §2).
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(10);
            opts.Durability.RecoveryBatchSize = 1000;
            // A message can be left owned by a live node that will never finish it: measured here, PostgreSQL restarted
            // under load left 4 of 431 inbox messages "Incoming" for good. After this long the durability agent hands
            // such messages to any node. The outbox gets the same rule for the same kind of outage (not observed stuck
            // here): a message may then be sent twice, which every consumer, and agencies (told to de-duplicate on the
            // event id), take as once.
            opts.Durability.InboxStaleTime = TimeSpan.FromSeconds(30);
            opts.Durability.OutboxStaleTime = TimeSpan.FromSeconds(30);

            // Production loads pre-generated handler code (Wolverine:TypeLoadMode=Static); elsewhere it is
            // generated at start-up.
            opts.CodeGeneration.TypeLoadMode =
                Enum.TryParse<TypeLoadMode>(builder.Configuration["Wolverine:TypeLoadMode"], out var mode) ? mode : TypeLoadMode.Dynamic;

            // A handler that loses a race for its stream decides again on the fresh state (so does a request: see
            // MapEventSourcedService).
            opts.RetryLostRaces(ConcurrentWrites.RetriesFrom(builder.Configuration));
            // …and one that failed for want of the database waits for it: never dead-lettered for an outage.
            opts.RideOutDatabaseOutages();

            // Handlers relay the integration events of what they append, as endpoints do (MapEventSourcedService).
            if (integrationEvents is not null) opts.Policies.Add<IntegrationEventRelay.HandlerPolicy>();

            // The group of an integration event is the record it is about: see SubscribeToExchange.
            opts.MessagePartitioning.ByMessage<IRecordEvent>(e => e.RecordId.ToString());

            var rabbit = opts.UseRabbitMq(new Uri(brokerUri))
                .AutoProvision()
                // Without publisher confirms a broker hiccup silently loses acknowledged messages.
                .ConfigureChannelCreation(c =>
                {
                    c.PublisherConfirmationsEnabled = true;
                    c.PublisherConfirmationTrackingEnabled = true;
                });
            configureMessaging(opts, rabbit);
        });

        builder.Services.AddWolverineHttp();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new PlainTextConverter());
        });
        // No "servers" in the document: clients (and the gateway's API reference page) call through the gateway,
        // at whatever address they reached it, never the service's own address.
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [];
            return Task.CompletedTask;
        }));

        builder.Services.AddHealthChecks()
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "postgresql", _ => new PostgresHealthCheck(DatabaseConnections.ForHealthCheck(connectionString)), null, ["ready"], TimeSpan.FromSeconds(3)))
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "rabbitmq", _ => new RabbitMqHealthCheck(new Uri(brokerUri)), null, ["ready"], TimeSpan.FromSeconds(3)));

        return builder;
    }

    /// <summary>
    /// Subscribes the service to a fan-out exchange of another service's integration events through a queue of its own.
    /// The events of one record (<see cref="IRecordEvent"/>) are handled one at a time and in order, so that read-model
    /// updates of the same record never race; those of different records in parallel. Measured: one at a time, Meetings
    /// fell ever further behind Governance under a 16-writer load (lag p99 19 s).
    /// </summary>
    public static void SubscribeToExchange(this WolverineOptions wolverine, RabbitMqTransportExpression rabbit, string exchange, string queue)
    {
        rabbit.BindExchange(exchange, e => e.ExchangeType = ExchangeType.Fanout).ToQueue(queue);
        wolverine.ListenToRabbitQueue(queue).PartitionProcessingByGroupId(PartitionSlots.Five);
    }

    /// <summary>
    /// Runs the service, or a JasperFx command when one is given: <c>dotnet &lt;dll&gt; codegen write</c> pre-generates
    /// the Wolverine code that Production loads (<c>Wolverine:TypeLoadMode=Static</c>).
    /// </summary>
    public static Task<int> RunEventSourcedService(this WebApplication app, string[] args) => app.RunJasperFxCommands(args);

    /// <summary>Maps the service's Wolverine endpoints, its OpenAPI document and the health endpoints.</summary>
    public static WebApplication MapEventSourcedService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        // a write without If-Match that loses the race for its stream is decided again on the fresh state
        app.UseConcurrentWriteRetries();
        app.MapDefaultEndpoints();
        app.MapOpenApi().AllowAnonymous();
        // a query value that does not parse (?limit=many) is a 400, not silently ignored
        app.MapWolverineEndpoints(o =>
        {
            o.RejectUnparseableQueryValues = true;
            // a command's body is required: JSON null is a 400 before any Validate runs
            o.AddPolicy<RequiredBodies>();
            if (app.Services.GetService<IntegrationEventMap>() is not null) o.AddPolicy<IntegrationEventRelay.EndpointPolicy>();
        });
        return app;
    }
}
