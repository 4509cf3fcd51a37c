using System.Text;
using CommunitySafety.Meetings.Public;
using Xunit;
using IcalCalendar = Ical.Net.Calendar;

namespace CommunitySafety.UnitTests;

/// <summary>The feeds' writer, checked by parsing its output back with a real iCalendar parser (Ical.Net).</summary>
public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid MeetingId = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private static CalendarEntry Entry(string summary = "North NEM", string? location = "Village Hall", bool cancelled = false, int sequence = 0,
        string? description = null) =>
        new(MeetingId, summary, new DateTimeOffset(2026, 12, 10, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 21, 0, 0, TimeSpan.Zero),
            location, $"https://csp.example.org/api/meetings/meetings/{MeetingId}", sequence, cancelled, Stamp.AddDays(-1), description);

    private static Ical.Net.CalendarComponents.CalendarEvent ParseSingle(string ics) => Assert.Single(IcalCalendar.Load(ics)!.Events);

    [Fact]
    public void An_event_has_a_stable_uid_its_times_in_UTC_url_location_sequence_and_status()
    {
        var ics = ICalendar.Write("Public meetings", [Entry(sequence: 2)], Stamp);
        var e = ParseSingle(ics);
        Assert.Equal($"{MeetingId}@meetings.community-safety", e.Uid);
        Assert.Equal(new Uri($"https://csp.example.org/api/meetings/meetings/{MeetingId}"), e.Url);
        Assert.Equal("Village Hall", e.Location);
        Assert.Equal("North NEM", e.Summary);
        Assert.Equal(2, e.Sequence);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.True(e.DtStart!.IsUtc, ics);
        Assert.Equal(new DateTime(2026, 12, 10, 19, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 10, 21, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), e.LastModified!.AsUtc);
        Assert.Contains("DTSTART:20261210T190000Z\r\n", ics);

        // the same meeting written again (e.g. after a reschedule) keeps its UID
        Assert.Equal(e.Uid, ParseSingle(ICalendar.Write("Public meetings", [Entry(sequence: 3)], Stamp.AddDays(1))).Uid);
    }

    [Fact]
    public void A_cancelled_meeting_says_so()
    {
        var e = ParseSingle(ICalendar.Write("Public meetings", [Entry(cancelled: true, sequence: 1, description: "Cancelled: hall flooded")], Stamp));
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal(1, e.Sequence);
        Assert.Equal("Cancelled: hall flooded", e.Description);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_newlines_are_escaped_and_come_back_intact()
    {
        const string summary = "Open Forum; questions, answers \\ more";
        const string location = "Town Hall, Room 2;\nHigh Street\r\nMaidstone";
        var ics = ICalendar.Write("Feed, with; specials", [Entry(summary, location)], Stamp);
        Assert.Contains(@"SUMMARY:Open Forum\; questions\, answers \\ more" + "\r\n", ics);
        Assert.Contains(@"LOCATION:Town Hall\, Room 2\;\nHigh Street\nMaidstone" + "\r\n", ics);
        var e = ParseSingle(ics);
        Assert.Equal(summary, e.Summary);
        Assert.Equal("Town Hall, Room 2;\nHigh Street\nMaidstone", e.Location);
    }

    [Fact]
    public void Every_line_ends_in_CRLF_and_holds_at_most_75_octets()
    {
        var ics = ICalendar.Write("Public meetings", [Entry(new string('x', 300), "Hall " + new string('é', 100) + " 🏛️ end")], Stamp);
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.DoesNotContain("\r", ics.Replace("\r\n", ""));
        var lines = ics[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
    }

    [Fact]
    public void Folding_never_splits_a_multi_byte_character_and_the_text_unfolds_intact()
    {
        // two-, three- and four-byte UTF-8 characters at every possible offset against the 75-octet boundary
        for (var pad = 0; pad < 4; pad++)
        {
            var location = new string('a', pad) + string.Concat(Enumerable.Repeat("é€😀", 40));
            var ics = ICalendar.Write("Feed", [Entry(location: location)], Stamp);
            var bytes = Encoding.UTF8.GetBytes(ics);
            // decoding each physical line on its own fails if a line ends or begins inside a UTF-8 sequence
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            var start = 0;
            for (var i = 0; i + 1 < bytes.Length; i++)
            {
                if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
                strict.GetString(bytes, start, i - start);
                Assert.True(i - start <= 75, $"line of {i - start} octets");
                start = i + 2;
            }
            Assert.Equal(location, ParseSingle(ics).Location);
        }
    }

    [Fact]
    public void A_long_summary_is_folded_and_unfolds_to_the_original()
    {
        var summary = "Neighbourhood Engagement Meeting (North): " + string.Join(", ", Enumerable.Range(1, 30).Select(i => $"item {i}"));
        var ics = ICalendar.Write("Feed", [Entry(summary)], Stamp);
        Assert.Contains("\r\n ", ics);
        Assert.Equal(summary, ParseSingle(ics).Summary);
    }

    [Fact]
    public void An_empty_feed_is_a_valid_calendar_with_its_name()
    {
        var ics = ICalendar.Write("Community Safety Partnership: public meetings", [], Stamp);
        var calendar = IcalCalendar.Load(ics)!;
        Assert.Empty(calendar.Events);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.Contains("X-WR-CALNAME:Community Safety Partnership: public meetings\r\n", ics);
    }
}
