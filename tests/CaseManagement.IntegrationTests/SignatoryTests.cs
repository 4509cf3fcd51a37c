using CommunitySafety.CaseManagement.Signatories;
using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
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

    [Fact]
    public async Task The_register_keeps_the_review_date_a_signature_past_it_is_not_current_and_a_renewal_restores_access()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var referrer = await fixture.Organisation(signedIsa: true);
        var caseId = await (await fixture.ClientFor(referrer, CaseRoles.CaseWorker).ReferCase(new
        {
            referringOfficer = "PC 5", area = "West",
            incidents = new[] { new { date = "2026-11-01", place = "Quay", description = "Noise" } },
            subjects = new[] { new { role = "Victim", name = "Val Review" } },
        })).CreatedId();

        var org = Guid.NewGuid();
        var t0 = DateTimeOffset.UtcNow;
        await fixture.Receive(new IsaSigned(org, today.AddYears(-1), "CEO", t0, "1.0", today.AddDays(-1)));
        await using (var session = fixture.Store.QuerySession())
            Assert.Equal(today.AddDays(-1), (await session.LoadAsync<IsaSignatory>(org))!.ReviewOn);
        Assert.False(await IsSignatory(org));

        // a lapsed signatory is refused like one that never signed, and its users' attempts are audited
        var worker = fixture.ClientFor(org, CaseRoles.CaseWorker);
        await (await worker.GetCase(caseId)).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await worker.CloseCase(caseId, new { outcome = "Resolved", reason = "x" })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await fixture.ClientFor(org, CaseRoles.PartnershipAdmin).GetAudit()).Problem(HttpStatusCode.Forbidden, "isa-not-signed");

        // the renewal (a later signature) sets a new review date; an older signature delivered late changes nothing
        await fixture.Receive(new IsaSigned(org, today, "CEO", t0.AddMinutes(1), "1.0", today.AddYears(1)));
        await fixture.Receive(new IsaSigned(org, today.AddYears(-1), "CEO", t0, "1.0", today.AddDays(-1)));
        Assert.True(await IsSignatory(org));
        await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
    }

    private async Task<bool> IsSignatory(Guid org)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<IsaSignatory>(org))?.IsCurrentOn(DateOnly.FromDateTime(DateTime.UtcNow)) == true;
    }
}
