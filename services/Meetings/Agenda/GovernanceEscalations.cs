using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Agenda;

/// <summary>
/// An escalation Governance asked for (<see cref="EscalationRequested"/>: an exception of the Community Safety Agreement's
/// action plan for the county partnership) and where it was placed. Pending (<see cref="MeetingId"/> null) while the body
/// has no scheduled meeting ahead; placed on the next meeting scheduled for the body.
/// </summary>
public sealed class GovernanceEscalation
{
    public Guid Id { get; set; }
    public Guid ToBodyId { get; set; }
    public string Title { get; set; } = "";
    public string Origin { get; set; } = "";
    public string? Url { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public Guid ItemId { get; set; }
    public Guid? MeetingId { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
}

public static class GovernanceEscalations
{
    /// <summary>The <see cref="AgendaOrigin.Source"/> of items Governance's action plan escalated.</summary>
    public const string Source = "governance";

    public static AgendaOrigin OriginOf(GovernanceEscalation escalation) =>
        new(Guid.Empty, "Community Safety Agreement action plan (Governance)", Guid.Empty, escalation.Id, escalation.Origin, Source, escalation.Url);

    /// <summary>
    /// The escalation as an item of <paramref name="meeting"/>'s agenda (kind Escalated, its origin Governance's action
    /// plan); nothing when the meeting already has it (a redelivery) or is cancelled.
    /// </summary>
    public static IReadOnlyList<object> DecidePlacement(Meeting meeting, GovernanceEscalation escalation, DateTimeOffset now) =>
        meeting.Status == MeetingStatus.Cancelled
        || meeting.Agenda.Any(i => i.Origin is { Source: Source } o && o.ItemId == escalation.Id)
            ? []
            : [new AgendaItemAdded(meeting.Id, escalation.ItemId, escalation.Title, AgendaItemKind.Escalated, false, OriginOf(escalation), now)];

    /// <summary>
    /// For a meeting being scheduled (starting after now): the items of the body's pending escalations, marked as placed
    /// on it. Append them to the new meeting's stream in the same session.
    /// </summary>
    public static async Task<IReadOnlyList<object>> TakePending(IDocumentSession session, Guid bodyId, Guid meetingId, DateTimeOffset startsAt,
        DateTimeOffset now, CancellationToken ct)
    {
        if (startsAt <= now) return [];
        var pending = await session.Query<GovernanceEscalation>().Where(e => e.ToBodyId == bodyId && e.MeetingId == null)
            .OrderBy(e => e.ReceivedAt).ToListAsync(ct);
        var events = new List<object>();
        foreach (var escalation in pending)
        {
            escalation.MeetingId = meetingId;
            escalation.PlacedAt = now;
            session.Store(escalation);
            events.Add(new AgendaItemAdded(meetingId, escalation.ItemId, escalation.Title, AgendaItemKind.Escalated, false, OriginOf(escalation), now));
        }
        return events;
    }
}

/// <summary>
/// Governance's exceptions of the action plan become items on the next scheduled (not cancelled, starting after now)
/// meeting of the body they are for; when it has none, the escalation waits and the next meeting scheduled for that
/// body gets it (<see cref="GovernanceEscalations.TakePending"/>). Once per escalation id: a redelivery adds nothing.
/// </summary>
public static class GovernanceEscalationHandler
{
    public static async Task Handle(EscalationRequested e, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<GovernanceEscalation>(e.EscalationId, ct) is not null) return;
        var now = clock.GetUtcNow();
        var escalation = new GovernanceEscalation
        {
            Id = e.EscalationId, ToBodyId = e.ToBodyId, Title = e.Title, Origin = e.Origin, Url = e.Url, RequestedAt = e.RequestedAt,
            ReceivedAt = now, ItemId = Guid.CreateVersion7(),
        };
        var next = await Scheduling.NextMeeting(session, e.ToBodyId, now, ct);
        if (next is not null)
        {
            var stream = await session.Events.FetchForWriting<Meeting>(next.Id, ct);
            if (stream.Aggregate is { } meeting)
            {
                var events = GovernanceEscalations.DecidePlacement(meeting, escalation, now);
                stream.AppendMany(events.ToArray());
                escalation.MeetingId = meeting.Id;
                escalation.PlacedAt = now;
            }
        }
        session.Store(escalation);
    }

}
