using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

public sealed record ElectOfficeHolder(
    Office? Office, IReadOnlyList<Guid>? Candidates, Guid? ElectedMembershipId, Guid? DecisionId, DateOnly? TermStartsOn, DateOnly? TermEndsOn);

/// <summary>The election recorded: its id and the term.</summary>
public sealed record ElectionAnswer(Guid ElectionId, DateOnly TermStartsOn, DateOnly TermEndsOn);

/// <summary>Records the election of a chair or vice-chair (every two years) from the candidates, by the body's decision.</summary>
public static class ElectOfficeHolderEndpoint
{
    public const int MaxCandidates = 50;

    public static ProblemDetails Validate(ElectOfficeHolder command) =>
        new FieldErrors()
            .Defined("office", command.Office)
            .Check(command.Candidates is { Count: > 0 and <= MaxCandidates }, "candidates",
                $"'candidates' must list between 1 and {MaxCandidates} membership ids.")
            .Check(command.Candidates is null || command.Candidates.All(c => c != Guid.Empty), "candidates", "'candidates' must not contain an empty id.")
            .Check(command.Candidates is null || command.Candidates.Distinct().Count() == command.Candidates.Count, "candidates",
                "'candidates' must not name a member twice.")
            .Id("electedMembershipId", command.ElectedMembershipId)
            .Check(command.DecisionId != Guid.Empty, "decisionId", "'decisionId' must be a non-empty id when given.")
            .ToProblem();

    /// <summary>Records an election to an office; the elected member holds it for the term, and reminders are scheduled.</summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/elections"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType<ElectionAnswer>(StatusCodes.Status200OK)]
    public static (ElectionAnswer, Events, OutgoingMessages) Post(ElectOfficeHolder command, [VersionedAggregate] Body body, TimeProvider clock,
        OfficeOptions options)
    {
        var now = clock.GetUtcNow();
        var today = PartnershipCalendar.Today(now);
        var electionId = Guid.CreateVersion7();
        var office = command.Office!.Value;
        var startsOn = command.TermStartsOn ?? today;
        var endsOn = command.TermEndsOn ?? OfficeSchedule.DefaultTermEndsOn(startsOn, options);
        var elected = Body.DecideElection(body, electionId, office, command.Candidates!, command.ElectedMembershipId!.Value, command.DecisionId,
            startsOn, endsOn, today, now);

        // persisted, in this transaction (outbox); each handler checks that the term is still the office's latest when it runs
        var reminders = new OutgoingMessages();
        if (OfficeSchedule.ReminderDueAt(endsOn, options.ReminderDays, now) is { } remindAt)
            reminders.Schedule(new RemindOfficeTermEnding(body.Id, office, electionId), remindAt);
        reminders.Schedule(new LapseOfficeTerm(body.Id, office, electionId), OfficeSchedule.LapseDueAt(endsOn, now));
        return (new ElectionAnswer(electionId, startsOn, endsOn), [.. elected], reminders);
    }
}
