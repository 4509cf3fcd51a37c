using System.Net;
using System.Net.Http.Json;
using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>
/// Every CaseManagement endpoint × every role (case-worker, panel-chair, partnership-admin, a token with no case role, no
/// token) × the user's organisation being a current ISA signatory, not a signatory, or a signatory past its review date (and,
/// where a case is read or erased, the case referred by the user's own organisation or another): the expected answer, and
/// the audit entry every one of those requests leaves.
/// </summary>
public sealed class AuthorisationMatrixTests(CaseManagementFixture fixture)
{
    public enum Isa { Signatory, NonSignatory, Lapsed }

    public enum Referrer { Other, Own }

    private const string Worker = CaseRoles.CaseWorker, Chair = CaseRoles.PanelChair, Admin = CaseRoles.PartnershipAdmin;
    /// <summary>A token with a role of another service only.</summary>
    private const string NoCaseRole = "governance-admin";
    /// <summary>No token at all.</summary>
    private const string NoToken = "(no token)";

    private static readonly string[] Anyone = [Worker, Chair, Admin, NoCaseRole];
    private static readonly string[] AnyCaseRole = [Worker, Chair, Admin];
    private static readonly string[] WorkerOrChair = [Worker, Chair];

    /// <param name="Name">What the test calls it.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Route">The route called.</param>
    /// <param name="Roles">Who may call it.</param>
    /// <param name="IsaGated">Whether the user's organisation must be a current ISA signatory.</param>
    /// <param name="Success">The answer when allowed.</param>
    private sealed record Endpoint(string Name, string Method, string Route, string[] Roles, bool IsaGated, HttpStatusCode Success);

    /// <summary>The table: every endpoint of CaseManagement, who may call it, and what it answers them.</summary>
    private static readonly Endpoint[] Endpoints =
    [
        new("refer", "POST", "/api/cases", [Worker], true, HttpStatusCode.Created),
        new("read", "GET", "/api/cases/{caseId}", AnyCaseRole, true, HttpStatusCode.OK),
        new("caseload", "GET", "/api/cases", AnyCaseRole, true, HttpStatusCode.OK),
        new("signpost", "GET", "/api/cases/{caseId}/signpost", Anyone, false, HttpStatusCode.OK),
        new("search", "POST", "/api/cases/search", AnyCaseRole, false, HttpStatusCode.OK),
        new("risk-matrix", "GET", "/api/cases/risk-matrix", Anyone, false, HttpStatusCode.OK),
        new("assess-risk", "POST", "/api/cases/{caseId}/risk-assessments", WorkerOrChair, true, HttpStatusCode.OK),
        new("link", "POST", "/api/cases/{caseId}/links", WorkerOrChair, true, HttpStatusCode.NoContent),
        new("merge", "POST", "/api/cases/{caseId}/merge", WorkerOrChair, true, HttpStatusCode.OK),
        new("agree-action", "POST", "/api/cases/{caseId}/actions", WorkerOrChair, true, HttpStatusCode.OK),
        new("action-status", "POST", "/api/cases/{caseId}/actions/{actionId}/status", WorkerOrChair, true, HttpStatusCode.NoContent),
        new("overdue-actions", "GET", "/api/cases/actions/overdue", AnyCaseRole, true, HttpStatusCode.OK),
        new("overdue-reviews", "GET", "/api/cases/reviews/overdue", AnyCaseRole, true, HttpStatusCode.OK),
        new("intervention", "POST", "/api/cases/{caseId}/interventions", WorkerOrChair, true, HttpStatusCode.Created),
        new("breach", "POST", "/api/cases/{caseId}/interventions/{interventionId}/breaches", WorkerOrChair, true, HttpStatusCode.NoContent),
        new("close", "POST", "/api/cases/{caseId}/close", WorkerOrChair, true, HttpStatusCode.NoContent),
        new("reopen", "POST", "/api/cases/{caseId}/reopen", WorkerOrChair, true, HttpStatusCode.NoContent),
        new("schedule-sitting", "POST", "/api/cases/panel/sittings", [Chair], true, HttpStatusCode.Created),
        new("rebuild-agenda", "POST", "/api/cases/panel/sittings/{sittingId}/agenda", [Chair], true, HttpStatusCode.OK),
        new("list-sittings", "GET", "/api/cases/panel/sittings", AnyCaseRole, false, HttpStatusCode.OK),
        new("read-sitting", "GET", "/api/cases/panel/sittings/{sittingId}", AnyCaseRole, true, HttpStatusCode.OK),
        new("record-attendance", "POST", "/api/cases/panel/sittings/{sittingId}/attendance", [Chair], true, HttpStatusCode.OK),
        new("record-review", "POST", "/api/cases/panel/sittings/{sittingId}/reviews", [Chair], true, HttpStatusCode.OK),
        new("erase", "POST", "/api/cases/{caseId}/subjects/{subjectId}/erase", [Admin], true, HttpStatusCode.NoContent),
        new("audit", "GET", "/api/cases/audit", [Admin], true, HttpStatusCode.OK),
    ];

    /// <summary>The endpoints where whose case it is could matter (it does not: any current signatory's user may).</summary>
    private static readonly string[] ByReferrer = ["read", "close", "erase"];

    public static TheoryData<string, string, Isa, Referrer, HttpStatusCode, string?> Matrix()
    {
        var rows = new TheoryData<string, string, Isa, Referrer, HttpStatusCode, string?>();
        foreach (var endpoint in Endpoints)
        {
            rows.Add(endpoint.Name, NoToken, Isa.NonSignatory, Referrer.Other, HttpStatusCode.Unauthorized, null);
            foreach (var role in Anyone)
                foreach (var isa in Enum.GetValues<Isa>())
                {
                    var (status, rule) = !endpoint.Roles.Contains(role) ? (HttpStatusCode.Forbidden, (string?)null)
                        : endpoint.IsaGated && isa != Isa.Signatory ? (HttpStatusCode.Forbidden, "isa-not-signed")
                        : (endpoint.Success, null);
                    rows.Add(endpoint.Name, role, isa, Referrer.Other, status, rule);
                    if (isa == Isa.Signatory && ByReferrer.Contains(endpoint.Name)) rows.Add(endpoint.Name, role, isa, Referrer.Own, status, rule);
                }
        }
        return rows;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Each_endpoint_answers_each_role_as_the_table_says_and_audits_the_request(string name, string role, Isa isa, Referrer referrer,
        HttpStatusCode expected, string? rule)
    {
        var endpoint = Endpoints.Single(e => e.Name == name);
        var userOrganisation = isa switch
        {
            Isa.Signatory => await fixture.Organisation(signedIsa: true),
            Isa.NonSignatory => await fixture.Organisation(signedIsa: false),
            _ => await fixture.LapsedSignatory(),
        };
        var owner = referrer == Referrer.Own ? userOrganisation : await fixture.Organisation(signedIsa: true);
        var (url, body, routeCase, subject) = await Arrange(endpoint, owner);
        var client = role == NoToken ? fixture.Client() : fixture.ClientFor(userOrganisation, role);

        var since = DateTimeOffset.UtcNow;
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method == "POST") request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);

        if (rule is not null) await response.Problem(expected, rule);
        else Assert.True(response.StatusCode == expected, $"{endpoint.Method} {url} as {role} ({isa}): expected {(int)expected}, got {(int)response.StatusCode}: " +
                                                          await response.Content.ReadAsStringAsync());

        // the audit: one entry per case the request concerned (at least one), each saying who, what and how it was answered
        var entries = await fixture.AuditSince(since);
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Equal((endpoint.Method, endpoint.Route, (int)expected), (e.Method, e.Route, e.Status!.Value));
            Assert.Equal((int)expected < 400 ? AccessOutcome.Granted : AccessOutcome.Refused, e.Outcome);
            if (role == NoToken) Assert.Equal(((string?)null, (Guid?)null), (e.UserSubject, e.OrganisationId));
            else Assert.Equal(("user-of-" + userOrganisation, (Guid?)userOrganisation, role), (e.UserSubject, e.OrganisationId, e.Roles.Single()));
            Assert.Equal(entries[0].RequestId, e.RequestId);
        });
        if (routeCase is { } c)
        {
            var entry = Assert.Single(entries, e => e.CaseId == c);
            Assert.Equal(subject, entry.SubjectId);
        }
        Assert.Equal(name == "search" && expected == HttpStatusCode.OK, entries.Any(e => e.SearchHash is not null));
    }

    /// <summary>The state each endpoint acts on, made by <paramref name="owner"/>'s users; the request's URL and body.</summary>
    private async Task<(string Url, object? Body, Guid? RouteCase, Guid? Subject)> Arrange(Endpoint endpoint, Guid owner)
    {
        var worker = fixture.ClientFor(owner, Worker);
        var chair = fixture.ClientFor(owner, Chair);
        var today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);
        async Task<(Guid Case, Guid Subject)> Refer()
        {
            var created = await (await worker.ReferCase(Referral())).Json(HttpStatusCode.Created);
            return (created["id"]!.GetValue<Guid>(), created["subjects"]![0]!.GetValue<Guid>());
        }
        // the matrix's sittings took place years ago, out of the way of the other tests' lists of sittings from today
        var longAgo = today.AddYears(-3);
        async Task<Guid> Sitting() =>
            (await (await chair.ScheduleSitting(new { sittingOn = longAgo })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        switch (endpoint.Name)
        {
            case "refer":
                return (CaseManagementRoutes.Cases, Referral(), null, null);
            case "search":
                return (CaseManagementRoutes.Search, new { name = "Matrix " + Guid.NewGuid().ToString("N"), dateOfBirth = "1990-01-01" }, null, null);
            case "risk-matrix":
                return (CaseManagementRoutes.RiskMatrix, null, null, null);
            case "caseload":
                return (CaseManagementRoutes.Caseload(agency: owner, limit: 5), null, null, null);
            case "overdue-actions":
                return (CaseManagementRoutes.OverdueActions, null, null, null);
            case "overdue-reviews":
                return (CaseManagementRoutes.OverdueReviews, null, null, null);
            case "list-sittings":
                return (CaseManagementRoutes.SittingsFrom(limit: 5), null, null, null);
            case "audit":
                return (CaseManagementRoutes.AuditOf(organisationId: owner, limit: 5), null, null, null);
            case "schedule-sitting":
                return (CaseManagementRoutes.Sittings, new { sittingOn = longAgo }, null, null);
            case "rebuild-agenda":
                return (CaseManagementRoutes.Agenda(await Sitting()), null, null, null);
            case "read-sitting":
                return (CaseManagementRoutes.Sitting(await Sitting()), null, null, null);
            case "record-attendance":
                return (CaseManagementRoutes.Attendance(await Sitting()), new { attendance = new[] { owner } }, null, null);
            case "record-review":
            {
                var (caseId, _) = await Refer();
                return (CaseManagementRoutes.Reviews(await Sitting()), new { caseId, attendance = new[] { owner }, summary = "Reviewed" }, null, null);
            }
        }

        var (id, subjectId) = await Refer();
        switch (endpoint.Name)
        {
            case "read":
                return (CaseManagementRoutes.Case(id), null, id, null);
            case "signpost":
                return (CaseManagementRoutes.Signpost(id), null, id, null);
            case "assess-risk":
                return (CaseManagementRoutes.RiskAssessments(id), new { answers = RiskMatrixAnswers }, id, null);
            case "link":
                return (CaseManagementRoutes.Links(id), new { linkedCaseId = (await Refer()).Case, reason = "Same street" }, id, null);
            case "merge":
                return (CaseManagementRoutes.Merge(id), new { duplicateCaseId = (await Refer()).Case, reason = "Referred twice" }, id, null);
            case "agree-action":
                return (CaseManagementRoutes.Actions(id), new { ownerOrganisationId = owner, description = "Visit", dueOn = today.AddDays(7) }, id, null);
            case "action-status":
            {
                var actionId = (await (await worker.AgreeAction(id,
                    new { ownerOrganisationId = owner, description = "Visit", dueOn = today.AddDays(7) })).Json(HttpStatusCode.OK))["id"]!.GetValue<Guid>();
                return (CaseManagementRoutes.ActionStatus(id, actionId), new { status = "InProgress" }, id, null);
            }
            case "intervention":
                return (CaseManagementRoutes.Interventions(id), new { kind = "Warning", subjectId, issuedOn = today }, id, null);
            case "breach":
            {
                var interventionId = await (await worker.IssueIntervention(id, new { kind = "Warning", subjectId, issuedOn = today })).CreatedId();
                return (CaseManagementRoutes.Breaches(id, interventionId), new { occurredOn = today, description = "Again" }, id, null);
            }
            case "close":
                return (CaseManagementRoutes.Close(id), new { outcome = "Resolved", reason = "Done" }, id, null);
            case "reopen":
                Assert.Equal(HttpStatusCode.NoContent, (await worker.CloseCase(id, new { outcome = "Resolved", reason = "Done" })).StatusCode);
                return (CaseManagementRoutes.Reopen(id), new { reason = "New incidents" }, id, null);
            case "erase":
                return (CaseManagementRoutes.EraseSubject(id, subjectId), new { reason = "Request" }, id, subjectId);
            default:
                throw new InvalidOperationException($"No arrangement for '{endpoint.Name}'.");
        }
    }

    /// <summary>A referral of its own person each time, so that the matrix's cases are not similar to one another.</summary>
    private static object Referral() => new
    {
        referringOfficer = "PC 1", area = "North",
        incidents = new[] { new { date = "2026-11-01", place = "Matrix Street", description = "Noise" } },
        subjects = new[] { new { role = "Perpetrator", name = "Matrix " + Guid.NewGuid().ToString("N"), dateOfBirth = "1990-01-01" } },
    };

    private static readonly Dictionary<string, bool> RiskMatrixAnswers =
        new[] { "repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact" }.ToDictionary(q => q, _ => false);

    [Fact]
    public void The_table_covers_every_endpoint_of_the_service()
    {
        var routes = fixture.Host.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/cases", StringComparison.Ordinal) == true)
            .Select(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Single(), e.RoutePattern.RawText))
            .ToHashSet();
        Assert.Equal(routes.OrderBy(r => r.RawText).ThenBy(r => r.Item1), Endpoints.Select(e => ((string?)e.Method, (string?)e.Route)).OrderBy(r => r.Item2).ThenBy(r => r.Item1));
    }
}
