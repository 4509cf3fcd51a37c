using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.Contracts.Governance;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>CaseManagement keeps its own register of ISA signatories from Governance's events.</summary>
public sealed class SignatoryTests(CaseManagementFixture fixture)
{
    [Fact]
    public void Every_Governance_event_CaseManagement_subscribes_to_has_a_handler()
    {
        // Wolverine discovers handlers by class name; a misnamed class would silently drop these messages.
        var runtime = (WolverineRuntime)fixture.Host.Services.GetRequiredService<IWolverineRuntime>();
        Assert.All([typeof(OrganisationRegistered), typeof(IsaSigned), typeof(IsaWithdrawn)],
            t => Assert.True(runtime.Handlers.CanHandle(t), $"No handler for {t.Name}"));
    }

    [Fact]
    public async Task Signing_and_withdrawal_in_any_order_and_repeated_leave_the_latest_state()
    {
        var org = Guid.NewGuid();
        var t0 = DateTimeOffset.UtcNow;
        var signed = new IsaSigned(org, new DateOnly(2026, 1, 1), "CEO", t0);
        var withdrawn = new IsaWithdrawn(org, "Review", t0.AddMinutes(1));

        await fixture.Receive(withdrawn); // arrives first
        await fixture.Receive(signed);
        await fixture.Receive(signed);     // a duplicate delivery
        Assert.False(await IsSignatory(org));

        await fixture.Receive(new IsaSigned(org, new DateOnly(2026, 2, 1), "CEO", t0.AddMinutes(2)));
        Assert.True(await IsSignatory(org));
        await fixture.Receive(new OrganisationRegistered(org, "Kent Police", OrganisationKind.ResponsibleAuthority, t0));
        await using var session = fixture.Store.QuerySession();
        var signatory = await session.LoadAsync<IsaSignatory>(org);
        Assert.Equal(("Kent Police", new DateOnly(2026, 2, 1)), (signatory!.Name, signatory.SignedOn));
    }

    private async Task<bool> IsSignatory(Guid org)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<IsaSignatory>(org))?.IsSignatory == true;
    }
}
