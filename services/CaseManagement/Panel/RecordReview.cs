using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Signatories;

namespace CommunitySafety.CaseManagement.Panel;

public sealed record RecordReview(Guid? CaseId, List<Guid>? Attendance, string? Summary, List<string>? Decisions, List<ActionInput>? Actions);

public sealed record ReviewRecorded(Guid CaseId, DateOnly NextReviewDue, IReadOnlyList<Guid> Actions, long CaseVersion);

/// <summary>
/// Records the panel's review of a case at a sitting: attendance by agency, the discussion summary, the decisions and
/// the new actions. The case and the sitting are written in one transaction; the next review's check is scheduled in it.
/// </summary>
public static class RecordReviewEndpoint
{
    public const int MaxAttendance = 30, MaxDecisions = 30, MaxActions = 30;

    public static ProblemDetails Validate(RecordReview command, TimeProvider clock)
    {
        var today = PartnershipCalendar.Today(clock.GetUtcNow());
        var errors = new FieldErrors()
            .Id("caseId", command.CaseId)
            .Check(command.Attendance is { Count: >= 1 and <= MaxAttendance } && command.Attendance.All(a => a != Guid.Empty), "attendance",
                $"Between 1 and {MaxAttendance} attending organisations (non-empty ids) are required.")
            .Text("summary", command.Summary, 8000)
            .Check(command.Decisions is null or { Count: <= MaxDecisions }, "decisions", $"At most {MaxDecisions} decisions.")
            .Check(command.Actions is null or { Count: <= MaxActions }, "actions", $"At most {MaxActions} actions.");
        foreach (var (decision, i) in (command.Decisions ?? []).Select((x, i) => (x, i)))
            errors.Text($"decisions[{i}]", decision, 2000);
        foreach (var (action, i) in (command.Actions ?? []).Select((x, i) => (x, i)))
            errors.Check($"actions[{i}].", action, today);
        return errors.ToProblem();
    }

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    /// <summary>
    /// The sitting (the route's) is the resource: <c>If-Match</c> names its version. The case is fetched for writing too,
    /// so that Marten checks its version at commit as well: a concurrent write to either becomes a 409. The answer carries
    /// the case's new version.
    /// </summary>
    [WolverinePost("/api/cases/panel/sittings/{sittingId}/reviews"), Authorize(Roles = CaseRoles.PanelChair)]
    [ProducesResponseType<ReviewRecorded>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<(ReviewRecorded, Events, ScheduledMessage<ReviewDueCheck>)> Post(RecordReview command,
        [VersionedAggregate("sittingId")] PanelSitting sitting, IDocumentSession session, CaseKeys keys, ReviewSchedule schedule, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var caseId = command.CaseId!.Value;
        CaseAudit.Listed(http, [caseId]);
        var by = user.DisplayName();
        var now = clock.GetUtcNow();
        var today = PartnershipCalendar.Today(now);

        var organisations = command.Attendance!.Concat((command.Actions ?? []).Select(a => a.OwnerOrganisationId!.Value)).ToList();
        var known = await IsaRegister.LoadAsync(session, organisations, ct);
        if (organisations.Where(o => !known.ContainsKey(o)).Distinct().ToList() is { Count: > 0 } unknown)
            throw new DomainRuleViolation("unknown-organisation", "Attendance and action owners must be organisations registered with the partnership.")
                .With("organisations", unknown);

        var caseStream = await session.Events.FetchForWriting<CaseFile>(caseId, ct);
        if (caseStream.Aggregate is not { } file) throw RequestRefused.NotFound("Case", caseId);
        var text = await keys.TextAsync(session, file, ct);

        var reviewed = CaseFile.DecideReview(file, sitting.Id, sitting.SittingOn, command.Attendance!, text.Seal(command.Summary!.Trim()),
            [.. (command.Decisions ?? []).Select(d => text.Seal(d.Trim()))], schedule, by, now);
        var actions = (command.Actions ?? []).Select(a => CaseFile.DecideAction(file, Guid.CreateVersion7(), a.OwnerOrganisationId!.Value,
            known[a.OwnerOrganisationId.Value].IsCurrentOn(today), text.Seal(a.Description!.Trim()), a.DueOn!.Value, sitting.Id, by, now)).ToList();
        caseStream.AppendMany([reviewed, .. actions]);

        return (new ReviewRecorded(caseId, reviewed.NextReviewDue, [.. actions.Select(a => a.ActionId)], caseStream.CurrentVersion ?? 0), // (counts what was appended)
            [new SittingCaseReviewed(sitting.Id, file.Id, file.Reference, now)],
            ReviewDueCheckHandler.Scheduled(caseId, reviewed.NextReviewDue));
    }
}
