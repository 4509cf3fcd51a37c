using System.Globalization;
using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class RiskTests(CaseManagementFixture fixture)
{
    private static readonly string[] QuestionIds =
        ["repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact"];

    private static Dictionary<string, bool> Answers(params string[] yes) => QuestionIds.ToDictionary(q => q, yes.Contains);

    private async Task<(HttpClient Worker, Guid Case)> ReferredCase()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 1", area = "West",
            incidents = new[] { new { date = "2026-11-01", place = "Park", description = "Noise" } },
            subjects = new[] { new { role = "Victim", name = "A Victim" } },
        })).CreatedId();
        return (worker, caseId);
    }

    [Fact]
    public async Task The_matrix_is_published_and_an_assessment_sets_the_risk_and_the_next_review_with_history()
    {
        var matrix = await (await fixture.Client(CaseRoles.CaseWorker).GetRiskMatrix()).Json(HttpStatusCode.OK);
        Assert.Equal(QuestionIds, matrix["questions"]!.AsArray().Select(q => q!["id"]!.GetValue<string>()));

        var (worker, caseId) = await ReferredCase();
        var first = await worker.AssessRisk(caseId, new { answers = Answers("repeat-victim", "vulnerable", "hate") }, "\"1\"");
        var high = await first.Json(HttpStatusCode.OK);
        Assert.Equal(("High", 15), (high["level"]!.GetValue<string>(), high["score"]!.GetValue<int>()));
        Assert.Equal("\"2\"", first.ETag());

        var low = await (await worker.AssessRisk(caseId, new { answers = Answers("children") })).Json(HttpStatusCode.OK);
        Assert.Equal("Low", low["level"]!.GetValue<string>());

        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal("Low", view["risk"]!.GetValue<string>());
        Assert.Equal(low["nextReviewDue"]!.GetValue<string>(), view["nextReviewDue"]!.GetValue<string>());
        Assert.Equal(["High", "Low"], view["riskHistory"]!.AsArray().Select(r => r!["level"]!.GetValue<string>()));
        Assert.True(DateOnly.Parse(low["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture) > DateOnly.Parse(high["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Assessments_answer_bad_input_and_refused_access_with_problems()
    {
        var (worker, caseId) = await ReferredCase();
        var partial = Answers();
        partial.Remove("fear");
        partial["astrology"] = true;
        var invalid = await (await worker.AssessRisk(caseId, new { answers = partial })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["answers.astrology", "answers.fear"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await worker.AssessRisk(caseId, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await worker.PostRaw($"/api/cases/{caseId}/risk-assessments", "{\"answers\": {\"hate\": \"maybe\"}}")).Problem(HttpStatusCode.BadRequest, "bad-request");
        await (await worker.AssessRisk(Guid.NewGuid(), new { answers = Answers() })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.AssessRisk(caseId, new { answers = Answers() }, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        var outsider = fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker);
        await (await outsider.AssessRisk(caseId, new { answers = Answers() })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(Guid.NewGuid(), CaseRoles.PartnershipAdmin)
            .AssessRisk(caseId, new { answers = Answers() })).StatusCode);
    }
}
