using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

/// <summary>Scheduled: remind that an office holder's term is ending (does nothing if a newer election superseded it).</summary>
public sealed record RemindOfficeTermEnding(Guid BodyId, Office Office, Guid ElectionId);

/// <summary>Scheduled at the end of a term: the office is vacant unless a newer election superseded that term.</summary>
public sealed record LapseOfficeTerm(Guid BodyId, Office Office, Guid ElectionId);

/// <summary>The scheduled reminders and lapses of office terms; a body that no longer exists has nothing to remind.</summary>
public static class OfficeTermHandler
{
    public static Events Handle(RemindOfficeTermEnding message, [WriteAggregate(Required = false)] Body? body, TimeProvider clock) =>
        body is null ? [] : [.. Body.DecideTermEndingReminder(body, message.Office, message.ElectionId, PartnershipCalendar.Today(clock.GetUtcNow()),
            clock.GetUtcNow())];

    public static Events Handle(LapseOfficeTerm message, [WriteAggregate(Required = false)] Body? body, TimeProvider clock) =>
        body is null ? [] : [.. Body.DecideLapse(body, message.Office, message.ElectionId, PartnershipCalendar.Today(clock.GetUtcNow()), clock.GetUtcNow())];
}
