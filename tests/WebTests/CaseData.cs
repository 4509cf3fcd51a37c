using CommunitySafety.Web.Api;
using CommunitySafety.Web.Api.Cases;

namespace CommunitySafety.WebTests;

/// <summary>CaseManagement's answers as the case workers' pages read them, with defaults a test overrides.</summary>
public static class CaseData
{
    public static readonly Guid KentPolice = Guid.NewGuid(), Housing = Guid.NewGuid(), Outsider = Guid.NewGuid();

    public static readonly DateOnly Today = DateOnly.FromDateTime(CommunitySafety.Web.UkTime.Local(DateTimeOffset.UtcNow));

    /// <summary>Governance's organisations, as the pages name agencies.</summary>
    public static void ServeOrganisations(FakeGateway gateway) =>
        gateway.Get("/api/governance/organisations", new[]
        {
            new { id = KentPolice, name = "Kent Police" }, new { id = Housing, name = "Ashford Housing" }, new { id = Outsider, name = "Outside Charity" },
        });

    public static readonly RiskMatrix Matrix = new(
        [new("repeat-victim", "Has the victim been targeted repeatedly?", 5), new("violence", "Has there been violence or a threat of violence?", 10),
         new("children", "Are children living in or affected by the situation?", 2)], 8, 15);

    public static CaseDetails Case(Guid? id = null, CaseRisk? risk = CaseRisk.High, CaseStatus status = CaseStatus.Open,
        IReadOnlyList<CaseActionView>? actions = null, IReadOnlyList<InterventionView>? interventions = null, Guid? subjectId = null)
    {
        var caseId = id ?? Guid.NewGuid();
        var history = risk is { } level
            ? new[] { new RiskAssessment(caseId, new Dictionary<string, bool> { ["repeat-victim"] = true, ["violence"] = true, ["children"] = false }, 15, level,
                KentPolice, "Ann Worker", DateTimeOffset.UtcNow.AddDays(-1), Today.AddMonths(1)) }
            : [];
        return new CaseDetails(caseId, "ASB-2026-ABC123", Area.South, KentPolice, "PC 4711 Jones", DateTimeOffset.UtcNow.AddDays(-3),
            [new CaseIncident(Today.AddDays(-5), "Station Road underpass", "Graffiti and threats to commuters")],
            [new CaseSubject(subjectId ?? Guid.NewGuid(), SubjectRole.Perpetrator, false, "Morgan Testcase", new DateOnly(2003, 3, 3), "7 Quiet Lane, Ashford", "07700 900456")],
            ["Station Road, Ashford"], [KentPolice, Housing], risk, risk is null ? null : 15, risk is null ? null : Today.AddMonths(1), history,
            status, [], 3, null, [], actions ?? [], interventions ?? [], [], [], null, null, [], false, null,
            new AccessBasis(KentPolice, "Kent Police", new DateOnly(2026, 4, 1), new DateOnly(2027, 4, 1)));
    }

    public static CaseListEntry Entry(string reference, CaseRisk? risk, DateOnly? review, bool overdue = false, int overdueActions = 0) =>
        new(Guid.NewGuid(), reference, Area.North, risk, risk is null ? null : 10, review, KentPolice, [KentPolice], overdue, overdueActions, DateTimeOffset.UtcNow);
}
