using CommunitySafety.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.Governance.IntegrationTests.GovernanceFixture))]

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class GovernanceFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "governance";
}
