using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

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

    /// <summary>
    /// Puts <see cref="PublishAsync"/> first among the postprocessors (before the commit) of <paramref name="chain"/>, unless
    /// its method takes an <see cref="IMessageBus"/>: an endpoint written before the relay, that still publishes for itself.
    /// </summary>
    private static void Relay(IChain chain)
    {
        if (chain.HandlerCalls().Any(call => call.Method.GetParameters().Any(p => typeof(IMessageBus).IsAssignableFrom(p.ParameterType)))) return;
        chain.Postprocessors.Insert(0, new MethodCall(typeof(IntegrationEventRelay), nameof(PublishAsync)));
    }

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
    /// Wolverine.Http applies the <see cref="WolverineOptions"/>' chain policies to HTTP chains as well: those are left to
    /// <see cref="EndpointPolicy"/>, or every write endpoint would publish each integration event twice.
    /// </summary>
    public sealed class HandlerPolicy : IChainPolicy
    {
        public void Apply(IReadOnlyList<IChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.OfType<HandlerChain>()) Relay(chain);
        }
    }
}
