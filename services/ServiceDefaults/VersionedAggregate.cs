using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Marten;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Wolverine's aggregate handler workflow (<see cref="WriteAggregateAttribute"/>: the aggregate named by the route is
/// fetched for writing, the events the endpoint returns are appended, Marten checks at commit that nobody appended in
/// between) with the platform's HTTP contract around it, the same for every endpoint:
/// <list type="bullet">
/// <item>an unreadable <c>If-Match</c> is 400 <c>bad-request</c>; the empty id or a stream that does not exist, 404
/// <c>not-found</c> (title "<c>Bid not found</c>");</item>
/// <item><c>If-Match: "n"</c> naming another version than the stream's is 412 <c>stale-version</c>, before anything is
/// decided;</item>
/// <item>the answer carries the stream's new version as a strong ETag (<c>"n"</c>).</item>
/// </list>
/// A lost race at commit is 409 <c>concurrent-write</c>, or decided again when the client sent no <c>If-Match</c>
/// (<see cref="ConcurrentWrites"/>). On an endpoint that writes several streams, the first parameter so marked is the
/// resource: its version is the one <c>If-Match</c> names and the ETag answers.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class VersionedAggregateAttribute : WriteAggregateAttribute
{
    public VersionedAggregateAttribute()
    {
        // our own 404 (StreamPreconditions), with the problem type and title every other not-found has
        Required = false;
    }

    /// <summary>Names the route value holding the aggregate's id when it is not <c>{aggregateId}</c> or <c>{id}</c>.</summary>
    public VersionedAggregateAttribute(string routeOrParameterName) : base(routeOrParameterName)
    {
        Required = false;
    }

    public override Variable Modify(IChain chain, ParameterInfo parameter, IServiceContainer container, GenerationRules rules)
    {
        var before = chain.Middleware.Count;
        var aggregate = base.Modify(chain, parameter, container, rules);
        if (chain is not HttpChain) return aggregate;

        var aggregateType = aggregate.VariableType;
        var streamType = typeof(IEventStream<>).MakeGenericType(aggregateType);
        var stream = chain.Middleware.Skip(before).SelectMany(f => f.Creates).Last(v => v.VariableType == streamType);
        var preconditions = typeof(StreamPreconditions<>).MakeGenericType(aggregateType);

        // before the fetch: the header is readable, the id names something
        var read = new MethodCall(preconditions, nameof(StreamPreconditions<object>.ReadIfMatch));
        read.Arguments[1] = FindIdentity(aggregateType, typeof(Guid), chain)
            ?? throw new InvalidOperationException($"{chain}: no Guid id for the {aggregateType.Name} stream.");
        chain.Middleware.Insert(before, read);

        // after it: the stream exists and is at the version the client named; the answer will say the new one
        var check = new MethodCall(preconditions, nameof(StreamPreconditions<object>.Check));
        check.Arguments[1] = stream;
        chain.Middleware.Add(check);
        return aggregate;
    }
}

/// <summary>The checks <see cref="VersionedAggregateAttribute"/> puts around the fetch of a <typeparamref name="T"/> stream.</summary>
/// <typeparam name="T">The aggregate.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Called only by Wolverine's generated code, which names the closed type (StreamPreconditions<Bid>.Check).")]
public static class StreamPreconditions<T> where T : class
{
    private const string ResourceKey = "csp.resource-stream";

    /// <summary>400 for an <c>If-Match</c> that is not a version we issued; 404 for the empty id (Marten refuses to look it up).</summary>
    public static void ReadIfMatch(HttpContext http, Guid id)
    {
        if (!IfMatch.TryRead(http.Request, out _))
            throw new RequestRefused(Problems.BadRequest("If-Match must be a quoted stream version, e.g. \"3\"."));
        if (id == Guid.Empty) throw RequestRefused.NotFound(typeof(T).Name, id);
    }

    /// <summary>
    /// 404 when the stream does not exist; 412 when <c>If-Match</c> names another version than the one fetched. Then
    /// registers the stream as the request's resource (the first one checked is), whose version the answer's ETag carries.
    /// </summary>
    public static void Check(HttpContext http, IEventStream<T> stream)
    {
        if (stream.Aggregate is null) throw RequestRefused.NotFound(typeof(T).Name, stream.Id);
        IfMatch.TryRead(http.Request, out var expected);
        var current = stream.StartingVersion ?? 0;
        if (expected is { } v && v != current) throw new RequestRefused(Problems.StaleVersion(v, current));

        // A retried request (ConcurrentWrites) runs this again with a fresh stream: the latest attempt's is the one answered.
        var first = !http.Items.ContainsKey(ResourceKey);
        http.Items[ResourceKey] = (Func<long>)(() => stream.CurrentVersion ?? 0);
        if (first)
        {
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode is >= 200 and < 300 && !http.Response.Headers.ContainsKey("ETag")
                    && http.Items[ResourceKey] is Func<long> version)
                    http.Response.Headers.ETag = IfMatch.ETag(version());
                return Task.CompletedTask;
            });
        }
    }
}
