using CommunitySafety.Meetings.Meetings;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.Meetings.Public;

/// <summary>
/// Residents' details at rest: each question that has any gets a data key of its own (<see cref="DataKey"/> id = the
/// question's id), wrapped by <c>Meetings:KeyEncryptionKey</c>, which is held outside the database; events and the
/// snapshot hold only the sealed details. Shredding the key erases them from every event and snapshot at once.
/// </summary>
public static class ResidentDetailsVault
{
    /// <summary>The details of each question that still has them (erased ones and those without any are left out).</summary>
    public static Task<IReadOnlyDictionary<Guid, ResidentDetails>> OpenAsync(IQuerySession session, DataKeys keys,
        IEnumerable<PublicQuestion> questions, CancellationToken ct) =>
        keys.OpenAsync<ResidentDetails>(session, questions.Where(q => q.SealedDetails is not null).ToDictionary(q => q.Id, q => q.SealedDetails!), ct);

    public static async Task<ResidentDetails?> OpenAsync(IQuerySession session, DataKeys keys, PublicQuestion question, CancellationToken ct) =>
        (await OpenAsync(session, keys, [question], ct)).GetValueOrDefault(question.Id);
}

/// <summary>Scheduled at submission for the end of the retention period after the meeting: erase the resident's details.</summary>
public sealed record EraseResidentDetailsWhenDue(Guid QuestionId);

public static class ResidentDetailsRetentionHandler
{
    /// <summary>The erasure, scheduled durably (Wolverine's inbox): returned by the write, it leaves with the write's commit.</summary>
    public static object Schedule(Guid questionId, DateTimeOffset meetingEndsAt, MeetingsOptions options) =>
        new EraseResidentDetailsWhenDue(questionId).ScheduledAt(
            ResidentDetailsRetention.ErasableFrom(meetingEndsAt, options.Public.ResidentDetailsRetentionMonths));

    /// <summary>
    /// A meeting that now ends earlier than before: its questions' details become erasable earlier, so their erasure is
    /// asked for again at the new time (the message scheduled for the old, later time then finds nothing to do).
    /// </summary>
    public static async Task<OutgoingMessages> RescheduleForMeetingAsync(IQuerySession session, Guid meetingId, DateTimeOffset previousEndsAt,
        DateTimeOffset endsAt, MeetingsOptions options, CancellationToken ct)
    {
        if (endsAt >= previousEndsAt) return [];
        var questions = await session.Query<PublicQuestion>()
            .Where(q => q.MeetingId == meetingId && q.SealedDetails != null && q.Erasure == null)
            .Select(q => q.Id).ToListAsync(ct);
        return [.. questions.Select(id => Schedule(id, endsAt, options))];
    }

    /// <summary>
    /// Erases the details if the period after the meeting (as it is now) has run; if the meeting was moved later since
    /// the message was scheduled, asks again for then.
    /// </summary>
    /// <remarks>
    /// Left fetching and appending by hand (not on [WriteAggregate]): the integration tests call this method directly,
    /// with the session, the IMessageBus it asks again through, and a fixed clock.
    /// </remarks>
    public static async Task Handle(EraseResidentDetailsWhenDue message, IDocumentSession session, DataKeys keys, IMessageBus bus,
        MeetingsOptions options, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PublicQuestion>(message.QuestionId, ct);
        if (stream.Aggregate is not { } question) return;
        var meeting = await session.LoadAsync<Meeting>(question.MeetingId, ct);
        var endsAt = meeting?.EndsAt ?? question.SubmittedAt;
        var months = options.Public.ResidentDetailsRetentionMonths;
        var now = clock.GetUtcNow();
        var events = ResidentDetailsRetention.Decide(question, endsAt, months, now);
        if (events.Count == 0)
        {
            var due = ResidentDetailsRetention.ErasableFrom(endsAt, months);
            if (question is { Erasure: null, SealedDetails: not null } && due > now) await bus.ScheduleAsync(message, due);
            return;
        }
        stream.AppendMany(events.ToArray());
        keys.Shred(session, question.Id);
    }
}
