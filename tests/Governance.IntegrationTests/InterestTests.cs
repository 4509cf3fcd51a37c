using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The register of members' interests: registered per member with dates, ended, listed with current ones flagged.</summary>
public sealed class InterestTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private static DateOnly UtcToday => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string InterestsUrl(Guid bodyId, Guid membershipId) => $"{MembersUrl(bodyId)}/{membershipId}/interests";
    private static string EndInterestUrl(Guid bodyId, Guid membershipId, Guid interestId) => $"{InterestsUrl(bodyId, membershipId)}/{interestId}/end";
    private static string RegisterUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/interests";

    private async Task<(Guid Body, Guid Member, string OrganisationName)> BodyWithMember()
    {
        var body = await _admin.CreateBody();
        var name = Unique("Kent Fire and Rescue Service");
        var organisation = await _admin.RegisterOrganisation(name);
        return (body, await _admin.Appoint(body, organisation, "Jo Bloggs"), name);
    }

    private async Task<Guid> Register(Guid body, Guid member, object interest) =>
        (await (await _admin.PostJson(InterestsUrl(body, member), interest)).Json(HttpStatusCode.OK))["interestId"]!.GetValue<Guid>();

    private async Task<JsonArray> ReadRegister(Guid body) => (await (await _admin.GetAsync(RegisterUrl(body))).Json(HttpStatusCode.OK)).AsArray();

    [Fact]
    public async Task Interests_are_registered_and_ended_and_the_register_names_member_and_organisation_and_flags_current_ones()
    {
        var (body, member, organisationName) = await BodyWithMember();
        var trustee = await Register(body, member, new { category = "MembershipOfOrganisations", description = "  Trustee, Kent Youth Trust ",
            from = Day(UtcToday.AddYears(-1)) });
        var gift = await Register(body, member, new { category = "GiftsAndHospitality", description = "Conference dinner",
            from = Day(UtcToday.AddMonths(-3)), to = Day(UtcToday.AddMonths(-3)) });

        var register = await ReadRegister(body);
        Assert.Equal(2, register.Count);
        var entry = register.Single(e => e!["interestId"]!.GetValue<Guid>() == trustee)!;
        Assert.Equal((member, "Jo Bloggs", organisationName, "MembershipOfOrganisations", "Trustee, Kent Youth Trust", true),
            (entry["membershipId"]!.GetValue<Guid>(), entry["personName"]!.GetValue<string>(), entry["organisationName"]!.GetValue<string>(),
                entry["category"]!.GetValue<string>(), entry["description"]!.GetValue<string>(), entry["current"]!.GetValue<bool>()));
        Assert.Equal(UtcToday.AddYears(-1), entry["from"]!.GetValue<string>().AsDate());
        Assert.Null(entry["to"]);
        Assert.False(register.Single(e => e!["interestId"]!.GetValue<Guid>() == gift)!["current"]!.GetValue<bool>());

        var ended = await _admin.PostJson(EndInterestUrl(body, member, trustee), new { on = Day(UtcToday.AddDays(-2)) });
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        entry = (await ReadRegister(body)).Single(e => e!["interestId"]!.GetValue<Guid>() == trustee)!;
        Assert.Equal((UtcToday.AddDays(-2), false), (entry["to"]!.GetValue<string>().AsDate(), entry["current"]!.GetValue<bool>()));
        Assert.Equal(2, (await _admin.ReadBody(body)).Body["interests"]!.AsArray().Count);
    }

    public static TheoryData<string, string[]> InvalidInterests => new()
    {
        { """{"description":"Shop","from":"2026-01-01"}""", ["category"] },
        { """{"category":"Property","from":"2026-01-01"}""", ["description"] },
        { """{"category":"Property","description":"  ","from":"2026-01-01"}""", ["description"] },
        { $$"""{"category":"Property","description":"{{new string('d', 2001)}}","from":"2026-01-01"}""", ["description"] },
        { """{"category":"Property","description":"Shop"}""", ["from"] },
        { """{}""", ["category", "description", "from"] },
    };

    [Theory, MemberData(nameof(InvalidInterests))]
    public async Task An_invalid_interest_is_a_400_validation_problem_naming_the_fields(string json, string[] fields)
    {
        var (body, member, _) = await BodyWithMember();
        await (await _admin.PostRaw(InterestsUrl(body, member), json)).ValidationProblem(fields);
        Assert.Empty(await ReadRegister(body));
    }

    [Theory]
    [InlineData("""{"category":"Shares","description":"Shop","from":"2026-01-01"}""")]
    [InlineData("""{"category":"Property","description":"Shop","from":"01/01/2026"}""")]
    [InlineData("null")]
    public async Task An_unreadable_interest_is_a_400_problem(string json)
    {
        var (body, member, _) = await BodyWithMember();
        await (await _admin.PostRaw(InterestsUrl(body, member), json)).UnreadableBodyProblem();
    }

    [Fact]
    public async Task Ending_without_a_date_is_a_400_validation_problem()
    {
        var (body, member, _) = await BodyWithMember();
        var interest = await Register(body, member, new { category = "Employment", description = "Adviser", from = "2025-01-01" });
        await (await _admin.PostRaw(EndInterestUrl(body, member, interest), "{}")).ValidationProblem("on");
    }

    [Fact]
    public async Task Unknown_bodies_members_and_interests_are_404_problems()
    {
        var unknown = Guid.NewGuid();
        var interest = new { category = "Employment", description = "Adviser", from = "2025-01-01" };
        await (await _admin.PostJson(InterestsUrl(unknown, Guid.NewGuid()), interest)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.GetAsync(RegisterUrl(unknown))).Problem(HttpStatusCode.NotFound, "not-found");

        var (body, member, _) = await BodyWithMember();
        await (await _admin.PostJson(InterestsUrl(body, Guid.NewGuid()), interest)).Problem(HttpStatusCode.NotFound, "membership-not-found");
        await (await _admin.PostJson(EndInterestUrl(body, member, Guid.NewGuid()), new { on = "2025-06-01" })).Problem(HttpStatusCode.NotFound, "interest-not-found");
        var id = await Register(body, member, interest);
        await (await _admin.PostJson(EndInterestUrl(body, Guid.NewGuid(), id), new { on = "2025-06-01" })).Problem(HttpStatusCode.NotFound, "membership-not-found");
    }

    [Fact]
    public async Task Dates_out_of_order_are_422_problems()
    {
        var (body, member, _) = await BodyWithMember();
        var problem = await (await _admin.PostJson(InterestsUrl(body, member), new { category = "Property", description = "Shop", from = "2026-03-01", to = "2026-02-28" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "interest-ends-before-it-starts");
        Assert.Equal(("2026-03-01", "2026-02-28"), (problem["from"]!.GetValue<string>(), problem["to"]!.GetValue<string>()));

        var interest = await Register(body, member, new { category = "Property", description = "Shop", from = "2026-03-01" });
        await (await _admin.PostJson(EndInterestUrl(body, member, interest), new { on = "2026-02-01" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "interest-ends-before-it-starts");
        Assert.Null((await ReadRegister(body)).Single()!["to"]);
    }

    [Fact]
    public async Task Ending_twice_registering_twice_and_registering_for_an_ended_membership_are_409_problems()
    {
        var (body, member, _) = await BodyWithMember();
        var interest = new { category = "Employment", description = "Adviser to a housing association", from = "2025-01-01" };
        var id = await Register(body, member, interest);
        await (await _admin.PostJson(InterestsUrl(body, member), interest)).Problem(HttpStatusCode.Conflict, "interest-already-registered");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostJson(EndInterestUrl(body, member, id), new { on = "2025-06-01" })).StatusCode);
        await (await _admin.PostJson(EndInterestUrl(body, member, id), new { on = "2025-07-01" })).Problem(HttpStatusCode.Conflict, "interest-already-ended");

        await _admin.PostEmpty(EndUrl(body, member));
        await (await _admin.PostJson(InterestsUrl(body, member), new { category = "Other", description = "x", from = "2025-01-01" }))
            .Problem(HttpStatusCode.Conflict, "membership-ended");
    }

    [Fact]
    public async Task Only_governance_admins_keep_the_register_and_any_authenticated_user_reads_it()
    {
        var (body, member, _) = await BodyWithMember();
        var interest = new { category = "Employment", description = "Adviser", from = "2025-01-01" };
        await (await fixture.Client("meetings-clerk").PostJson(InterestsUrl(body, member), interest)).Problem(HttpStatusCode.Forbidden);
        await (await fixture.Client().PostJson(InterestsUrl(body, member), interest)).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Client().GetAsync(RegisterUrl(body))).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Client("meetings-clerk").GetAsync(RegisterUrl(body))).Json(HttpStatusCode.OK);
    }
}
