using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>What anybody may know of a meeting they may see: when, where, what state — not who said what.</summary>
/// <param name="BodyKind">The kind of body whose meeting it is (an Open Forum, a Neighbourhood Engagement Meeting…), when Meetings knows it.</param>
/// <param name="PageUrl">The meeting's page on the partnership's website (the web client, through the gateway).</param>
public sealed record MeetingSummary(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, Area? Area, bool Public,
    MeetingStatus Status, string? CancellationReason, int Sequence, IReadOnlyList<string> Changes, IReadOnlyList<string> Flags,
    DateTimeOffset? AgendaPublishedAt, MinutesStatus MinutesStatus, string Url, BodyKind? BodyKind, string PageUrl)
{
    public static MeetingSummary Of(Meeting m, BodyKind? bodyKind) => new(m.Id, m.BodyId, m.Title, m.StartsAt, m.EndsAt, m.Location, m.Area,
        m.Public, m.Status, m.CancellationReason, m.Sequence, m.Changes, m.Flags, m.AgendaPublishedAt, m.Minutes.Status, UrlOf(m.Id), bodyKind,
        PageOf(m.Id));

    /// <summary>The meeting in the API.</summary>
    public static string UrlOf(Guid meetingId) => $"/api/meetings/meetings/{meetingId}";

    /// <summary>The meeting's page on the website, which calendar entries link back to.</summary>
    public static string PageOf(Guid meetingId) => $"/meetings/{meetingId}";
}
