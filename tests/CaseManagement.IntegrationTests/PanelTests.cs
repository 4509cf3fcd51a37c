using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Panel;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>Panel sittings, their agendas, reviews, actions with RAG, the overdue lists and the missed-review check.</summary>
public sealed class PanelTests(CaseManagementFixture fixture)
{
    private static readonly DateOnly Today = PartnershipCalendar.Today(DateTimeOffset.UtcNow);

    private async Task<(Guid Agency, HttpClient Worker, HttpClient Chair, Guid Case)> ReferredCase()
    {
        var agency = await fixture.Organisation(signedIsa: true);
        var worker = fixture.ClientFor(agency, CaseRoles.CaseWorker);
        var caseId = await (await worker.ReferCase(new
        {
            referringOfficer = "PC 7", area = "North",
            incidents = new[] { new { date = "2026-11-01", place = "Precinct", description = "Youths intimidating residents" } },
            subjects = new[] { new { role = "Perpetrator", name = "Pat " + Guid.NewGuid().ToString("N")[..6] } },
        })).CreatedId();
        return (agency, worker, fixture.ClientFor(agency, CaseRoles.PanelChair), caseId);
    }

    /// <summary>Arranges history the API cannot create today (dates in the past), by appending events as the service would.</summary>
    private async Task Given(Guid caseId, params object[] events)
    {
        await using var session = fixture.Store.LightweightSession();
        session.Events.Append(caseId, events);
        await session.SaveChangesAsync();
    }

    private static RiskAssessed Assessment(Guid caseId, RiskLevel level, DateOnly reviewDue) =>
        new(caseId, new Dictionary<string, bool>(), 20, level, Guid.NewGuid(), "Assessor", DateTimeOffset.UtcNow, reviewDue);

    private static JsonNode Entry(JsonNode sitting, Guid caseId) =>
        sitting["agenda"]!["considered"]!.AsArray().Single(e => e!["caseId"]!.GetValue<Guid>() == caseId)!;

    [Fact]
    public async Task An_action_is_agreed_with_a_RAG_status_moves_on_and_every_failure_is_a_problem()
    {
        var (agency, worker, chair, caseId) = await ReferredCase();
        var owner = await fixture.Organisation(signedIsa: true);

        var agreed = await worker.AgreeAction(caseId,
            new { ownerOrganisationId = owner, description = "Housing officer to visit the victim", dueOn = Today.AddDays(3) }, "\"1\"");
        var actionId = (await agreed.Json(HttpStatusCode.OK))["id"]!.GetValue<Guid>();
        Assert.Equal("\"2\"", agreed.ETag());
        await worker.AgreeAction(caseId, new { ownerOrganisationId = owner, description = "Later", dueOn = Today.AddDays(30) });

        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(["Amber", "Green"], view["actions"]!.AsArray().Select(a => a!["rag"]!.GetValue<string>()));
        Assert.Contains(owner, view["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        Assert.Equal(HttpStatusCode.NoContent, (await worker.UpdateActionStatus(caseId, actionId, new { status = "InProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chair.UpdateActionStatus(caseId, actionId,
            new { status = "Done", note = "Visited on Monday" })).StatusCode);
        view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        var done = view["actions"]![0]!;
        Assert.Equal(("Done", "Complete"), (done["status"]!.GetValue<string>(), done["rag"]!.GetValue<string>()));
        Assert.Equal("Visited on Monday", done["history"]![1]!["note"]!.GetValue<string>());

        // failures
        await (await worker.UpdateActionStatus(caseId, actionId, new { status = "Cancelled" })).Problem(HttpStatusCode.Conflict, "action-complete");
        await (await worker.UpdateActionStatus(caseId, Guid.NewGuid(), new { status = "Done" })).Problem(HttpStatusCode.NotFound, "action-not-found");
        await (await worker.UpdateActionStatus(caseId, actionId, new { status = "Finished" })).Problem(HttpStatusCode.BadRequest);
        await (await worker.UpdateActionStatus(caseId, actionId, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        var invalid = await (await worker.AgreeAction(caseId, new { ownerOrganisationId = Guid.Empty, dueOn = Today.AddDays(-1) }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["description", "dueOn", "ownerOrganisationId"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await worker.PostRaw($"/api/cases/{caseId}/actions", "null")).Problem(HttpStatusCode.BadRequest);
        await (await worker.AgreeAction(caseId,
            new { ownerOrganisationId = await fixture.Organisation(signedIsa: false), description = "x", dueOn = Today })).Problem(HttpStatusCode.Conflict, "owner-not-signatory");
        await (await worker.AgreeAction(Guid.NewGuid(), new { ownerOrganisationId = owner, description = "x", dueOn = Today }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.AgreeAction(caseId, new { ownerOrganisationId = owner, description = "x", dueOn = Today }, "\"1\""))
            .Problem(HttpStatusCode.PreconditionFailed);
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker)
            .AgreeAction(caseId, new { ownerOrganisationId = owner, description = "x", dueOn = Today })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin)
            .AgreeAction(caseId, new { ownerOrganisationId = owner, description = "x", dueOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chair.CloseCase(caseId, new { outcome = "Resolved", reason = "Done" })).StatusCode);
        await (await worker.AgreeAction(caseId, new { ownerOrganisationId = owner, description = "x", dueOn = Today }))
            .Problem(HttpStatusCode.Conflict, "case-closed");
    }

    [Fact]
    public async Task A_sitting_builds_its_agenda_records_reviews_with_actions_and_then_settles_its_agenda()
    {
        var (agency, worker, chair, due) = await ReferredCase();
        var (_, _, _, notDue) = await ReferredCase();
        var (_, _, _, unassessed) = await ReferredCase();
        var housing = await fixture.Organisation(signedIsa: true);
        await Given(due, Assessment(due, RiskLevel.High, Today.AddDays(-2)));
        await Given(notDue, Assessment(notDue, RiskLevel.Medium, Today.AddDays(20)));

        var scheduled = await chair.ScheduleSitting(new { sittingOn = Today });
        var sitting = await scheduled.Json(HttpStatusCode.Created);
        var sittingId = sitting["id"]!.GetValue<Guid>();
        Assert.Equal(CaseManagementRoutes.Sitting(sittingId), scheduled.Headers.Location!.OriginalString);
        Assert.Equal((true, $"High risk: review due {Today.AddDays(-2):yyyy-MM-dd}."),
            (Entry(sitting, due)["onAgenda"]!.GetValue<bool>(), Entry(sitting, due)["reason"]!.GetValue<string>()));
        Assert.Equal((false, $"Medium risk: next review not due until {Today.AddDays(20):yyyy-MM-dd}."),
            (Entry(sitting, notDue)["onAgenda"]!.GetValue<bool>(), Entry(sitting, notDue)["reason"]!.GetValue<string>()));
        Assert.False(Entry(sitting, unassessed)["onAgenda"]!.GetValue<bool>());

        // the agenda is rebuilt from the cases as they are now
        await Given(notDue, Assessment(notDue, RiskLevel.Medium, Today));
        var rebuilt = await (await chair.RebuildAgenda(sittingId)).Json(HttpStatusCode.OK);
        Assert.Contains(rebuilt["considered"]!.AsArray(), e => e!["caseId"]!.GetValue<Guid>() == notDue && e["onAgenda"]!.GetValue<bool>());

        var review = await (await chair.RecordReview(sittingId, new
        {
            caseId = due,
            attendance = new[] { agency, housing },
            summary = "Behaviour continues; victim remains fearful.",
            decisions = new[] { "Issue a community protection warning", "Refer the victim to support services" },
            actions = new[] { new { ownerOrganisationId = housing, description = "Tenancy warning letter", dueOn = Today.AddDays(14) } },
        })).Json(HttpStatusCode.OK);
        Assert.Equal(Today.AddMonths(1), DateOnly.Parse(review["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var actionId = review["actions"]![0]!.GetValue<Guid>();

        var view = await (await worker.GetCase(due)).Json(HttpStatusCode.OK);
        Assert.Equal(review["caseVersion"]!.GetValue<long>(), view["version"]!.GetValue<long>());
        var recorded = view["reviews"]![0]!;
        Assert.Equal(sittingId, recorded["sittingId"]!.GetValue<Guid>());
        Assert.Equal([agency, housing], recorded["attendance"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        Assert.Equal(2, recorded["decisions"]!.AsArray().Count);
        Assert.Equal((actionId, sittingId), (view["actions"]![0]!["actionId"]!.GetValue<Guid>(), view["actions"]![0]!["sittingId"]!.GetValue<Guid>()));
        Assert.Equal(Today.AddMonths(1), DateOnly.Parse(view["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Contains(housing, view["agencies"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        var read = await (await worker.GetSitting(sittingId)).Json(HttpStatusCode.OK);
        Assert.Equal(due, read["reviewed"]![0]!["caseId"]!.GetValue<Guid>());
        var listed = await worker.AllPages(CaseManagementRoutes.SittingsFrom(from: Today));
        Assert.Contains(listed, s => s!["id"]!.GetValue<Guid>() == sittingId && s["casesReviewed"]!.GetValue<int>() == 1);

        // the review's failures
        object Review(Guid caseId) => new { caseId, attendance = new[] { agency }, summary = "s" };
        await (await chair.RecordReview(sittingId, Review(due))).Problem(HttpStatusCode.Conflict, "already-reviewed");
        await (await chair.RebuildAgenda(sittingId)).Problem(HttpStatusCode.Conflict, "sitting-under-way");
        await (await chair.RecordReview(sittingId, Review(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await chair.RecordReview(Guid.NewGuid(), Review(notDue))).Problem(HttpStatusCode.NotFound, "not-found");
        var unknown = await (await chair.RecordReview(sittingId,
            new { caseId = notDue, attendance = new[] { agency, Guid.NewGuid() }, summary = "s" })).Problem(HttpStatusCode.Conflict, "unknown-organisation");
        Assert.Single(unknown["organisations"]!.AsArray());
        var invalid = await (await chair.RecordReview(sittingId,
            new { caseId = Guid.Empty, attendance = Array.Empty<Guid>(), summary = " ", actions = new object[] { new { description = "x" } } }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["actions[0].dueOn", "actions[0].ownerOrganisationId", "attendance", "caseId", "summary"],
            invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await chair.PostRaw($"/api/cases/panel/sittings/{sittingId}/reviews", "[1,2]")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.RecordReview(sittingId, Review(notDue))).StatusCode);

        var future = (await (await chair.ScheduleSitting(new { sittingOn = Today.AddDays(10) })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await chair.RecordReview(future, Review(notDue))).Problem(HttpStatusCode.Conflict, "sitting-not-held");
    }

    [Fact]
    public async Task Sittings_refuse_bad_input_wrong_roles_and_non_signatories()
    {
        var (agency, worker, chair, _) = await ReferredCase();
        await (await chair.ScheduleSitting(new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await chair.ScheduleSitting(new { sittingOn = "next tuesday" })).Problem(HttpStatusCode.BadRequest);
        await (await chair.PostRaw("/api/cases/panel/sittings", "null")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.ScheduleSitting(new { sittingOn = Today })).StatusCode);
        await (await fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.PanelChair)
            .ScheduleSitting(new { sittingOn = Today })).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await worker.GetSitting(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await chair.RebuildAgenda(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await worker.GetSittings(limit: 0)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await worker.GetAsync("/api/cases/panel/sittings?from=soon")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetSittings()).StatusCode);
        _ = agency;
    }

    [Fact]
    public async Task Late_actions_and_missed_reviews_are_listed_and_a_missed_review_is_raised_for_the_next_sitting()
    {
        var (agency, worker, chair, caseId) = await ReferredCase();
        var owner = await fixture.Organisation(signedIsa: true);
        var missedOn = Today.AddDays(-5);
        var lateAction = Guid.NewGuid();
        await Given(caseId,
            Assessment(caseId, RiskLevel.Low, missedOn),
            new ActionAgreed(caseId, lateAction, owner, await fixture.Seal(caseId, "Install CCTV"), Today.AddDays(-1), null, "Chair", DateTimeOffset.UtcNow));

        var actions = await (await worker.GetOverdueActions(owner: owner)).Json(HttpStatusCode.OK);
        var late = Assert.Single(actions.AsArray())!;
        Assert.Equal((lateAction, "Red", caseId), (late["actionId"]!.GetValue<Guid>(), late["rag"]!.GetValue<string>(), late["caseId"]!.GetValue<Guid>()));

        var reviews = await worker.AllPages(CaseManagementRoutes.OverdueReviews);
        var overdue = reviews.Single(r => r!["caseId"]!.GetValue<Guid>() == caseId)!;
        Assert.Equal(5, overdue["daysOverdue"]!.GetValue<int>());
        Assert.Null(overdue["flaggedForPanelSince"]);

        // the scheduled check raises it; the next sitting takes the case even though it is low risk
        await fixture.Receive(new ReviewDueCheck(caseId, missedOn));
        await fixture.Receive(new ReviewDueCheck(caseId, missedOn)); // a repeated delivery changes nothing
        var view = await (await worker.GetCase(caseId)).Json(HttpStatusCode.OK);
        Assert.Equal(missedOn, DateOnly.Parse(view["reviewOverdueSince"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(4, view["version"]!.GetValue<long>()); // referred, assessed, action, one ReviewOverdue
        reviews = await worker.AllPages(CaseManagementRoutes.OverdueReviews);
        Assert.Equal(missedOn, DateOnly.Parse(reviews.Single(r => r!["caseId"]!.GetValue<Guid>() == caseId)!["flaggedForPanelSince"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var sitting = await (await chair.ScheduleSitting(new { sittingOn = Today })).Json(HttpStatusCode.Created);
        Assert.Equal((true, $"Overdue for review: the review due {missedOn:yyyy-MM-dd} was missed."),
            (Entry(sitting, caseId)["onAgenda"]!.GetValue<bool>(), Entry(sitting, caseId)["reason"]!.GetValue<string>()));

        // the lists are case details: audited, and for signatories only
        var audit = await (await fixture.ClientFor(agency, CaseRoles.PartnershipAdmin).GetAudit(caseId: caseId)).Json(HttpStatusCode.OK);
        Assert.Contains(audit.AsArray(), e => e!["route"]!.GetValue<string>() == "/api/cases/actions/overdue" && e["status"]!.GetValue<int>() == 200);
        Assert.Contains(audit.AsArray(), e => e!["route"]!.GetValue<string>() == "/api/cases/reviews/overdue" && e["status"]!.GetValue<int>() == 200);
        Assert.Contains(audit.AsArray(), e => e!["route"]!.GetValue<string>() == "/api/cases/panel/sittings" && e["method"]!.GetValue<string>() == "POST");
        var outsider = fixture.ClientFor(await fixture.Organisation(signedIsa: false), CaseRoles.CaseWorker);
        await (await outsider.GetOverdueActions()).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await outsider.GetOverdueReviews()).Problem(HttpStatusCode.Forbidden, "isa-not-signed");
        await (await worker.GetAsync("/api/cases/actions/overdue?owner=someone")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_risk_assessment_schedules_the_check_of_its_review_date()
    {
        var (_, worker, _, caseId) = await ReferredCase();
        var answers = new[] { "repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact" }
            .ToDictionary(q => q, q => q == "violence");
        var assessed = await (await worker.AssessRisk(caseId, new { answers })).Json(HttpStatusCode.OK);
        var due = DateOnly.Parse(assessed["nextReviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        var scheduled = await fixture.ScheduledMessages(caseId);
        var check = Assert.Single(scheduled, m => m.MessageType.Contains(nameof(ReviewDueCheck)));
        Assert.Equal(ReviewDueCheckHandler.RunAt(due), check.ExecutionTime);
    }

    [Fact]
    public async Task Attendance_is_recorded_by_agency_once_the_sitting_is_held_replaced_when_recorded_again_and_bad_input_is_a_problem()
    {
        var (agency, worker, chair, _) = await ReferredCase();
        var housing = await fixture.Organisation(signedIsa: true);
        var held = (await (await chair.ScheduleSitting(new { sittingOn = Today })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var recorded = await chair.RecordAttendance(held, new { attendance = new[] { agency, housing, agency } }, "\"2\"");
        var body = await recorded.Json(HttpStatusCode.OK);
        Assert.Equal([agency, housing], body["attendance"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        Assert.Equal("\"3\"", recorded.ETag());
        var read = await (await worker.GetSitting(held)).Json(HttpStatusCode.OK);
        Assert.Equal([agency, housing], read["attendance"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        // recorded again: the latest list counts
        Assert.Equal(HttpStatusCode.OK, (await chair.RecordAttendance(held, new { attendance = new[] { housing } })).StatusCode);
        read = await (await worker.GetSitting(held)).Json(HttpStatusCode.OK);
        Assert.Equal([housing], read["attendance"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        // failures
        var ahead = (await (await chair.ScheduleSitting(new { sittingOn = Today.AddMonths(1) })).Json(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await chair.RecordAttendance(ahead, new { attendance = new[] { agency } })).Problem(HttpStatusCode.Conflict, "sitting-not-held");
        var unknown = Guid.NewGuid();
        var refused = await (await chair.RecordAttendance(held, new { attendance = new[] { agency, unknown } }))
            .Problem(HttpStatusCode.Conflict, "unknown-organisation");
        Assert.Equal([unknown], refused["organisations"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        var invalid = await (await chair.RecordAttendance(held, new { attendance = Array.Empty<Guid>() }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["attendance"], invalid["errors"]!.AsObject().Select(e => e.Key));
        await (await chair.RecordAttendance(held, new { attendance = new[] { Guid.Empty } })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await chair.PostRaw($"/api/cases/panel/sittings/{held}/attendance", "null")).Problem(HttpStatusCode.BadRequest);
        await (await chair.RecordAttendance(Guid.NewGuid(), new { attendance = new[] { agency } })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await chair.RecordAttendance(held, new { attendance = new[] { agency } }, "\"2\"")).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.RecordAttendance(held, new { attendance = new[] { agency } })).StatusCode);
    }
}
