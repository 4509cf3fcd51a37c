using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.Governance.Strategy;

namespace CommunitySafety.Governance.Compliance;

public static class ComplianceEndpoint
{
    /// <summary>Bodies whose gatherings are public meetings, not committees with a chair.</summary>
    private static readonly BodyKind[] PublicGatherings = [BodyKind.OpenForum, BodyKind.NeighbourhoodEngagement, BodyKind.Conference];

    /// <summary>
    /// The annual compliance checklist of plan year <paramref name="year"/> (1 April to 31 March): a strategic assessment
    /// for the year, its Community Safety Agreement agreed by a decision (and so published as open data), at least one
    /// public meeting held in the year (Meetings' <c>MeetingHeld</c>), every committee's chair within their term, and every
    /// member organisation's ISA signed and within its review date — as of today.
    /// </summary>
    [WolverineGet("/api/governance/compliance/{year}")]
    [ProducesResponseType<ComplianceChecklistView>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(int year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var invalid = new FieldErrors().Year("year", year).ToProblem();
        if (invalid != Wolverine.Http.WolverineContinue.NoProblems) return Results.Problem(invalid);
        var today = PartnershipCalendar.Today(clock.GetUtcNow());

        var assessments = await session.Query<StrategicAssessmentView>().Where(a => a.Year == year).ToListAsync(ct);
        var agreements = await session.Query<CommunitySafetyAgreement>().Where(a => a.Year == year || a.PlanYear == year).ToListAsync(ct);
        var (from, to) = (PartnershipCalendar.StartOf(PlanYear.StartOf(year)), PartnershipCalendar.StartOf(PlanYear.StartOf(year + 1)));
        var held = await session.Query<HeldMeeting>().Where(m => m.Public && m.StartsAt >= from && m.StartsAt < to).ToListAsync(ct);
        var bodies = await session.Query<BodyView>().ToListAsync(ct);
        var withMembers = bodies.Where(b => b.Members.Any(m => m.IsCurrent)).ToList();
        var memberOrganisationIds = withMembers.SelectMany(b => b.Members.Where(m => m.IsCurrent))
            .SelectMany(m => m.Represents.Append(m.OrganisationId)).Distinct().ToArray();
        var organisations = await session.LoadManyAsync<OrganisationView>(ct, memberOrganisationIds);

        var checklist = ComplianceChecklist.Compute(new ComplianceInputs(year, today,
            [.. assessments.Select(a => a.PartnershipName).Order()],
            [.. agreements.Select(a => (a.Title, a.InForce?.AgreedByDecisionId))],
            [.. held.Select(m => m.StartsAt)],
            [.. withMembers.Where(b => !PublicGatherings.Contains(b.Kind)).OrderBy(b => b.Name)
                .Select(b => (b.Name, b.OfficesOn(today).FirstOrDefault(o => o.Office == Office.Chair) is { Vacant: false, TermEndsOn: { } end } ? end : (DateOnly?)null))],
            [.. organisations.OrderBy(o => o.Name).Select(o => (o.Name, o.IsaCurrentOn(today)))]));
        return Results.Ok(checklist);
    }
}
