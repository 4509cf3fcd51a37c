using CommunitySafety.Governance.Adoption;
using CommunitySafety.ServiceDefaults;
using Marten;
using Wolverine;

namespace CommunitySafety.Governance.Strategy;

/// <summary>
/// A Meetings decision adopting a Community Safety Agreement (<c>adopts: [agreementId]</c>) agrees it: see
/// <see cref="CommunitySafetyAgreement.DecideAdoption"/>. Other documents' adoptions are not ours: ignored quietly.
/// </summary>
public static class AgreementAdoptionHandler
{
    public static async Task Handle(AdoptionRequested m, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<CommunitySafetyAgreement>(m.DocumentId, ct) is null) return;
        var stream = await session.Events.FetchForWriting<CommunitySafetyAgreement>(m.DocumentId, ct);
        if (stream.Aggregate is null) return;
        var now = clock.GetUtcNow();
        var events = CommunitySafetyAgreement.DecideAdoption(stream.Aggregate, m, PartnershipCalendar.Today(now), Guid.CreateVersion7, now);
        stream.AppendMany(events.ToArray());
        await Publish(events, bus);
    }

    internal static async Task Publish(IReadOnlyList<object> events, IMessageBus bus)
    {
        foreach (var e in events)
            if (IntegrationEvents.ToContract(e) is { } contract) await bus.PublishAsync(contract);
    }

}

/// <summary>Scheduled: rate the line again now that one of its milestones' due dates (or the Red threshold after it) has passed.</summary>
public sealed record CheckPlanLine(Guid AgreementId, Guid LineId);

public static class PlanLineCheckHandler
{
    public static async Task Handle(CheckPlanLine message, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CommunitySafetyAgreement>(message.AgreementId, ct);
        if (stream.Aggregate is null) return;
        var now = clock.GetUtcNow();
        var events = CommunitySafetyAgreement.DecideCheck(stream.Aggregate, message.LineId, PartnershipCalendar.Today(now), Guid.CreateVersion7, now);
        stream.AppendMany(events.ToArray());
        await AgreementAdoptionHandler.Publish(events, bus);
    }


    /// <summary>
    /// A milestone's RAG changes with time alone: on the day after it is due (Amber if not completed) and
    /// <see cref="PlanRag.RedAfterOverdueDays"/> days later (Red). A check is scheduled for each such moment still ahead
    /// (those already past were rated when the line was added); the check looks at the line as it is then.
    /// </summary>
    public static async Task ScheduleChecks(IMessageBus bus, Guid agreementId, Guid lineId, IEnumerable<Milestone> milestones, DateTimeOffset now)
    {
        var moments = milestones
            .SelectMany(m => new[] { m.DueOn.AddDays(1), m.DueOn.AddDays(PlanRag.RedAfterOverdueDays + 1) })
            .Distinct()
            .Select(PartnershipCalendar.StartOf)
            .Where(at => at > now);
        foreach (var at in moments) await bus.ScheduleAsync(new CheckPlanLine(agreementId, lineId), at);
    }
}
