using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Which of a service's domain events other services and agencies hear of, and as which published contract
/// (<c>services/Contracts</c>): the one place a service says it. Registered by <c>AddEventSourcedService</c>.
/// </summary>
public sealed class IntegrationEventMap(Func<object, object?> toContract)
{
    /// <summary>The contract published for <paramref name="domainEvent"/>, or null when it stays inside the service.</summary>
    public object? ToContract(object domainEvent) => toContract(domainEvent);
}

/// <summary>
/// Publishes the integration events of every write, once, for every endpoint: after the endpoint's events are appended
/// and before the session commits, each event pending in the session is mapped through the service's
/// <see cref="IntegrationEventMap"/> and published through Wolverine's outbox, which commits in the same transaction as
/// the events. An endpoint or handler returns its events and never publishes them itself.
/// </summary>
public static class IntegrationEventRelay
{
    public static async Task PublishAsync(IDocumentSession session, IMessageBus bus, IntegrationEventMap map)
    {
        foreach (var stream in session.PendingChanges.Streams())
        {
            foreach (var e in stream.Events)
            {
                if (map.ToContract(e.Data) is { } message) await bus.PublishAsync(message);
            }
        }
    }

    /// <summary>Puts <see cref="PublishAsync"/> first among the postprocessors (before the commit) of <paramref name="chain"/>.</summary>
    private static void Relay(IChain chain) =>
        chain.Postprocessors.Insert(0, new MethodCall(typeof(IntegrationEventRelay), nameof(PublishAsync)));

    /// <summary>Every write endpoint (not GET or HEAD).</summary>
    public sealed class EndpointPolicy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c.HttpMethods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))) Relay(chain);
        }
    }

    /// <summary>
    /// Every message handler: one that appends events (a scheduled reminder, a reaction to another service) relays them too.
    /// Wolverine applies its chain policies to the HTTP endpoints as well: those are <see cref="EndpointPolicy"/>'s, so that an
    /// endpoint relays once (not twice) and a GET not at all.
    /// </summary>
    public sealed class HandlerPolicy : IChainPolicy
    {
        public void Apply(IReadOnlyList<IChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c is not HttpChain && WritesEvents(c))) Relay(chain);
        }

        /// <summary>A handler that takes the session or an aggregate to write (<c>[WriteAggregate]</c>); the others append nothing.</summary>
        private static bool WritesEvents(IChain chain) => chain.HandlerCalls().Any(call => call.Method.GetParameters().Any(p =>
            p.ParameterType == typeof(IDocumentSession) || p.GetCustomAttributes(typeof(Wolverine.Persistence.EventSourcing.WriteModelAttribute), true).Length > 0));
    }
}
