using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>Answers as the services give them, with sensible defaults a test overrides.</summary>
public static class Data
{
    /// <summary>12 January 2027, 7pm in the UK (GMT): winter.</summary>
    public static readonly DateTimeOffset Winter = new(2027, 1, 12, 19, 0, 0, TimeSpan.Zero);

    /// <summary>15 June 2027, 6:30pm in the UK (BST: 17:30 UTC).</summary>
    public static readonly DateTimeOffset Summer = new(2027, 6, 15, 17, 30, 0, TimeSpan.Zero);

    public static MeetingSummary Meeting(Guid? id = null, string title = "North Neighbourhood Engagement Meeting", DateTimeOffset? startsAt = null,
        Area? area = Area.North, BodyKind kind = BodyKind.NeighbourhoodEngagement, MeetingStatus status = MeetingStatus.Scheduled,
        string? location = "Village Hall, High Street", bool isPublic = true, Guid? bodyId = null, DateTimeOffset? agendaPublishedAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(30);
        return new MeetingSummary(id ?? Guid.NewGuid(), bodyId ?? Guid.NewGuid(), title, starts, starts.AddMinutes(90), location, area, isPublic, status,
            status == MeetingStatus.Cancelled ? "The hall is closed" : null, [], agendaPublishedAt, MinutesStatus.None, kind);
    }

    public static AgendaView Agenda(MeetingSummary meeting, params AgendaItemView[] items) =>
        new(meeting.Id, meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Location, meeting.Status, meeting.StartsAt.AddDays(-7),
            meeting.StartsAt.AddDays(-7), false, items);

    public static AgendaItemView Item(int number, string title, bool exempt = false, params Paper[] papers) =>
        new(Guid.NewGuid(), number, title, AgendaItemKind.Business, exempt, null, papers, null, null);
}
