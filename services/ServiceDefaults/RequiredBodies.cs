using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// A write endpoint's command is its JSON body, and the body is required: a request whose body is JSON <c>null</c>
/// (or that binds nothing) is answered 400 "A JSON request body is required." once, here, before the endpoint's
/// <c>Validate</c> runs. So every <c>Validate</c> and endpoint takes its command as not null.
/// </summary>
public sealed class RequiredBodies : IHttpPolicy
{
    /// <inheritdoc />
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var require = typeof(RequiredBodies).GetMethod(nameof(Require))!;
        foreach (var chain in chains.Where(c => c.HasRequestType && !c.RequestType!.IsValueType))
            chain.Middleware.Insert(0, new MethodCall(typeof(RequiredBodies), require.MakeGenericMethod(chain.RequestType!)));
    }

    /// <summary>Refuses a request whose body bound nothing (called by Wolverine's generated code).</summary>
    /// <typeparam name="T">The command.</typeparam>
    /// <param name="command">The body as read.</param>
    public static void Require<T>(T? command) where T : class
    {
        if (command is null) throw new RequestRefused(FieldErrors.MissingBody);
    }
}
