using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;

[assembly: JasperFx.JasperFxAssembly]

namespace CommunitySafety.ServiceDefaults.DataProtection;

/// <summary>The input of a command that works through the service's data in batches, next to the running service.</summary>
public class BatchedInput : NetCoreInput
{
    [Description("Records per transaction (default 500)")]
    public int BatchFlag { get; set; } = 500;

    /// <summary>Whether <c>--batch</c> is within bounds; says why not on standard error.</summary>
    public bool BatchIsValid()
    {
        if (BatchFlag is >= 1 and <= 10_000) return true;
        Console.Error.WriteLine("--batch must be between 1 and 10000.");
        return false;
    }
}

/// <summary>
/// <c>dotnet &lt;service&gt;.dll rewrap-keys</c>: after a new key-encryption key was added to the service's ring and made
/// current, re-wraps every data key still under an older one, with the same configuration as the service (run it next to
/// the running service: no downtime). Prints its progress; once it reports none remaining, the old key can be removed
/// from the configuration (and destroyed, which also makes backups taken before earlier erasures unreadable).
/// </summary>
[Description("Re-wrap every data key under the current key-encryption key (after a rotation)", Name = "rewrap-keys")]
public sealed class RewrapKeysCommand : JasperFxAsyncCommand<BatchedInput>
{
    public override async Task<bool> Execute(BatchedInput input)
    {
        if (!input.BatchIsValid()) return false;
        using var host = input.BuildHost();
        var keys = host.Services.GetService<DataKeys>();
        if (keys is null)
        {
            Console.Error.WriteLine("This service keeps no data keys.");
            return false;
        }
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var clock = host.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        await using (var session = store.QuerySession())
            Console.WriteLine($"{keys.Ring.Name}: current key '{keys.Ring.CurrentId}'; data keys by key: " +
                              string.Join(", ", (await keys.CountByKeyAsync(session, default)).Select(c => $"{c.Key}={c.Value}")));
        var result = await keys.RewrapAsync(store, clock, input.BatchFlag,
            p => Console.WriteLine($"re-wrapped {p.Rewrapped} of {p.Total} ({p.Vanished} erased meanwhile, {p.Remaining} remaining)"), default);
        Console.WriteLine($"done: {result.Rewrapped} re-wrapped under '{result.CurrentKeyId}', {result.Vanished} erased meanwhile, " +
                          $"{result.Remaining} remaining, {result.Unreadable} under a key this configuration does not hold");
        return result.Remaining == 0 && result.Unreadable == 0;
    }
}
