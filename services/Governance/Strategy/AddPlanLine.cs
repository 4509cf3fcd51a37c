using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Strategy;

/// <summary>A milestone of the new line, by id and title.</summary>
public sealed record PlanItemRef(Guid Id, string Title);

/// <summary>A measure of the new line, by id and name.</summary>
public sealed record PlanMeasureRef(Guid Id, string Name);

/// <summary>The new line's id and the ids its milestones and measures were given.</summary>
public sealed record PlanLineAddedAnswer(Guid LineId, IReadOnlyList<PlanItemRef> Milestones, IReadOnlyList<PlanMeasureRef> Measures);

/// <summary>Adds a line to the agreement's action plan.</summary>
public static class AddPlanLineEndpoint
{
    public static ProblemDetails Validate(AddPlanLine command) =>
        new FieldErrors()
            .Id("priorityId", command.PriorityId)
            .Text("title", command.Title, StrategyFields.MaxTitle)
            .Id("ownerOrganisationId", command.OwnerOrganisationId)
            .Items("milestones", command.Milestones, false, (e, f, m) => e
                .Text($"{f}.title", m.Title, StrategyFields.MaxTitle)
                .Check(m.DueOn is not null, $"{f}.dueOn", $"'{f}.dueOn' is required (a date, e.g. 2027-06-30)."))
            .Items("measures", command.Measures, false, (e, f, m) => e
                .Text($"{f}.name", m.Name, StrategyFields.MaxTitle)
                .Text($"{f}.unit", m.Unit, 50, required: false)
                .Check(m.Baseline is not null, $"{f}.baseline", $"'{f}.baseline' is required.")
                .Check(m.Target is not null, $"{f}.target", $"'{f}.target' is required.")
                .Check(m.Baseline is null || m.Target is null || m.Baseline != m.Target, $"{f}.target",
                    $"'{f}.target' must differ from the baseline: progress is measured from one toward the other."))
            .Check(command.Milestones is { Count: > 0 } || command.Measures is { Count: > 0 }, "milestones",
                "A line has at least one milestone or measure to judge its progress by.")
            .ToProblem();

    /// <summary>A line of the action plan under a county priority, owned by a registered organisation, with milestones and measures.</summary>
    [WolverinePost(StrategyUrls.Agreements + "/{id}/plan/lines"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<PlanLineAddedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static async Task<(PlanLineAddedAnswer, Events, OutgoingMessages)> Post(AddPlanLine command,
        [VersionedAggregate] CommunitySafetyAgreement agreement, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var owner = await session.LoadAsync<Organisation>(command.OwnerOrganisationId!.Value, ct);
        var lineId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var events = CommunitySafetyAgreement.DecideAddLine(agreement, lineId, command.PriorityId!.Value, command.Title!, owner,
            command.OwnerOrganisationId.Value, [.. (command.Milestones ?? []).Select(m => (m!.Title!, m.DueOn!.Value))],
            [.. (command.Measures ?? []).Select(m => (m!.Name!, m.Unit, m.Baseline!.Value, m.Target!.Value))],
            PartnershipCalendar.Today(now), Guid.CreateVersion7, now);
        var added = events.OfType<PlanLineAdded>().Single();
        return (new PlanLineAddedAnswer(lineId, [.. added.Milestones.Select(m => new PlanItemRef(m.Id, m.Title))],
                [.. added.Measures.Select(m => new PlanMeasureRef(m.Id, m.Name))]),
            [.. events], PlanLineCheckHandler.ScheduleChecks(agreement.Id, lineId, added.Milestones, now));
    }
}
