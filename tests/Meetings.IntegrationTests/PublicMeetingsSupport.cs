using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>A body of a given kind with one member, whose organisation <see cref="OrganisationId"/> a member's token names.</summary>
public sealed record SeededKindBody(Guid BodyId, BodyKind Kind, Guid OrganisationId, Guid MembershipId);

/// <summary>Helpers for the public meetings' tests (kept out of MeetingsFixture so SeedBody stays as it is).</summary>
public static class PublicMeetingsSupport
{
    /// <summary>A body of <paramref name="kind"/> (e.g. an Open Forum or a Neighbourhood Engagement Meeting), as Governance announces it.</summary>
    public static async Task<SeededKindBody> SeedBodyOf(this MeetingsFixture fixture, BodyKind kind)
    {
        var now = DateTimeOffset.UtcNow;
        var body = new BodyCreated(Guid.NewGuid(), $"{kind} {Guid.NewGuid().ToString("N")[..6]}", kind, MeetingCadence.Quarterly, 1, now);
        await fixture.Receive(body);
        var org = new OrganisationRegistered(Guid.NewGuid(), "Borough Council", OrganisationKind.ResponsibleAuthority, now);
        await fixture.Receive(org);
        var member = new MemberAppointed(body.BodyId, Guid.NewGuid(), org.OrganisationId, "Councillor", MemberRole.Member, now);
        await fixture.Receive(member);
        return new SeededKindBody(body.BodyId, kind, org.OrganisationId, member.MembershipId);
    }

    /// <summary>
    /// A meeting already under way (started an hour ago), written straight to its stream: the API refuses to schedule a
    /// public meeting at short notice, and answers come at or after the meeting.
    /// </summary>
    public static async Task<Guid> SeedMeetingUnderWay(this MeetingsFixture fixture, Guid bodyId, Area? area, bool isPublic = true)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using var session = fixture.Store.LightweightSession();
        session.Events.StartStream<Meeting>(id, new MeetingScheduled(id, bodyId, "Meeting under way", now.AddHours(-1), now.AddHours(1), "Community Centre",
            area, null, isPublic, [], now.AddDays(-30)));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A start far enough ahead for any public notice the tests configure.</summary>
    public static string DaysAhead(int days, int hour = 19) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(days).AddHours(hour), TimeSpan.Zero).ToString("O");

    public static async Task<Guid> ScheduleMeeting(this HttpClient manager, Guid bodyId, int daysAhead, Area? area = null, string? location = "Village Hall") =>
        await (await manager.ScheduleMeeting(new { bodyId, startsAt = DaysAhead(daysAhead), area = area?.ToString(), location })).CreatedId();
}
