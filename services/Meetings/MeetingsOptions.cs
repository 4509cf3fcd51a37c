namespace CommunitySafety.Meetings;

/// <summary>Configuration section <c>Meetings</c>.</summary>
public sealed class MeetingsOptions : ISettings<MeetingsOptions>
{
    /// <inheritdoc />
    public static string Section => "Meetings";

    /// <summary>How many days before a meeting its agenda is published, unless the clerk publishes it earlier.
    /// Five clear days is what councils' access-to-information rules ask for.</summary>
    public int AgendaPublishDaysBefore { get; set; } = 5;

    public PublicMeetingOptions Public { get; set; } = new();

    public CalendarOptions Calendar { get; set; } = new();

    /// <summary>The address the public reaches the platform at (the gateway's), for links in calendar feeds; without it
    /// (Development only), links use the request's scheme and host, which behind the gateway are its forwarded ones.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Why <see cref="PublicBaseUrl"/> is required outside Development (<c>AddMeetings</c> checks it there).</summary>
    public const string PublicBaseUrlRequired =
        "Meetings:PublicBaseUrl (Meetings__PublicBaseUrl) is required outside Development: the public address of the gateway, " +
        "e.g. https://csp.example.org, for the links in calendar feeds.";

    /// <summary>Outside Development a published calendar link must not depend on which proxy headers reached the service.</summary>
    public bool HasPublicBaseUrl => !string.IsNullOrWhiteSpace(PublicBaseUrl);

    /// <summary>What is wrong with the settings in any environment (outside Development, <see cref="HasPublicBaseUrl"/> too).</summary>
    public IEnumerable<string> Faults()
    {
        if (Public.ResidentDetailsRetentionMonths < 1) yield return "Public:ResidentDetailsRetentionMonths must be at least 1.";
        if (Calendar.PastDays < 0 || Calendar.MaxEvents < 1) yield return "Calendar:PastDays must be 0 or more and Calendar:MaxEvents at least 1.";
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            yield return $"PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) address.";
    }
}

public sealed class PublicMeetingOptions
{
    /// <summary>How many days ahead, at least, a public meeting is advertised (<c>Meetings:Public:AdvertiseDays</c>).</summary>
    public int AdvertiseDays { get; set; } = 14;

    /// <summary>How many months after the meeting residents' names, contacts and locations are kept before they are erased
    /// (<c>Meetings:Public:ResidentDetailsRetentionMonths</c>).</summary>
    public int ResidentDetailsRetentionMonths { get; set; } = 12;
}

/// <summary>
/// How much an iCalendar feed holds (<c>Meetings:Calendar</c>). Calendar applications fetch a feed whole and cannot
/// follow pages, so a feed is bounded by a window of time and a hard cap instead.
/// </summary>
public sealed class CalendarOptions
{
    /// <summary>Meetings that started more than this many days ago are left out (<c>Meetings:Calendar:PastDays</c>).</summary>
    public int PastDays { get; set; } = 365;

    /// <summary>At most this many events, the soonest from the window's start (<c>Meetings:Calendar:MaxEvents</c>).</summary>
    public int MaxEvents { get; set; } = 1000;
}
