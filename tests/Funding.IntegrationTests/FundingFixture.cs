using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.Funding.IntegrationTests.FundingFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class FundingFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "funding";

    /// <summary>An organisation Governance announced.</summary>
    public async Task<Guid> Organisation(string? name = null)
    {
        var id = Guid.NewGuid();
        await Receive(new OrganisationRegistered(id, name ?? "Organisation " + id.ToString("N")[..6], OrganisationKind.CooperatingBody, DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>A decision Meetings recorded and published.</summary>
    public async Task<Guid> Decision(bool consensusReached = true, string text = "Fund the project")
    {
        var id = Guid.NewGuid();
        await Receive(new DecisionRecorded(id, Guid.NewGuid(), Guid.NewGuid(), text, consensusReached, "Item 4", [], DateTimeOffset.UtcNow));
        return id;
    }
}
