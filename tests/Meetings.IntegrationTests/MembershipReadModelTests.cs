using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>Meetings builds the membership it needs for quorum from Governance's integration events.</summary>
public sealed class MembershipReadModelTests(MeetingsFixture fixture)
{
    private readonly HttpClient _client = fixture.Client(MeetingsRoles.Secretary);

    [Fact]
    public void Every_Governance_event_Meetings_subscribes_to_has_a_handler()
    {
        // Wolverine discovers handlers by class name; a misnamed class would silently drop these messages.
        var runtime = (WolverineRuntime)fixture.Host.Services.GetRequiredService<IWolverineRuntime>();
        Type[] contracts = [typeof(OrganisationRegistered), typeof(BodyCreated), typeof(MemberAppointed), typeof(SubstituteNamed), typeof(MembershipEnded)];
        Assert.All(contracts, t => Assert.True(runtime.Handlers.CanHandle(t), $"No handler for {t.Name}"));
    }

    [Fact]
    public async Task Each_event_updates_the_read_model_in_any_order_and_duplicates_change_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        var bodyId = Guid.NewGuid();
        var orgId = Guid.NewGuid();
        var membershipId = Guid.NewGuid();
        var substitute = new SubstituteNamed(bodyId, membershipId, Guid.NewGuid(), "Deputy", now);

        // the substitute and the organisation arrive before the appointment and the body
        await fixture.Receive(substitute);
        await fixture.Receive(new OrganisationRegistered(orgId, "Kent Fire and Rescue", OrganisationKind.ResponsibleAuthority, now));
        await fixture.Receive(new MemberAppointed(bodyId, membershipId, orgId, "Pat Member", MemberRole.ViceChair, now));
        await fixture.Receive(new BodyCreated(bodyId, "Steering Group", BodyKind.Steering, MeetingCadence.BiMonthly, 3, now));
        await fixture.Receive(substitute); // a duplicate delivery

        var view = await (await _client.GetAsync($"/api/meetings/bodies/{bodyId}")).Json(HttpStatusCode.OK);
        Assert.Equal(3, view["body"]!["quorumMinimum"]!.GetValue<int>());
        var member = Assert.Single(view["members"]!.AsArray())!;
        Assert.Equal("Pat Member", member["personName"]!.GetValue<string>());
        Assert.Equal("ViceChair", member["role"]!.GetValue<string>());
        Assert.True(member["isCurrent"]!.GetValue<bool>());
        Assert.Equal("Deputy", Assert.Single(member["substitutes"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal("ResponsibleAuthority", Assert.Single(view["organisations"]!.AsArray())!["kind"]!.GetValue<string>());

        await fixture.Receive(new MembershipEnded(bodyId, membershipId, now));
        view = await (await _client.GetAsync($"/api/meetings/bodies/{bodyId}")).Json(HttpStatusCode.OK);
        Assert.False(view["members"]![0]!["isCurrent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_body_is_a_404_problem()
    {
        await (await _client.GetAsync($"/api/meetings/bodies/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
