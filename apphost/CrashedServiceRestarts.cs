using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunitySafety.AppHost;

/// <summary>
/// Starts a service (or the gateway) again when its process dies on its own, after a back-off that doubles from
/// <see cref="FirstDelay"/> up to <see cref="LongestDelay"/> while it keeps dying and starts over once it has run for
/// <see cref="StableAfter"/>. The other processes go on meanwhile; the dashboard shows the dead one as Finished until
/// then. A stop asked for (the dashboard's Stop button: the orchestrator reports Stopping first) is left alone.
/// Off with <c>Platform:RestartCrashed=false</c>.
/// </summary>
public sealed class CrashedServiceRestarts(
    ResourceNotificationService notifications, ResourceCommandService commands, ILogger<CrashedServiceRestarts> logger) : BackgroundService
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(2);

    public static void Add(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Platform:RestartCrashed", true) && builder.ExecutionContext.IsRunMode)
            builder.Services.AddHostedService<CrashedServiceRestarts>();
    }

    /// <summary>The wait before the next start: doubled after each crash that came before the process was stable.</summary>
    public static TimeSpan NextDelay(TimeSpan? previous, TimeSpan ranFor) =>
        previous is not { } last || ranFor >= StableAfter ? FirstDelay
        : TimeSpan.FromTicks(Math.Min(last.Ticks * 2, LongestDelay.Ticks));

    /// <summary>Whether a change of state is a process dying on its own: from running to a terminal state, not via Stopping.</summary>
    public static bool IsCrash(string? previous, string? current) =>
        previous == KnownResourceStates.Running && current is not null && KnownResourceStates.TerminalStates.Contains(current);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = new Dictionary<string, (string? State, DateTimeOffset Since, TimeSpan? Delay)>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is not ProjectResource project) continue;
                var state = change.Snapshot.State?.Text;
                var before = last.GetValueOrDefault(change.ResourceId, (null, DateTimeOffset.UtcNow, null));
                if (state == before.State) continue;
                if (IsCrash(before.State, state))
                {
                    var delay = NextDelay(before.Delay, DateTimeOffset.UtcNow - before.Since);
                    logger.LogWarning("{Resource} exited on its own (exit code {ExitCode}); starting it again in {Delay}",
                        project.Name, change.Snapshot.ExitCode, delay);
                    _ = RestartAsync(project, delay, stoppingToken);
                    last[change.ResourceId] = (state, DateTimeOffset.UtcNow, delay);
                }
                else
                {
                    last[change.ResourceId] = (state, state == KnownResourceStates.Running ? DateTimeOffset.UtcNow : before.Since, before.Delay);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RestartAsync(ProjectResource project, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            var result = await commands.ExecuteCommandAsync(project, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success) logger.LogError("{Resource} could not be started again: {Message}", project.Name, result.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }
}
