using CommunitySafety.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.Governance.IntegrationTests.GovernanceFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class GovernanceFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "governance";
}
