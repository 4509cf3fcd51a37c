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

    public MeetingsOptions Validated() => Public.ResidentDetailsRetentionMonths >= 1
        ? this
        : throw new InvalidOperationException("Meetings:Public:ResidentDetailsRetentionMonths must be at least 1.");
}

public sealed class PublicMeetingOptions
{
    /// <summary>How many days ahead, at least, a public meeting is advertised (<c>Meetings:Public:AdvertiseDays</c>).</summary>
    public int AdvertiseDays { get; set; } = 14;

    /// <summary>How many months after the meeting residents' names, contacts and locations are kept before they are erased
    /// (<c>Meetings:Public:ResidentDetailsRetentionMonths</c>).</summary>
    public int ResidentDetailsRetentionMonths { get; set; } = 12;
}
