using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>
/// Governance's exceptions of the Community Safety Agreement's action plan (EscalationRequested) become Escalated items on
/// the next scheduled meeting of the county partnership, once per escalation; with no meeting ahead they wait for the next
/// one scheduled.
/// </summary>
public sealed class GovernanceEscalationTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);

    private async Task<Guid> CountyBody()
    {
        var body = new BodyCreated(Guid.NewGuid(), "KCSP " + Guid.NewGuid().ToString("N")[..6], BodyKind.Executive, MeetingCadence.Quarterly, 4, DateTimeOffset.UtcNow);
        await fixture.Receive(body);
        return body.BodyId;
    }

    private async Task<Guid> Schedule(Guid bodyId, DateTimeOffset startsAt) =>
        await (await _secretary.ScheduleMeeting(new { bodyId, startsAt })).CreatedId();

    private async Task<JsonNode> Meeting(Guid id) => await (await _secretary.GetMeeting(id)).Json(HttpStatusCode.OK);

    private static EscalationRequested Escalation(Guid bodyId, string line = "Reduce repeat victims") => new(
        Guid.NewGuid(), bodyId, $"Community Safety Agreement exception: {line} is off track", $"CSA 2027 action plan: {line}",
        "/api/governance/open/action-plan", DateTimeOffset.UtcNow);

    private static List<JsonNode> Escalated(JsonNode meeting) =>
        [.. meeting["agenda"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == "Escalated").Select(i => i!)];

    [Fact]
    public async Task An_escalation_goes_on_the_bodys_next_scheduled_meeting_once_even_if_received_twice()
    {
        var county = await CountyBody();
        var past = await Schedule(county, DateTimeOffset.UtcNow.AddDays(-3));
        var later = await Schedule(county, DateTimeOffset.UtcNow.AddDays(60));
        var cancelled = await Schedule(county, DateTimeOffset.UtcNow.AddDays(10));
        await (await _secretary.CancelMeeting(cancelled, new { reason = "Room unavailable" })).Json(HttpStatusCode.NoContent);
        var next = await Schedule(county, DateTimeOffset.UtcNow.AddDays(30));

        var escalation = Escalation(county);
        await fixture.Receive(escalation);
        await fixture.Receive(escalation);

        var item = Assert.Single(Escalated(await Meeting(next)));
        Assert.Equal(escalation.Title, item["title"]!.GetValue<string>());
        var origin = item["origin"]!;
        Assert.Equal(("governance", escalation.Origin, escalation.EscalationId, escalation.Url),
            (origin["source"]!.GetValue<string>(), origin["itemTitle"]!.GetValue<string>(), origin["itemId"]!.GetValue<Guid>(), origin["url"]!.GetValue<string>()));
        foreach (var other in new[] { past, later, cancelled }) Assert.Empty(Escalated(await Meeting(other)));
    }

    [Fact]
    public async Task Without_a_meeting_ahead_the_escalation_waits_for_the_next_meeting_scheduled()
    {
        var county = await CountyBody();
        var first = Escalation(county, "Home safety visits");
        var second = Escalation(county, "Knife crime education");
        await fixture.Receive(first);
        await fixture.Receive(second);
        await fixture.Receive(first);

        var next = await Schedule(county, DateTimeOffset.UtcNow.AddDays(20));
        Assert.Equal([first.Title, second.Title], Escalated(await Meeting(next)).Select(i => i["title"]!.GetValue<string>()));
        var after = await Schedule(county, DateTimeOffset.UtcNow.AddDays(40));
        Assert.Empty(Escalated(await Meeting(after)));

        // placed already: a redelivery adds nothing
        await fixture.Receive(second);
        Assert.Equal(2, Escalated(await Meeting(next)).Count);
    }

    [Fact]
    public async Task A_series_puts_waiting_escalations_on_its_first_meeting_ahead()
    {
        var county = await CountyBody();
        var escalation = Escalation(county);
        await fixture.Receive(escalation);
        var created = await (await _secretary.CreateSeries(county,
            new { firstStartsAt = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), count = 2, timeZone = "UTC" })).Json(HttpStatusCode.Created);
        var meetings = created["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        Assert.Single(Escalated(await Meeting(meetings[0])));
        Assert.Empty(Escalated(await Meeting(meetings[1])));
    }
}
