namespace CommunitySafety.Meetings;

/// <summary>Configuration section <c>Meetings</c>.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>How many days before a meeting its agenda is published, unless the clerk publishes it earlier.
    /// Five clear days is what councils' access-to-information rules ask for.</summary>
    public int AgendaPublishDaysBefore { get; set; } = 5;

    public PublicMeetingOptions Public { get; set; } = new();

    /// <summary>The address the public reaches the platform at (the gateway's), for links in calendar feeds; without it,
    /// links use the request's own scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class PublicMeetingOptions
{
    /// <summary>How many days ahead, at least, a public meeting is advertised (<c>Meetings:Public:AdvertiseDays</c>).</summary>
    public int AdvertiseDays { get; set; } = 14;
}
