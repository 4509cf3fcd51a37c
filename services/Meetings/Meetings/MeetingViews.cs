namespace CommunitySafety.Meetings.Meetings;

/// <summary>What anybody may know of a meeting they may see: when, where, what state — not who said what.</summary>
public sealed record MeetingSummary(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, Area? Area, bool Public,
    MeetingStatus Status, string? CancellationReason, int Sequence, IReadOnlyList<string> Changes, IReadOnlyList<string> Flags,
    DateTimeOffset? AgendaPublishedAt, MinutesStatus MinutesStatus, string Url)
{
    public static MeetingSummary Of(Meeting m) => new(m.Id, m.BodyId, m.Title, m.StartsAt, m.EndsAt, m.Location, m.Area, m.Public, m.Status,
        m.CancellationReason, m.Sequence, m.Changes, m.Flags, m.AgendaPublishedAt, m.Minutes.Status, UrlOf(m.Id));

    public static string UrlOf(Guid meetingId) => $"/api/meetings/meetings/{meetingId}";
}
