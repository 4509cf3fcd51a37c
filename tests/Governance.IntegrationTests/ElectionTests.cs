using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Chair and Vice Chair elected from the body's members for a term (two years unless said); a reminder is raised before
/// the term ends (scheduled message) and the office is vacant once it lapses.
/// </summary>
public sealed class ElectionTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    /// <summary>Today's date in UTC is never more than a day from today's date in Kent.</summary>
    private static DateOnly UtcToday => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string ElectionsUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/elections";
    private static string OfficesUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/offices";
    private static string RemindersUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/reminders";

    private async Task<(Guid Body, Guid A, Guid B, Guid C)> BodyWithMembers(string firstRole = "Member")
    {
        var body = await _admin.CreateBody();
        var organisation = await _admin.RegisterOrganisation();
        return (body, await _admin.Appoint(body, organisation, "Alex Able", firstRole), await _admin.Appoint(body, organisation, "Bea Bright"),
            await _admin.Appoint(body, organisation, "Cal Clear"));
    }

    private async Task<Guid> Elect(Guid body, object election) =>
        (await (await _admin.PostJson(ElectionsUrl(body), election)).Json(HttpStatusCode.OK))["electionId"]!.GetValue<Guid>();

    private async Task<JsonNode> ReadOffice(Guid body, string office) =>
        (await (await _admin.GetAsync(OfficesUrl(body))).Json(HttpStatusCode.OK)).AsArray().Single(o => o!["office"]!.GetValue<string>() == office)!;

    // ---- electing ----

    [Fact]
    public async Task An_election_records_the_result_makes_the_elected_member_chair_for_two_years_and_publishes_it()
    {
        var (body, a, b, _) = await BodyWithMembers();
        var decision = Guid.NewGuid();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(ElectionsUrl(body),
            new { office = "Chair", candidates = new[] { a, b }, electedMembershipId = b, decisionId = decision }));

        var answer = await response.Json(HttpStatusCode.OK);
        var electionId = answer["electionId"]!.GetValue<Guid>();
        var startsOn = answer["termStartsOn"]!.GetValue<string>().AsDate();
        Assert.InRange(startsOn, UtcToday.AddDays(-1), UtcToday.AddDays(1));
        Assert.Equal(startsOn.AddYears(2), answer["termEndsOn"]!.GetValue<string>().AsDate());
        var elected = tracked.Sent.SingleMessage<OfficeHolderElected>();
        Assert.Equal((body, electionId, Office.Chair, b, (Guid?)decision, startsOn.AddYears(2)),
            (elected.BodyId, elected.ElectionId, elected.Office, elected.MembershipId, elected.DecisionId, elected.TermEndsOn));
        Assert.Equal((b, MemberRole.Chair), (tracked.Sent.SingleMessage<MemberRoleChanged>().MembershipId, tracked.Sent.SingleMessage<MemberRoleChanged>().Role));

        var election = Assert.Single((await (await _admin.GetAsync(ElectionsUrl(body))).Json(HttpStatusCode.OK)).AsArray())!;
        Assert.Equal((electionId, "Chair", b, "Bea Bright", decision),
            (election["electionId"]!.GetValue<Guid>(), election["office"]!.GetValue<string>(), election["electedMembershipId"]!.GetValue<Guid>(),
                election["electedName"]!.GetValue<string>(), election["decisionId"]!.GetValue<Guid>()));
        Assert.Equal([a, b], election["candidates"]!.AsArray().Select(c => c!.GetValue<Guid>()));

        var chair = await ReadOffice(body, "Chair");
        Assert.Equal((b, "Bea Bright", false, startsOn.AddYears(2)),
            (chair["membershipId"]!.GetValue<Guid>(), chair["personName"]!.GetValue<string>(), chair["vacant"]!.GetValue<bool>(), chair["termEndsOn"]!.GetValue<string>().AsDate()));
        Assert.True((await ReadOffice(body, "ViceChair"))["vacant"]!.GetValue<bool>());
        var (read, _) = await _admin.ReadBody(body);
        Assert.Equal("Chair", read.Member(b)["role"]!.GetValue<string>());
        Assert.Equal(startsOn.AddYears(2), Assert.Single(read["offices"]!.AsArray())!["termEndsOn"]!.GetValue<string>().AsDate());
        Assert.Empty(read["reminders"]!.AsArray()); // two years off: no reminder yet
    }

    [Fact]
    public async Task An_elected_chair_replaces_the_appointed_one_and_the_one_chair_rule_of_appointments_still_holds()
    {
        var (body, a, b, _) = await BodyWithMembers(firstRole: "Chair");
        await Elect(body, new { office = "Chair", candidates = new[] { a, b }, electedMembershipId = b });

        var (read, _) = await _admin.ReadBody(body);
        Assert.Equal(("Member", "Chair"), (read.Member(a)["role"]!.GetValue<string>(), read.Member(b)["role"]!.GetValue<string>()));
        var organisation = await _admin.RegisterOrganisation();
        await (await _admin.PostJson(MembersUrl(body), new { organisationId = organisation, personName = "Dee Dale", role = "Chair" }))
            .Problem(HttpStatusCode.Conflict, "one-chair");
    }

    public static TheoryData<string, string[]> InvalidElections => new()
    {
        { """{"candidates":["0196a0e8-0000-7000-8000-000000000001"],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""", ["office"] },
        { """{"office":"Chair","electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""", ["candidates"] },
        { """{"office":"Chair","candidates":[],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""", ["candidates"] },
        { """{"office":"Chair","candidates":["00000000-0000-0000-0000-000000000000"],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""", ["candidates"] },
        { """{"office":"Chair","candidates":["0196a0e8-0000-7000-8000-000000000001","0196a0e8-0000-7000-8000-000000000001"],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""", ["candidates"] },
        { """{"office":"Chair","candidates":["0196a0e8-0000-7000-8000-000000000001"]}""", ["electedMembershipId"] },
        { """{"office":"Chair","candidates":["0196a0e8-0000-7000-8000-000000000001"],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001","decisionId":"00000000-0000-0000-0000-000000000000"}""", ["decisionId"] },
        { """{}""", ["office", "candidates", "electedMembershipId"] },
    };

    [Theory, MemberData(nameof(InvalidElections))]
    public async Task An_invalid_election_is_a_400_validation_problem_naming_the_fields(string json, string[] fields)
    {
        var (body, _, _, _) = await BodyWithMembers();
        await (await _admin.PostRaw(ElectionsUrl(body), json)).ValidationProblem(fields);
        Assert.Empty((await (await _admin.GetAsync(ElectionsUrl(body))).Json(HttpStatusCode.OK)).AsArray());
    }

    [Theory]
    [InlineData("""{"office":"President","candidates":[],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001"}""")]
    [InlineData("""{"office":"Chair","candidates":["0196a0e8-0000-7000-8000-000000000001"],"electedMembershipId":"0196a0e8-0000-7000-8000-000000000001","termEndsOn":"2027-02-30"}""")]
    [InlineData("null")]
    public async Task An_unreadable_election_is_a_400_problem(string json)
    {
        var (body, _, _, _) = await BodyWithMembers();
        await (await _admin.PostRaw(ElectionsUrl(body), json)).UnreadableBodyProblem();
    }

    [Fact]
    public async Task Elections_offices_and_reminders_of_an_unknown_body_are_404_problems()
    {
        var unknown = Guid.NewGuid();
        var member = Guid.NewGuid();
        await (await _admin.PostJson(ElectionsUrl(unknown), new { office = "Chair", candidates = new[] { member }, electedMembershipId = member }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        foreach (var url in new[] { ElectionsUrl(unknown), OfficesUrl(unknown), RemindersUrl(unknown) })
            await (await _admin.GetAsync(url)).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Candidates_not_current_members_an_elected_member_not_standing_and_impossible_terms_are_422_problems()
    {
        var (body, a, b, c) = await BodyWithMembers();
        var stranger = Guid.NewGuid();
        var problem = await (await _admin.PostJson(ElectionsUrl(body), new { office = "Chair", candidates = new[] { a, stranger }, electedMembershipId = a }))
            .Problem(HttpStatusCode.UnprocessableEntity, "candidate-not-a-member");
        Assert.Equal(stranger, problem["membershipId"]!.GetValue<Guid>());
        await _admin.PostEmpty(EndUrl(body, c));
        await (await _admin.PostJson(ElectionsUrl(body), new { office = "Chair", candidates = new[] { a, c }, electedMembershipId = a }))
            .Problem(HttpStatusCode.UnprocessableEntity, "candidate-not-a-member");
        await (await _admin.PostJson(ElectionsUrl(body), new { office = "ViceChair", candidates = new[] { a }, electedMembershipId = b }))
            .Problem(HttpStatusCode.UnprocessableEntity, "elected-not-a-candidate");
        await (await _admin.PostJson(ElectionsUrl(body), new { office = "Chair", candidates = new[] { a }, electedMembershipId = a,
                termStartsOn = "2026-01-10", termEndsOn = "2026-01-10" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "term-ends-before-it-starts");
        await (await _admin.PostJson(ElectionsUrl(body), new { office = "Chair", candidates = new[] { a }, electedMembershipId = a,
                termStartsOn = UtcToday.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "term-starts-in-future");
        Assert.Empty((await (await _admin.GetAsync(ElectionsUrl(body))).Json(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task A_decision_elects_once_per_office_409_and_a_stale_If_Match_is_412()
    {
        var (body, a, b, _) = await BodyWithMembers();
        var decision = Guid.NewGuid();
        var first = await Elect(body, new { office = "Chair", candidates = new[] { a, b }, electedMembershipId = a, decisionId = decision });

        var problem = await (await _admin.PostJson(ElectionsUrl(body), new { office = "Chair", candidates = new[] { b }, electedMembershipId = b, decisionId = decision }))
            .Problem(HttpStatusCode.Conflict, "election-already-recorded");
        Assert.Equal(first, problem["electionId"]!.GetValue<Guid>());
        await (await _admin.PostJson(ElectionsUrl(body), new { office = "ViceChair", candidates = new[] { b }, electedMembershipId = b }, "\"1\""))
            .Problem(HttpStatusCode.PreconditionFailed, "stale-version");
    }

    [Fact]
    public async Task Only_governance_admins_record_elections()
    {
        var (body, a, _, _) = await BodyWithMembers();
        var election = new { office = "Chair", candidates = new[] { a }, electedMembershipId = a };
        await (await fixture.Client("meetings-clerk").PostJson(ElectionsUrl(body), election)).Problem(HttpStatusCode.Forbidden);
        await (await fixture.Client().PostJson(ElectionsUrl(body), election)).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Client("meetings-clerk").GetAsync(OfficesUrl(body))).Json(HttpStatusCode.OK);
    }

    // ---- reminders and vacancies ----

    [Fact]
    public async Task A_term_ending_within_the_reminder_window_raises_the_reminder_by_its_scheduled_message()
    {
        var (body, a, _, _) = await BodyWithMembers();
        var endsOn = UtcToday.AddDays(30); // within the 60 days: the reminder is already due
        var election = await Elect(body, new { office = "ViceChair", candidates = new[] { a }, electedMembershipId = a,
            termStartsOn = UtcToday.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), termEndsOn = endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        JsonNode reminders = new JsonArray();
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
                (reminders = await (await _admin.GetAsync(RemindersUrl(body))).Json(HttpStatusCode.OK)).AsArray().Count > 0)
            .Explained(() => $"Reminders: {reminders.ToJsonString()}");

        var reminder = Assert.Single(reminders.AsArray())!;
        Assert.Equal(("ViceChair", a, "Alex Able", endsOn, election),
            (reminder["office"]!.GetValue<string>(), reminder["membershipId"]!.GetValue<Guid>(), reminder["personName"]!.GetValue<string>(),
                reminder["termEndsOn"]!.GetValue<string>().AsDate(), reminder["electionId"]!.GetValue<Guid>()));
        var office = await ReadOffice(body, "ViceChair");
        Assert.False(office["vacant"]!.GetValue<bool>());
        Assert.NotNull(office["reminderRaisedAt"]);
        Assert.Single((await _admin.ReadBody(body)).Body["reminders"]!.AsArray());
    }

    [Fact]
    public async Task A_reminder_publishes_OfficeTermEnding_once_and_not_for_a_term_superseded_by_a_newer_election()
    {
        var (body, a, b, _) = await BodyWithMembers();
        var endsOn = UtcToday.AddDays(10);
        var election = await Elect(body, new { office = "Chair", candidates = new[] { a }, electedMembershipId = a,
            termStartsOn = UtcToday.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), termEndsOn = endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await (await _admin.GetAsync(RemindersUrl(body))).Json(HttpStatusCode.OK)).AsArray().Count == 1);

        // the scheduled message delivered again (its handler re-checks): nothing more
        var again = await fixture.ReceiveTracked(new Bodies.RemindOfficeTermEnding(body, Office.Chair, election));
        Assert.Empty(again.Sent.MessagesOf<OfficeTermEnding>());

        // a newer election supersedes the term: its reminder no longer applies
        await Elect(body, new { office = "Chair", candidates = new[] { a, b }, electedMembershipId = b });
        var superseded = await fixture.ReceiveTracked(new Bodies.RemindOfficeTermEnding(body, Office.Chair, election));
        Assert.Empty(superseded.Sent.MessagesOf<OfficeTermEnding>());
        Assert.Single((await (await _admin.GetAsync(RemindersUrl(body))).Json(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task The_reminder_handler_raises_the_reminder_and_publishes_OfficeTermEnding()
    {
        var (body, a, _, _) = await BodyWithMembers();
        var endsOn = UtcToday.AddYears(1); // far off: the scheduled reminder is months away; deliver it now, as the scheduler would then
        var election = await Elect(body, new { office = "Chair", candidates = new[] { a }, electedMembershipId = a,
            termEndsOn = endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        var tracked = await fixture.ReceiveTracked(new Bodies.RemindOfficeTermEnding(body, Office.Chair, election));

        var ending = tracked.Sent.SingleMessage<OfficeTermEnding>();
        Assert.Equal((body, Office.Chair, a, endsOn), (ending.BodyId, ending.Office, ending.MembershipId, ending.TermEndsOn));
        Assert.Single((await (await _admin.GetAsync(RemindersUrl(body))).Json(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task A_term_that_has_lapsed_shows_a_vacancy_and_its_scheduled_lapse_makes_the_holder_a_member_again()
    {
        var (body, a, _, _) = await BodyWithMembers();
        var endedOn = UtcToday.AddDays(-3);
        var election = await Elect(body, new { office = "Chair", candidates = new[] { a }, electedMembershipId = a,
            termStartsOn = UtcToday.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), termEndsOn = endedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        // vacant at once, computed against today
        var chair = await ReadOffice(body, "Chair");
        Assert.Equal((true, endedOn.AddDays(1), "TermLapsed"),
            (chair["vacant"]!.GetValue<bool>(), chair["vacantFrom"]!.GetValue<string>().AsDate(), chair["vacancyReason"]!.GetValue<string>()));
        Assert.Null(chair["membershipId"]);

        // and recorded by the lapse, scheduled for the day after the term (already past: handled at once)
        JsonNode read = new JsonObject();
        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
                (read = (await _admin.ReadBody(body)).Body)["offices"]!.AsArray().Single()!["vacantFrom"] is not null)
            .Explained(() => $"Body: {read.ToJsonString()}");
        Assert.Equal("Member", read.Member(a)["role"]!.GetValue<string>());
        Assert.Equal("TermLapsed", read["offices"]![0]!["vacancyReason"]!.GetValue<string>());
        Assert.Empty(read["reminders"]!.AsArray()); // a term already over is not reminded

        // heard again, the lapse changes nothing; the office may be filled again
        var again = await fixture.ReceiveTracked(new Bodies.LapseOfficeTerm(body, Office.Chair, election));
        Assert.Empty(again.Sent.MessagesOf<OfficeVacated>());
        await Elect(body, new { office = "Chair", candidates = new[] { a }, electedMembershipId = a });
        Assert.False((await ReadOffice(body, "Chair"))["vacant"]!.GetValue<bool>());
    }
}

internal static class JsonDates
{
    /// <summary>A JSON date (yyyy-MM-dd) as a <see cref="DateOnly"/>: JsonNode cannot convert one itself.</summary>
    public static DateOnly AsDate(this string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
