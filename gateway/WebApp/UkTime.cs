namespace CommunitySafety.Web;

/// <summary>
/// Dates and times as residents read them: always the weekday, day, month and year, the time in UK time with its zone
/// named (GMT or BST), as GOV.UK's style guide writes them ("7pm", "7:30pm", "midday").
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>"GMT" or "BST" at that moment.</summary>
    public static string ZoneName(DateTimeOffset at) => Zone.IsDaylightSavingTime(at) ? "BST" : "GMT";

    /// <summary>"Tuesday 12 January 2027".</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("dddd d MMMM yyyy", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"7pm", "7:30pm", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset at) => Time(Local(at));

    public static string Time(DateTime local) => (local.Hour, local.Minute) switch
    {
        (12, 0) => "midday",
        (0, 0) => "midnight",
        (_, 0) => local.ToString("%h", Culture) + (local.Hour < 12 ? "am" : "pm"),
        _ => local.ToString("h:mm", Culture) + (local.Hour < 12 ? "am" : "pm"),
    };

    /// <summary>"Tuesday 12 January 2027, 7pm to 8:30pm (UK time, GMT)".</summary>
    public static string When(DateTimeOffset starts, DateTimeOffset ends)
    {
        var sameDay = Local(starts).Date == Local(ends).Date;
        var until = sameDay ? Time(ends) : $"{Date(ends)}, {Time(ends)}";
        return $"{Date(starts)}, {Time(starts)} to {until} (UK time, {ZoneName(starts)})";
    }

    /// <summary>"12 January 2027 at 7pm (GMT)": a moment something happened.</summary>
    public static string At(DateTimeOffset at) => $"{Local(at).ToString("d MMMM yyyy", Culture)} at {Time(at)} ({ZoneName(at)})";

    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
}
