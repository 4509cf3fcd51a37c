using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;
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
/// the events. An endpoint returns its events and never publishes them itself.
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

    /// <summary>Puts <see cref="PublishAsync"/> first among the postprocessors (before the commit) of every write endpoint.</summary>
    public sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c.HttpMethods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m))))
                chain.Postprocessors.Insert(0, new MethodCall(typeof(IntegrationEventRelay), nameof(PublishAsync)));
        }
    }
}
