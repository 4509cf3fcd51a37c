using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
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
        Type[] contracts = [typeof(OrganisationRegistered), typeof(BodyCreated), typeof(MemberAppointed), typeof(SubstituteNamed), typeof(MembershipEnded),
            typeof(BodyMarkedConfidential), typeof(BodyParentChanged), typeof(TermsOfReferenceVersionDrafted)];
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

        var view = await (await _client.GetBody(bodyId)).Json(HttpStatusCode.OK);
        Assert.Equal(3, view["body"]!["quorumMinimum"]!.GetValue<int>());
        var member = Assert.Single(view["members"]!.AsArray())!;
        Assert.Equal("Pat Member", member["personName"]!.GetValue<string>());
        Assert.Equal("ViceChair", member["role"]!.GetValue<string>());
        Assert.True(member["isCurrent"]!.GetValue<bool>());
        Assert.Equal("Deputy", Assert.Single(member["substitutes"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal("ResponsibleAuthority", Assert.Single(view["organisations"]!.AsArray())!["kind"]!.GetValue<string>());

        await fixture.Receive(new MembershipEnded(bodyId, membershipId, now));
        view = await (await _client.GetBody(bodyId)).Json(HttpStatusCode.OK);
        Assert.False(view["members"]![0]!["isCurrent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_body_is_a_404_problem()
    {
        await (await _client.GetBody(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_collective_seat_is_kept_with_the_authorities_it_represents_and_counts_once_for_quorum()
    {
        var body = await fixture.SeedBody(); // five authorities' members, 0–4
        var now = DateTimeOffset.UtcNow;
        var members = (await (await _client.GetBody(body.BodyId)).Json(HttpStatusCode.OK))["members"]!.AsArray();
        Guid OrgOf(Guid membership) => members.Single(m => m!["id"]!.GetValue<Guid>() == membership)!["organisationId"]!.GetValue<Guid>();
        // a collective seat for authorities 0, 1 and 2, held by an officer of authority 0
        var seat = new MemberAppointed(body.BodyId, Guid.NewGuid(), OrgOf(body.Members[0]), "Pat Officer", MemberRole.Member, now,
            [OrgOf(body.Members[0]), OrgOf(body.Members[1]), OrgOf(body.Members[2])]);
        await fixture.Receive(seat);
        var view = await (await _client.GetBody(body.BodyId)).Json(HttpStatusCode.OK);
        Assert.Equal(3, view["members"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == seat.MembershipId)!["represents"]!.AsArray().Count);

        var meeting = await (await _client.ScheduleMeeting(new { bodyId = body.BodyId, startsAt = now.AddHours(-1) })).CreatedId();
        foreach (var m in new[] { seat.MembershipId, body.Members[3], body.Members[4] })
            await _client.RecordAttendance(meeting, new { membershipId = m, kind = "Present" });
        var quorum = await (await _client.GetQuorum(meeting)).Json(HttpStatusCode.OK);
        Assert.Equal((false, 3), (quorum["isQuorate"]!.GetValue<bool>(), quorum["authoritiesRepresented"]!.AsArray().Count));
    }
}
