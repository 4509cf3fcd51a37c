using System.Globalization;
using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Collective seats: one member for a group of authorities (e.g. the district councils), once each has approved.</summary>
public sealed class RepresentationTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private static string ApprovalsUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/representation-approvals";

    private Task<HttpResponseMessage> Approve(Guid bodyId, Guid organisationId, string personName = "Pat Officer", string approvedOn = "2026-11-01") =>
        _admin.PostJson(ApprovalsUrl(bodyId), new { organisationId, personName, approvedBy = "Chief Executive", approvedOn });

    [Fact]
    public async Task A_collective_seat_is_refused_until_every_represented_authority_has_approved_and_is_then_published_with_the_group()
    {
        var body = await _admin.CreateBody(kind: "Executive");
        var dover = await _admin.RegisterOrganisation(Unique("Dover District Council"));
        var thanet = await _admin.RegisterOrganisation(Unique("Thanet District Council"));
        var swale = await _admin.RegisterOrganisation(Unique("Swale Borough Council"));
        Assert.Equal(HttpStatusCode.NoContent, (await Approve(body, dover)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Approve(body, thanet)).StatusCode);

        var seat = new { organisationId = dover, personName = "Pat Officer", role = "Member", represents = new[] { dover, thanet, swale } };
        var refused = await (await _admin.PostJson(MembersUrl(body), seat)).Problem(HttpStatusCode.Conflict, "approvals-missing");
        Assert.Equal([swale], refused["missing"]!.AsArray().Select(m => m!.GetValue<Guid>()));

        Assert.Equal(HttpStatusCode.NoContent, (await Approve(body, swale)).StatusCode);
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(body), seat));
        var membershipId = (await response.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();
        Assert.Equal([dover, thanet, swale], tracked.Sent.SingleMessage<MemberAppointed>().Represents!);

        var (read, _) = await _admin.ReadBody(body);
        Assert.Equal([dover, thanet, swale], read.Member(membershipId)["represents"]!.AsArray().Select(m => m!.GetValue<Guid>()));
        Assert.Equal(3, read["representationApprovals"]!.AsArray().Count);
    }

    [Fact]
    public async Task Approvals_and_seats_answer_bad_input_and_broken_rules_with_problems()
    {
        var body = await _admin.CreateBody();
        var council = await _admin.RegisterOrganisation();
        var vru = await _admin.RegisterOrganisation(kind: "CooperatingBody");
        await (await _admin.PostJson(ApprovalsUrl(body), new { })).ValidationProblem("organisationId", "personName", "approvedBy", "approvedOn");
        await (await Approve(body, vru)).Problem(HttpStatusCode.UnprocessableEntity, "not-an-authority");
        await (await Approve(body, Guid.NewGuid())).Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-registered");
        await (await Approve(body, council, approvedOn: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Problem(HttpStatusCode.UnprocessableEntity, "approved-in-future");
        await (await Approve(Guid.NewGuid(), council)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await Approve(body, council)).StatusCode);
        await (await Approve(body, council, "PAT OFFICER")).Problem(HttpStatusCode.Conflict, "already-approved");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("meetings-secretary").PostJson(ApprovalsUrl(body),
            new { organisationId = council, personName = "Pat Officer", approvedBy = "CEO", approvedOn = "2026-11-01" })).StatusCode);

        await (await _admin.PostJson(MembersUrl(body), new { organisationId = council, personName = "Pat Officer", role = "Member", represents = new[] { council } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "collective-seat-too-small");
        await (await _admin.PostJson(MembersUrl(body), new { organisationId = council, personName = "Pat Officer", role = "Member", represents = new[] { council, Guid.Empty } }))
            .ValidationProblem("represents");
        await (await _admin.PostJson(MembersUrl(body), new { organisationId = council, personName = "Pat Officer", role = "Member", represents = new[] { council, Guid.NewGuid() } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-registered");
    }
}
