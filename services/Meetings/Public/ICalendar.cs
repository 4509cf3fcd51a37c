using System.Globalization;
using System.Text;

namespace CommunitySafety.Meetings.Public;

/// <summary>One meeting as a calendar event.</summary>
public sealed record CalendarEntry(
    Guid MeetingId, string Summary, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string Url, int Sequence,
    bool Cancelled, DateTimeOffset LastModified, string? Description = null);

/// <summary>
/// Writes an iCalendar (RFC 5545) feed: CRLF line endings, TEXT values escaped (backslash, semicolon, comma, newline),
/// lines folded at 75 octets without splitting a UTF-8 sequence, times in UTC. Pure: the same input gives the same bytes.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string UidDomain = "meetings.community-safety";
    private const int MaxOctets = 75;

    public static string Uid(Guid meetingId) => $"{meetingId}@{UidDomain}";

    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        void Line(string name, string value) => Fold(ics, name + ":" + value);

        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//Community Safety Partnership//Meetings//EN");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Escape(calendarName));
        foreach (var e in entries)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", Uid(e.MeetingId));
            Line("DTSTAMP", Utc(stamp));
            Line("DTSTART", Utc(e.StartsAt));
            Line("DTEND", Utc(e.EndsAt));
            Line("SUMMARY", Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line("LOCATION", Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line("DESCRIPTION", Escape(e.Description));
            Line("URL", Uri(e.Url));
            Line("SEQUENCE", e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("STATUS", e.Cancelled ? "CANCELLED" : "CONFIRMED");
            Line("LAST-MODIFIED", Utc(e.LastModified));
            Line("END", "VEVENT");
        }
        Line("END", "VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A DATE-TIME in UTC ("form #2"), e.g. <c>20261201T100000Z</c>.</summary>
    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; any line break becomes <c>\n</c>.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    escaped.Append(@"\n");
                    break;
                case '\n': escaped.Append(@"\n"); break;
                default:
                    // other control characters are not allowed in TEXT (tab is)
                    if (!char.IsControl(c) || c == '\t') escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>A URI value is not escaped as TEXT, but must hold no control characters (it could break the line).</summary>
    private static string Uri(string uri) => new(uri.Where(c => !char.IsControl(c)).ToArray());

    /// <summary>
    /// Appends a content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with one space, which counts
    /// towards its 75. A line is cut only between Unicode scalar values, so no UTF-8 sequence (or surrogate pair) is split.
    /// </summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
