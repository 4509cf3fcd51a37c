using System.Net;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.StrategyApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The strategy cycle: local strategic assessments, the county Community Safety Agreement drafted from them, agreed by a
/// decision of the county partnership (Meetings' DecisionRecorded with <c>adopts</c>), reviewed every year.</summary>
public sealed class StrategyTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    [Fact]
    public async Task Strategic_assessments_are_submitted_once_per_partnership_and_year_and_listed_by_year()
    {
        var name = GovernanceApi.Unique("Dartford CSP");
        var (id, _) = await _admin.SubmitAssessment(2024, name);
        await (await _admin.PostJson(Assessments, new { partnershipName = name.ToUpperInvariant(), year = 2024, priorities = new[] { new { title = "t", evidence = "e" } } }))
            .Problem(HttpStatusCode.Conflict, "assessment-already-submitted");
        await _admin.SubmitAssessment(2025, name);

        var of2024 = await _admin.AllPages($"{Assessments}?year=2024");
        Assert.Contains(of2024, a => a!["id"]!.GetValue<Guid>() == id);
        Assert.All(of2024, a => Assert.Equal(2024, a!["year"]!.GetValue<int>()));
        var assessment = await (await _admin.GetAsync($"{Assessments}/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(2, assessment["priorities"]!.AsArray().Count);
        Assert.StartsWith("Repeat victims", assessment["priorities"]![0]!["evidence"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assessment_requests_that_cannot_be_taken_are_answered_400_404_401_or_403()
    {
        await (await _admin.PostJson(Assessments, new { partnershipName = "", year = 1999, priorities = Array.Empty<object>() }))
            .ValidationProblem("partnershipName", "year", "priorities");
        await (await _admin.PostJson(Assessments, new { partnershipName = "CSP", year = 2026, priorities = new[] { new { title = "t", evidence = "" } } }))
            .ValidationProblem("priorities[0].evidence");
        await (await _admin.PostJson(Assessments, null)).UnreadableBodyProblem();
        await (await _admin.PostRaw(Assessments, """{"year":"soon"}""")).UnreadableBodyProblem();
        await (await _admin.GetAsync($"{Assessments}?year=soon")).Problem(HttpStatusCode.BadRequest);
        await (await _admin.GetAsync($"{Assessments}/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().PostJson(Assessments, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("organisation-admin").PostJson(Assessments, new { })).StatusCode);
    }

    [Fact]
    public async Task An_agreement_is_drafted_from_assessments_for_a_county_body_and_agreed_by_its_consensus_decision()
    {
        var (id, county, _) = await _admin.DraftAgreement();
        var draft = await _admin.ReadAgreement(id);
        Assert.Equal(("Draft", county, 2), (draft["status"]!.GetValue<string>(), draft["countyBodyId"]!.GetValue<Guid>(),
            draft["versions"]![0]!["priorities"]!.AsArray().Count));
        var listed = await _admin.AllPages(Agreements);
        Assert.Contains(listed, a => a!["id"]!.GetValue<Guid>() == id);

        // a decision without consensus, and one of another body, are recorded as ignored
        var split = Adopting(id, county, consensus: false);
        await fixture.Receive(split);
        await fixture.Receive(Adopting(id, Guid.NewGuid()));
        var notYet = await _admin.ReadAgreement(id);
        Assert.Equal("Draft", notYet["status"]!.GetValue<string>());
        Assert.Equal(2, notYet["ignoredAdoptions"]!.AsArray().Count);

        var decision = Adopting(id, county);
        await fixture.Receive(decision);
        await fixture.Receive(decision); // redelivered: nothing more
        var agreed = await _admin.ReadAgreement(id);
        Assert.Equal("Agreed", agreed["status"]!.GetValue<string>());
        Assert.Equal(decision.DecisionId, agreed["versions"]![0]!["agreedByDecisionId"]!.GetValue<Guid>());
        Assert.Equal(decision.MeetingId, agreed["versions"]![0]!["agreedAtMeetingId"]!.GetValue<Guid>());
        Assert.Equal(2, agreed["ignoredAdoptions"]!.AsArray().Count);

        // a decision adopting some other document leaves agreements alone
        await fixture.Receive(Adopting(Guid.NewGuid(), county));
    }

    [Fact]
    public async Task Drafts_that_cannot_be_taken_are_answered_400_or_422_naming_the_rule()
    {
        var county = await _admin.CreateBody(GovernanceApi.Unique("KCSP"), "Executive");
        var (assessment, priority) = await _admin.SubmitAssessment(2026);
        object Draft(Guid countyBodyId, object priority) => new { year = 2026, title = "CSA", countyBodyId, priorities = new[] { priority } };

        await (await _admin.PostJson(Agreements, new { year = 3000, title = "", countyBodyId = Guid.Empty, priorities = (object[]?)null }))
            .ValidationProblem("year", "title", "countyBodyId", "priorities");
        await (await _admin.PostJson(Agreements, Draft(county, new { title = "DA", rationale = "r", drawsOn = Array.Empty<object>() })))
            .ValidationProblem("priorities[0].drawsOn");
        await (await _admin.PostJson(Agreements, Draft(Guid.NewGuid(), Priority("DA", assessment))))
            .Problem(HttpStatusCode.UnprocessableEntity, "county-body-not-found");
        await (await _admin.PostJson(Agreements, Draft(county, Priority("DA", Guid.NewGuid()))))
            .Problem(HttpStatusCode.UnprocessableEntity, "assessment-not-found");
        await (await _admin.PostJson(Agreements, Draft(county, Priority("DA", assessment, Guid.NewGuid()))))
            .Problem(HttpStatusCode.UnprocessableEntity, "assessment-priority-not-found");
        await (await _admin.PostJson(Agreements, new { year = 2025, title = "CSA", countyBodyId = county, priorities = new[] { Priority("DA", assessment, priority) } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "assessment-after-agreement-year");
        await (await _admin.GetAsync(Agreement(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_annual_review_records_no_change_or_refreshes_the_priorities_as_a_new_version_for_a_decision_to_agree()
    {
        var (id, county, priority) = await _admin.DraftAgreement(2026);
        var (assessment, _) = await _admin.SubmitAssessment(2027);
        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "NoChange", notes = "Too early" }))
            .Problem(HttpStatusCode.Conflict, "agreement-not-agreed");
        await fixture.Receive(Adopting(id, county));

        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "NoChange", notes = "The priorities still stand" })).Json(HttpStatusCode.OK);
        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "NoChange", notes = "Again" }))
            .Problem(HttpStatusCode.Conflict, "already-reviewed");
        await (await _admin.PostJson(Reviews(id), new { year = 2025, outcome = "NoChange", notes = "Earlier" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "review-year-not-after-plan-year");

        await (await _admin.PostJson(Reviews(id), new { year = 2028, outcome = "Refreshed", notes = "Knife crime added",
                priorities = new[] { Priority("Domestic abuse and stalking", assessment, id: priority), Priority("Knife crime", assessment) } }))
            .Json(HttpStatusCode.OK);
        var refreshed = await _admin.ReadAgreement(id);
        Assert.Equal(("RefreshAwaitingAdoption", 2028, 2), (refreshed["status"]!.GetValue<string>(), refreshed["planYear"]!.GetValue<int>(),
            refreshed["versions"]!.AsArray().Count));
        Assert.Equal(priority, refreshed["versions"]![1]!["priorities"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal(["NoChange", "Refreshed"], refreshed["reviews"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()));
        await (await _admin.PostJson(Reviews(id), new { year = 2029, outcome = "NoChange", notes = "n" }))
            .Problem(HttpStatusCode.Conflict, "refresh-awaiting-adoption");

        var decision = Adopting(id, county);
        await fixture.Receive(decision);
        var adopted = await _admin.ReadAgreement(id);
        Assert.Equal("Agreed", adopted["status"]!.GetValue<string>());
        Assert.Equal(decision.DecisionId, adopted["versions"]![1]!["agreedByDecisionId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Reviews_that_cannot_be_taken_are_answered_400_404_or_422()
    {
        var (id, county, _) = await _admin.DraftAgreement();
        await fixture.Receive(Adopting(id, county));
        var (assessment, _) = await _admin.SubmitAssessment(2026);

        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "Refreshed", notes = "n" })).ValidationProblem("priorities");
        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "NoChange", notes = "n", priorities = new[] { Priority("x", assessment) } }))
            .ValidationProblem("priorities");
        await (await _admin.PostJson(Reviews(id), new { year = 2027, notes = "" })).ValidationProblem("outcome", "notes");
        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "Sometimes", notes = "n" })).UnreadableBodyProblem();
        await (await _admin.PostJson(Reviews(Guid.NewGuid()), new { year = 2027, outcome = "NoChange", notes = "n" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson(Reviews(id), new { year = 2027, outcome = "Refreshed", notes = "n", priorities = new[] { Priority("x", assessment, id: Guid.NewGuid()) } }))
            .Problem(HttpStatusCode.UnprocessableEntity, "priority-not-found");
    }
}
