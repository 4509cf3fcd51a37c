using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.TestSupport;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The strategy routes and the set-up most strategy tests need: an assessment, a county body, an agreement agreed by a decision.</summary>
internal static class StrategyApi
{
    public const string Assessments = "/api/governance/strategy/assessments";
    public const string Agreements = "/api/governance/strategy/agreements";

    public static string Agreement(Guid id) => $"{Agreements}/{id}";
    public static string Reviews(Guid id) => $"{Agreement(id)}/reviews";
    public static string Plan(Guid id) => $"{Agreement(id)}/plan";
    public static string Lines(Guid id) => $"{Plan(id)}/lines";
    public static string Actuals(Guid id, Guid lineId) => $"{Lines(id)}/{lineId}/actuals";
    public static string Complete(Guid id, Guid lineId, Guid milestoneId) => $"{Lines(id)}/{lineId}/milestones/{milestoneId}/complete";

    /// <summary>An assessment for <paramref name="year"/>: its id and the id of its first priority.</summary>
    public static async Task<(Guid Id, Guid PriorityId)> SubmitAssessment(this HttpClient admin, int year = 2026, string? partnership = null)
    {
        var id = await (await admin.PostJson(Assessments, new
        {
            partnershipName = partnership ?? GovernanceApi.Unique("CSP"),
            year,
            priorities = new[]
            {
                new { title = "Domestic abuse", evidence = "Repeat victims up 12% on the year (police data)" },
                new { title = "Anti-social behaviour", evidence = "ASB calls up in the town centre" },
            },
        })).CreatedId();
        var assessment = await (await admin.GetAsync($"{Assessments}/{id}")).Json(HttpStatusCode.OK);
        return (id, assessment["priorities"]![0]!["id"]!.GetValue<Guid>());
    }

    public static object Priority(string title, Guid assessmentId, Guid? priorityId = null, Guid? id = null) =>
        new { id, title, rationale = "Drawn from the district assessments", drawsOn = new[] { new { assessmentId, priorityId } } };

    /// <summary>A drafted agreement reporting to a new county body: (agreement, county body, the first priority's id).</summary>
    public static async Task<(Guid Id, Guid CountyBodyId, Guid PriorityId)> DraftAgreement(this HttpClient admin, int year = 2026)
    {
        var county = await admin.CreateBody(GovernanceApi.Unique("Kent Community Safety Partnership"), "Executive");
        var (assessment, assessmentPriority) = await admin.SubmitAssessment(year);
        var id = await (await admin.PostJson(Agreements, new
        {
            year,
            title = $"Kent Community Safety Agreement {year}",
            countyBodyId = county,
            priorities = new[] { Priority("Domestic abuse", assessment, assessmentPriority), Priority("Road safety", assessment) },
        })).CreatedId();
        var agreement = await (await admin.GetAsync(Agreement(id))).Json(HttpStatusCode.OK);
        return (id, county, agreement["versions"]![0]!["priorities"]![0]!["id"]!.GetValue<Guid>());
    }

    /// <summary>The county partnership's decision adopting the document, as Meetings publishes it.</summary>
    public static DecisionRecorded Adopting(Guid documentId, Guid bodyId, bool consensus = true) => new(
        Guid.NewGuid(), Guid.NewGuid(), bodyId, "Agree the Community Safety Agreement", consensus, "5", [Guid.NewGuid()], DateTimeOffset.UtcNow,
        Adopts: [documentId]);

    public static async Task<JsonNode> ReadAgreement(this HttpClient client, Guid id) =>
        await (await client.GetAsync(Agreement(id))).Json(HttpStatusCode.OK);

    /// <summary>Adds a line with one milestone and one measure (100 → 200 referrals); answers its ids.</summary>
    public static async Task<(Guid LineId, Guid MilestoneId, Guid MeasureId)> AddLine(this HttpClient admin, Guid agreementId, Guid priorityId,
        Guid ownerId, string title = "Increase referrals to IDVA services", string dueOn = "2027-03-31")
    {
        var json = await (await admin.PostJson(Lines(agreementId), new
        {
            priorityId, title, ownerOrganisationId = ownerId,
            milestones = new[] { new { title = "Commission the service", dueOn } },
            measures = new[] { new { name = "Referrals", unit = "referrals", baseline = 100, target = 200 } },
        })).Json(HttpStatusCode.OK);
        return (json["lineId"]!.GetValue<Guid>(), json["milestones"]![0]!["id"]!.GetValue<Guid>(), json["measures"]![0]!["id"]!.GetValue<Guid>());
    }
}
