using CommunitySafety.TestSupport;
using System.Globalization;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.Governance.IntegrationTests.GovernanceFixture))]
// The test classes share one host, and a Wolverine tracked session records every message that host sends while it
// runs: two classes tracking at once would each see the other's messages. So test classes run one at a time (the
// concurrency tests make their own parallel requests).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class GovernanceFixture : ServiceFixture<Program>
{
    public const int ReplayEventsPerCall = 3, ReplayEventsPerHour = 8;

    protected override string DatabaseName => "governance";

    /// <summary>Webhook URLs as the end-to-end tests configure them: loopback receivers allowed (http too), private networks not.
    /// Set here, before the host reads its configuration, so no environment's appsettings decides the tests' answers.</summary>
    public GovernanceFixture()
    {
        Environment.SetEnvironmentVariable("Webhooks__AllowLoopbackHttp", "true");
        Environment.SetEnvironmentVariable("Webhooks__AllowPrivateNetworks", "false");
        // deliveries retry within a second, twice, then dead-letter
        Environment.SetEnvironmentVariable("Webhooks__Delivery__RetryScheduleSeconds__0", "1");
        Environment.SetEnvironmentVariable("Webhooks__Delivery__RetryScheduleSeconds__1", "1");
        Environment.SetEnvironmentVariable("Webhooks__Delivery__Jitter", "0");
        // replay budgets a test can spend (DeliveryTests); a replay names the time it starts from, so other tests' events
        // do not take its share
        Environment.SetEnvironmentVariable("Webhooks__Replay__MaxEventsPerCall", ReplayEventsPerCall.ToString(CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Webhooks__Replay__MaxEventsPerHour", ReplayEventsPerHour.ToString(CultureInfo.InvariantCulture));
    }
}
