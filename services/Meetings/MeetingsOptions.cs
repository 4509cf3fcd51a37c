namespace CommunitySafety.Meetings;

/// <summary>Configuration section <c>Meetings</c>.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>How many days before a meeting its agenda is published, unless the clerk publishes it earlier.
    /// Five clear days is what councils' access-to-information rules ask for.</summary>
    public int AgendaPublishDaysBefore { get; set; } = 5;

    public PublicMeetingOptions Public { get; set; } = new();
}

public sealed class PublicMeetingOptions
{
    /// <summary>How many days ahead, at least, a public meeting is advertised (<c>Meetings:Public:AdvertiseDays</c>).</summary>
    public int AdvertiseDays { get; set; } = 14;
}
