using System.Net;
using Aspire.Hosting.ApplicationModel;
using CommunitySafety.AppHost;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// One service dying does not take the platform down: the AppHost starts it again on its own, after a back-off, while
/// the others go on answering; a service an operator stops stays stopped until started again.
/// </summary>
public sealed class ServiceRestartTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_killed_service_is_started_again_on_its_own_while_the_others_go_on_answering()
    {
        using var client = platform.Client().WithToken("funding-officer", "governance-admin");
        var crash = platform.Funding.CrashAndRestartAsync(Patience);
        // meanwhile, through the gateway, another service answers as before
        for (var i = 0; i < 5 && !crash.IsCompleted; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/governance/organisations")).StatusCode);
            await Task.Delay(300);
        }
        await crash;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/funding/streams")).StatusCode);
    }

    [Fact]
    public async Task A_service_stopped_by_an_operator_stays_stopped_until_started()
    {
        using var cancel = new CancellationTokenSource(Patience);
        var service = platform.CaseManagement;
        await service.CommandAsync(KnownResourceCommands.StopCommand, cancel.Token);
        try
        {
            await platform.App.ResourceNotifications.WaitForResourceAsync(service.Name, KnownResourceStates.TerminalStates, cancel.Token);
            // longer than the first back-off and the next: no automatic start of a stop that was asked for
            await Task.Delay(CrashedServiceRestarts.FirstDelay * 4, cancel.Token);
            Assert.Contains(service.State, KnownResourceStates.TerminalStates);
        }
        finally
        {
            await service.CommandAsync(KnownResourceCommands.StartCommand, cancel.Token);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(service.Name, cancel.Token);
        }
    }

    [Theory]
    [InlineData(null, 0, 1)]        // the first crash: the shortest wait
    [InlineData(1, 5, 2)]           // dying again soon after: twice as long
    [InlineData(32, 5, 60)]         // never longer than a minute
    [InlineData(60, 5, 60)]
    [InlineData(60, 180, 1)]        // after two minutes running, it starts over
    public void The_back_off_doubles_while_a_service_keeps_dying_and_starts_over_once_it_ran_a_while(int? previous, int ranSeconds, int expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected),
            CrashedServiceRestarts.NextDelay(previous is { } p ? TimeSpan.FromSeconds(p) : null, TimeSpan.FromSeconds(ranSeconds)));

    [Theory]
    [InlineData("Running", "Finished", true)]
    [InlineData("Running", "Exited", true)]
    [InlineData("Stopping", "Finished", false)]   // an operator's stop
    [InlineData("Starting", "FailedToStart", false)]
    [InlineData("Running", "Running", false)]
    public void Only_a_running_process_that_ends_without_being_stopped_is_a_crash(string previous, string current, bool crash) =>
        Assert.Equal(crash, CrashedServiceRestarts.IsCrash(previous, current));
}
