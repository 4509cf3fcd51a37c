using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.CaseManagement.IntegrationTests.CaseManagementFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class CaseManagementFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "casemanagement";

    /// <summary>An organisation Governance announced, optionally one that signed the ISA.</summary>
    public async Task<Guid> Organisation(bool signedIsa)
    {
        var id = Guid.NewGuid();
        await Receive(new OrganisationRegistered(id, "Organisation " + id.ToString("N")[..6], OrganisationKind.ResponsibleAuthority, DateTimeOffset.UtcNow));
        if (signedIsa) await Receive(new IsaSigned(id, new DateOnly(2026, 1, 5), "Chief Executive", DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>Rows of the service's database whose text contains <paramref name="needle"/>.</summary>
    public Task<int> RowsContaining(string needle) =>
        Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, needle);
}
