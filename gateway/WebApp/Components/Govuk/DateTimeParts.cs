using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunitySafety.Web.Components.Govuk;

/// <summary>
/// What a <see cref="DateInput"/> posts: a day, month and year as typed, and a time in UK time ("19:00", "7pm", "7:30pm",
/// "midday"). Kept as text so that the form shows back what was typed when it is wrong.
/// </summary>
public sealed partial class DateTimeParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Time { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year)
                           && string.IsNullOrWhiteSpace(Time);

    public static DateTimeParts Of(DateOnly date, TimeOnly? time = null) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
        Time = time is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
    };

    public static DateTimeParts Of(DateTimeOffset at)
    {
        var local = UkTime.Local(at);
        return Of(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>The date, or why not, in GOV.UK's words ("… must be a real date").</summary>
    public bool TryDate(string what, out DateOnly date, out string? error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            error = $"Enter {what}";
            return false;
        }
        if (!int.TryParse(Day, out var d) || !int.TryParse(Month, out var m) || !int.TryParse(Year, out var y) || y < 1000 || y > 9999
            || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            error = $"{Capitalised(what)} must be a real date";
            return false;
        }
        date = new DateOnly(y, m, d);
        error = null;
        return true;
    }

    /// <summary>The date and time as a moment, the time read as UK time (GMT or BST on that day).</summary>
    public bool TryMoment(string what, out DateTimeOffset moment, out string? error)
    {
        moment = default;
        if (!TryDate(what, out var date, out error)) return false;
        if (!TryTime(Time, out var time))
        {
            error = string.IsNullOrWhiteSpace(Time) ? $"Enter the time of {what}" : $"The time of {what} must be a time, like 7pm or 19:00";
            return false;
        }
        var local = date.ToDateTime(time);
        moment = new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>"19:00", "7pm", "7:30 pm", "midday", "noon", "midnight".</summary>
    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        var t = (text ?? "").Trim().ToLowerInvariant().Replace(".", ":");
        if (t is "midday" or "noon" or "12 noon") { time = new TimeOnly(12, 0); return true; }
        if (t == "midnight") { time = new TimeOnly(0, 0); return true; }
        var match = TimePattern().Match(t);
        if (!match.Success) return false;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value;
        if (half.Length > 0)
        {
            if (hour is < 1 or > 12) return false;
            hour = half == "am" ? hour % 12 : hour % 12 + 12;
        }
        if (hour > 23 || minute > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^(?<h>\d{1,2})(:(?<m>\d{2}))?\s*(?<ampm>am|pm)?$")]
    private static partial Regex TimePattern();
}
