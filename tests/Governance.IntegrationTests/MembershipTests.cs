using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

public sealed class MembershipTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    // ---- appointing members ----

    [Fact]
    public async Task Appointing_a_member_answers_the_membership_id_and_version_2_and_publishes_MemberAppointed()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var before = DateTimeOffset.UtcNow;

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = "  Jo Bloggs ", role = "ViceChair" }));

        var membershipId = (await response.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();
        Assert.NotEqual(Guid.Empty, membershipId);
        Assert.Equal("\"2\"", response.ETag());
        var published = tracked.Sent.SingleMessage<MemberAppointed>();
        Assert.Equal((bodyId, membershipId, organisation, "Jo Bloggs", MemberRole.ViceChair),
            (published.BodyId, published.MembershipId, published.OrganisationId, published.PersonName, published.Role));
        Assert.InRange(published.AppointedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"2\"", etag);
        var member = body.Member(membershipId);
        Assert.Equal((organisation, "Jo Bloggs", "ViceChair"),
            (member["organisationId"]!.GetValue<Guid>(), member["personName"]!.GetValue<string>(), member["role"]!.GetValue<string>()));
        Assert.Null(member["endedAt"]);
    }

    [Fact]
    public async Task Appointing_to_an_unknown_body_is_a_404_not_found_problem()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = Guid.NewGuid();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = "Jo Bloggs", role = "Member" }));

        var problem = await response.Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(bodyId.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
    }

    [Fact]
    public async Task Appointing_to_a_body_id_that_is_not_a_guid_is_a_404_problem()
    {
        var organisation = await _admin.RegisterOrganisation();
        var response = await _admin.PostJson($"{BodiesUrl}/not-a-guid/members",
            new { organisationId = organisation, personName = "Jo Bloggs", role = "Member" });
        await response.Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Appointing_for_an_unregistered_organisation_is_refused_with_422()
    {
        var bodyId = await _admin.CreateBody();
        var unknown = Guid.NewGuid();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = unknown, personName = "Jo Bloggs", role = "Member" }));

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-registered");
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"1\"", etag);
        Assert.Empty(body["members"]!.AsArray());
    }

    [Theory]
    [InlineData("Chair", "one-chair")]
    [InlineData("ViceChair", "one-vice-chair")]
    public async Task A_body_has_one_chair_and_one_vice_chair_at_a_time(string role, string rule)
    {
        var organisation = await _admin.RegisterOrganisation();
        var other = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var holder = await _admin.Appoint(bodyId, organisation, "First Holder", role);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = other, personName = "Second Holder", role }));

        var problem = await response.Problem(HttpStatusCode.Conflict, rule);
        Assert.Equal(holder, problem["membershipId"]!.GetValue<Guid>());
        Assert.Contains("First Holder", problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"2\"", etag);
        Assert.Equal([holder], body["members"]!.AsArray().Select(m => m!["membershipId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Once_the_chair_has_stepped_down_a_new_chair_may_be_appointed()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var first = await _admin.Appoint(bodyId, organisation, "First Chair", "Chair");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty(EndUrl(bodyId, first))).StatusCode);

        var second = await _admin.Appoint(bodyId, organisation, "Second Chair", "Chair");

        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"4\"", etag);
        Assert.NotNull(body.Member(first)["endedAt"]);
        Assert.Null(body.Member(second)["endedAt"]);
    }

    [Fact]
    public async Task The_same_person_cannot_represent_the_same_organisation_twice()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        await _admin.Appoint(bodyId, organisation, "Pat Jones", "Chair");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = "  pat JONES ", role = "Member" }));

        await response.Problem(HttpStatusCode.Conflict, "already-a-member");
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
        Assert.Single((await _admin.ReadBody(bodyId)).Body["members"]!.AsArray());
    }

    [Fact]
    public async Task The_same_name_for_another_organisation_or_after_the_membership_ended_is_a_new_member()
    {
        var police = await _admin.RegisterOrganisation();
        var council = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var first = await _admin.Appoint(bodyId, police, "Pat Jones");
        await _admin.Appoint(bodyId, council, "Pat Jones");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty(EndUrl(bodyId, first))).StatusCode);

        var again = await _admin.Appoint(bodyId, police, "Pat Jones");

        var (body, _) = await _admin.ReadBody(bodyId);
        Assert.Equal(3, body["members"]!.AsArray().Count);
        Assert.Null(body.Member(again)["endedAt"]);
    }

    public static TheoryData<string, string[]> InvalidAppointments => new()
    {
        { """{"organisationId":"00000000-0000-0000-0000-000000000000","personName":"Jo","role":"Member"}""", ["organisationId"] },
        { """{"personName":"Jo","role":"Member"}""", ["organisationId"] },
        { """{"organisationId":"0195c2a4-0000-7000-8000-000000000001","role":"Member"}""", ["personName"] },
        { """{"organisationId":"0195c2a4-0000-7000-8000-000000000001","personName":"  ","role":"Member"}""", ["personName"] },
        { $$"""{"organisationId":"0195c2a4-0000-7000-8000-000000000001","personName":"{{new string('j', 201)}}","role":"Member"}""", ["personName"] },
        { """{"organisationId":"0195c2a4-0000-7000-8000-000000000001","personName":"Jo"}""", ["role"] },
        { """{"organisationId":"0195c2a4-0000-7000-8000-000000000001","personName":"Jo","role":9}""", ["role"] },
        { """{}""", ["organisationId", "personName", "role"] },
    };

    [Theory, MemberData(nameof(InvalidAppointments))]
    public async Task An_invalid_appointment_is_a_validation_problem_naming_the_fields(string json, string[] fields)
    {
        var bodyId = await _admin.CreateBody();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(MembersUrl(bodyId), json));

        await response.ValidationProblem(fields);
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
    }

    [Theory]
    [InlineData("""{"organisationId":"0195c2a4-0000-7000-8000-000000000001","personName":"Jo","role":"Treasurer"}""")]
    [InlineData("""{"organisationId":"not-a-guid","personName":"Jo","role":"Member"}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task An_unreadable_appointment_is_a_400_problem(string json)
    {
        var bodyId = await _admin.CreateBody();
        await (await _admin.PostRaw(MembersUrl(bodyId), json)).UnreadableBodyProblem();
    }

    // ---- substitutes ----

    [Fact]
    public async Task Naming_a_substitute_answers_its_id_and_publishes_SubstituteNamed()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = " Chris Deputy  " }));

        var substituteId = (await response.Json(HttpStatusCode.OK))["substituteId"]!.GetValue<Guid>();
        Assert.NotEqual(Guid.Empty, substituteId);
        Assert.Equal("\"3\"", response.ETag());
        var published = tracked.Sent.SingleMessage<SubstituteNamed>();
        Assert.Equal((bodyId, membershipId, substituteId, "Chris Deputy"),
            (published.BodyId, published.MembershipId, published.SubstituteId, published.SubstituteName));

        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"3\"", etag);
        var substitute = Assert.Single(body.Member(membershipId)["substitutes"]!.AsArray())!;
        Assert.Equal((substituteId, "Chris Deputy"), (substitute["substituteId"]!.GetValue<Guid>(), substitute["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_substitute_for_an_unknown_membership_is_a_404_membership_not_found_problem()
    {
        var bodyId = await _admin.CreateBody();
        var unknown = Guid.NewGuid();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(SubstitutesUrl(bodyId, unknown), new { name = "Chris Deputy" }));

        var problem = await response.Problem(HttpStatusCode.NotFound, "membership-not-found");
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<SubstituteNamed>());
    }

    [Fact]
    public async Task A_substitute_on_an_unknown_body_is_a_404_not_found_problem()
    {
        await (await _admin.PostJson(SubstitutesUrl(Guid.NewGuid(), Guid.NewGuid()), new { name = "Chris Deputy" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_same_substitute_cannot_be_named_twice()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");
        await _admin.NameSubstitute(bodyId, membershipId, "Chris Deputy");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = "CHRIS deputy " }));

        await response.Problem(HttpStatusCode.Conflict, "substitute-already-named");
        Assert.Empty(tracked.Sent.MessagesOf<SubstituteNamed>());
        Assert.Single((await _admin.ReadBody(bodyId)).Body.Member(membershipId)["substitutes"]!.AsArray());
    }

    [Fact]
    public async Task A_member_cannot_be_their_own_substitute()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = " jo bloggs" }));

        await response.Problem(HttpStatusCode.UnprocessableEntity, "substitute-is-member");
        Assert.Empty(tracked.Sent.MessagesOf<SubstituteNamed>());
        Assert.Empty((await _admin.ReadBody(bodyId)).Body.Member(membershipId)["substitutes"]!.AsArray());
    }

    [Fact]
    public async Task A_substitute_cannot_be_named_for_an_ended_membership()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty(EndUrl(bodyId, membershipId))).StatusCode);

        await (await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = "Chris Deputy" }))
            .Problem(HttpStatusCode.Conflict, "membership-ended");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"name":"   "}""")]
    public async Task A_substitute_without_a_name_is_a_validation_problem(string json)
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        await (await _admin.PostRaw(SubstitutesUrl(bodyId, membershipId), json)).ValidationProblem("name");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"name":""")]
    [InlineData("""{"name":["Chris"]}""")]
    public async Task An_unreadable_substitute_is_a_400_problem(string json)
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        await (await _admin.PostRaw(SubstitutesUrl(bodyId, membershipId), json)).UnreadableBodyProblem();
        Assert.Empty((await _admin.ReadBody(bodyId)).Body.Member(membershipId)["substitutes"]!.AsArray());
    }

    [Fact]
    public async Task A_substitute_name_over_200_characters_is_a_validation_problem()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        await (await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = new string('s', 201) })).ValidationProblem("name");
    }

    // ---- ending memberships ----

    [Fact]
    public async Task Ending_a_membership_answers_204_with_the_new_version_and_publishes_MembershipEnded()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");
        var before = DateTimeOffset.UtcNow;

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostEmpty(EndUrl(bodyId, membershipId)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"3\"", response.ETag());
        var published = tracked.Sent.SingleMessage<MembershipEnded>();
        Assert.Equal((bodyId, membershipId), (published.BodyId, published.MembershipId));
        Assert.InRange(published.EndedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"3\"", etag);
        var member = body.Member(membershipId);
        Assert.Equal(published.EndedAt, member["endedAt"]!.GetValue<DateTimeOffset>());
        Assert.False(member["isCurrent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ending_a_membership_twice_is_refused_with_409_membership_ended()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty(EndUrl(bodyId, membershipId))).StatusCode);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostEmpty(EndUrl(bodyId, membershipId)));

        await response.Problem(HttpStatusCode.Conflict, "membership-ended");
        Assert.Empty(tracked.Sent.MessagesOf<MembershipEnded>());
        Assert.Equal("\"3\"", (await _admin.ReadBody(bodyId)).ETag);
    }

    [Fact]
    public async Task Ending_an_unknown_membership_is_a_404_membership_not_found_problem()
    {
        var bodyId = await _admin.CreateBody();
        await (await _admin.PostEmpty(EndUrl(bodyId, Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "membership-not-found");
    }

    [Fact]
    public async Task Ending_a_membership_of_an_unknown_body_is_a_404_not_found_problem()
    {
        await (await _admin.PostEmpty(EndUrl(Guid.NewGuid(), Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_empty_id_names_no_body_a_404_not_a_server_error()
    {
        var organisation = await _admin.RegisterOrganisation();
        await (await _admin.PostEmpty(EndUrl(Guid.Empty, Guid.Empty))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson(MembersUrl(Guid.Empty), new { organisationId = organisation, personName = "Jo", role = "Member" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.GetAsync($"/api/governance/bodies/{Guid.Empty}")).Problem(HttpStatusCode.NotFound, "not-found");
    }
}
