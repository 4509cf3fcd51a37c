using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Meetings.Meetings;

/// <summary>What anybody may know of a meeting they may see: when, where, what state — not who said what.</summary>
/// <param name="Id">The meeting.</param>
/// <param name="BodyId">The body that meets.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Location">Where it is held.</param>
/// <param name="Area">The area it is for, when it is for one.</param>
/// <param name="Public">Whether the public may attend.</param>
/// <param name="Status">The meeting's state.</param>
/// <param name="CancellationReason">Why it was cancelled, when it was.</param>
/// <param name="Sequence">How many times its time, place or status has changed (iCalendar's SEQUENCE).</param>
/// <param name="Changes">Each reschedule and cancellation, dated, with its reason.</param>
/// <param name="Flags">Warnings about the date, such as meeting after the body it must meet before.</param>
/// <param name="AgendaPublishedAt">When its agenda was published; null while it is not.</param>
/// <param name="MinutesStatus">Where its minutes are (none, draft, approved…).</param>
/// <param name="Url">Its address in the Meetings API.</param>
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
