namespace CommunitySafety.ServiceDefaults;

/// <summary>The partnership's calendar: dates (such as the day an agreement was signed) are dates in Kent.</summary>
public static class PartnershipCalendar
{
    private static readonly TimeZoneInfo Kent =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Kent).DateTime);
}
