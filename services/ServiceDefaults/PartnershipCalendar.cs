namespace CommunitySafety.ServiceDefaults;

/// <summary>The partnership's calendar: dates (such as the day an agreement was signed) are dates in Kent.</summary>
public static class PartnershipCalendar
{
    /// <summary>UK time (Europe/London), in which the partnership's dates and meeting times are given.</summary>
    public static readonly TimeZoneInfo Kent =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Kent).DateTime);

    /// <summary>The instant the given day begins in Kent (midnight local time, summer time respected).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Kent.GetUtcOffset(local));
    }
}
