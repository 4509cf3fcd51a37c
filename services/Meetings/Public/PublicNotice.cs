namespace CommunitySafety.Meetings.Public;

/// <summary>
/// Public meetings (Open Forums, Neighbourhood Engagement Meetings, the conference) are advertised at least
/// <see cref="PublicMeetingOptions.AdvertiseDays"/> days ahead (default 14).
/// </summary>
public static class PublicNotice
{
    /// <summary>
    /// Refuses (422 'too-short-notice') a public meeting that would start fewer than <paramref name="days"/> days after
    /// <paramref name="now"/>. Private meetings are not advertised and may be called at any notice.
    /// </summary>
    public static void Check(bool isPublic, DateTimeOffset startsAt, DateTimeOffset now, int days)
    {
        if (!isPublic) return;
        var earliest = now.AddDays(days);
        if (startsAt < earliest)
            throw new DomainRuleViolation("too-short-notice",
                    $"A public meeting is advertised at least {days} days ahead: it may start on {earliest:yyyy-MM-dd HH:mm} UTC at the earliest.", Refusal.Inconsistent)
                .With("advertiseDays", days)
                .With("earliestStart", earliest);
    }
}
