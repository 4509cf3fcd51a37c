using CommunitySafety.Governance.Adoption;

namespace CommunitySafety.Governance.Strategy;

/// <summary>
/// A Meetings decision adopting a Community Safety Agreement (<c>adopts: [agreementId]</c>) agrees it: see
/// <see cref="CommunitySafetyAgreement.DecideAdoption"/>. Other documents' adoptions are not ours: ignored quietly.
/// </summary>
public static class AgreementAdoptionHandler
{
    public static async Task Handle(AdoptionRequested m, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<CommunitySafetyAgreement>(m.DocumentId, ct) is null) return;
        var stream = await session.Events.FetchForWriting<CommunitySafetyAgreement>(m.DocumentId, ct);
        if (stream.Aggregate is null) return;
        var now = clock.GetUtcNow();
        var events = CommunitySafetyAgreement.DecideAdoption(stream.Aggregate, m, PartnershipCalendar.Today(now), Guid.CreateVersion7, now);
        stream.AppendMany(events.ToArray());
    }
}

/// <summary>Scheduled: rate the line again now that one of its milestones' due dates (or the Red threshold after it) has passed.</summary>
public sealed record CheckPlanLine(Guid AgreementId, Guid LineId);

public static class PlanLineCheckHandler
{
    public static Events Handle(CheckPlanLine message, [WriteAggregate(nameof(CheckPlanLine.AgreementId), Required = false)] CommunitySafetyAgreement? agreement, TimeProvider clock)
    {
        if (agreement is null) return [];
        var now = clock.GetUtcNow();
        return [.. CommunitySafetyAgreement.DecideCheck(agreement, message.LineId, PartnershipCalendar.Today(now), Guid.CreateVersion7, now)];
    }


    /// <summary>
    /// A milestone's RAG changes with time alone: on the day after it is due (Amber if not completed) and
    /// <see cref="PlanRag.RedAfterOverdueDays"/> days later (Red). A check is scheduled for each such moment still ahead
    /// (those already past were rated when the line was added); the check looks at the line as it is then.
    /// </summary>
    public static OutgoingMessages ScheduleChecks(Guid agreementId, Guid lineId, IEnumerable<Milestone> milestones, DateTimeOffset now)
    {
        var moments = milestones
            .SelectMany(m => new[] { m.DueOn.AddDays(1), m.DueOn.AddDays(PlanRag.RedAfterOverdueDays + 1) })
            .Distinct()
            .Select(PartnershipCalendar.StartOf)
            .Where(at => at > now);
        var checks = new OutgoingMessages();
        foreach (var at in moments) checks.Schedule(new CheckPlanLine(agreementId, lineId), at);
        return checks;
    }
}
