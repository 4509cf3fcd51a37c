using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Public;
using CommunitySafety.ServiceDefaults.DataProtection;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>
/// Residents' details on public questions (name, contact, street-level location): sealed under a key per question, so
/// no table of Meetings' database holds them; erased by the body's clerk with a reason, or by a message scheduled for
/// the end of the retention period after the meeting; the question itself stays.
/// </summary>
public sealed class ResidentDetailsTests(MeetingsFixture fixture)
{
    private readonly HttpClient _secretary = fixture.Client(MeetingsRoles.Secretary);
    private readonly HttpClient _anonymous = fixture.Client();
    private static string Database => Environment.GetEnvironmentVariable("ConnectionStrings__meetings")!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A resident's details unique to one test, so that a scan of the whole database means something.</summary>
    private sealed record Resident(string Name, string Contact, string Location)
    {
        public static Resident New()
        {
            var tag = Guid.NewGuid().ToString("N")[..12];
            return new Resident($"Resident {tag}", $"{tag}@example.org", $"12 {tag} Street");
        }

        public string[] All => [Name, Contact, Location];
    }

    private async Task<(Guid BodyId, Guid MeetingId)> NeighbourhoodMeeting()
    {
        var nem = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        return (nem.BodyId, await _secretary.ScheduleMeeting(nem.BodyId, 30, Area.North));
    }

    private async Task<Guid> Submit(Guid meetingId, Resident? resident) =>
        await (await _anonymous.AskQuestion(meetingId, new
        {
            kind = "Observation", text = "Cars speed past the school at home time", area = "North",
            location = resident?.Location, name = resident?.Name, contact = resident?.Contact,
        })).CreatedId();

    private async Task<JsonNode> Managed(Guid questionId) => await (await _secretary.GetQuestion(questionId)).Json(HttpStatusCode.OK);

    private static async Task<IReadOnlyList<string>> Revealing(Resident resident)
    {
        var hits = new List<string>();
        foreach (var detail in resident.All) hits.AddRange(await Probes.RowsRevealing(Database, detail));
        return hits;
    }

    private async Task<bool> KeyExists(Guid questionId)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<DataKey>(questionId, Ct) is not null;
    }

    private Task<HttpResponseMessage> Erase(HttpClient client, Guid questionId, object? body) =>
        client.EraseQuestionDetails(questionId, body);

    [Fact]
    public async Task The_clerk_erases_a_residents_details_which_then_read_as_erased_and_no_table_holds_them()
    {
        var (bodyId, meetingId) = await NeighbourhoodMeeting();
        var resident = Resident.New();
        var questionId = await Submit(meetingId, resident);
        Assert.Empty(await Revealing(resident)); // sealed at rest from the start

        var before = await Managed(questionId);
        Assert.Equal((resident.Name, resident.Contact, resident.Location, false),
            (before["name"]!.GetValue<string>(), before["contact"]!.GetValue<string>(), before["location"]!.GetValue<string>(),
                before["erased"]!.GetValue<bool>()));
        Assert.DoesNotContain("sealedDetails", before.ToJsonString());
        Assert.Equal(HttpStatusCode.NoContent, (await _secretary.ModerateQuestion(questionId, new { accept = true })).StatusCode);
        var shown = await (await _anonymous.GetQuestion(questionId)).Json(HttpStatusCode.OK);
        Assert.Equal(resident.Location, shown["location"]!.GetValue<string>());
        Assert.DoesNotContain(resident.Name, shown.ToJsonString());
        Assert.DoesNotContain(resident.Contact, shown.ToJsonString());

        var clerk = fixture.ClerkOf(bodyId);
        var erased = await Erase(clerk, questionId, new { reason = "The resident asked to be forgotten" });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal("\"3\"", erased.ETag()); // submitted, moderated, erased
        var after = await Managed(questionId);
        Assert.True(after["erased"]!.GetValue<bool>());
        Assert.Null(after["name"]);
        Assert.Null(after["contact"]);
        Assert.Null(after["location"]);
        Assert.Equal(("Test Clerk", "The resident asked to be forgotten"),
            (after["erasure"]!["by"]!.GetValue<string>(), after["erasure"]!["reason"]!.GetValue<string>()));
        Assert.Equal("Cars speed past the school at home time", after["text"]!.GetValue<string>()); // the matter raised stays
        var listed = (await (await _secretary.GetQuestions(meetingId)).Json(HttpStatusCode.OK)).AsArray()
            .Single(q => q!["id"]!.GetValue<Guid>() == questionId)!;
        Assert.True(listed["erased"]!.GetValue<bool>());
        Assert.Null((await (await _anonymous.GetQuestion(questionId)).Json(HttpStatusCode.OK))["location"]);

        await using (var session = fixture.Store.QuerySession())
        {
            var recorded = (await session.Events.FetchStreamAsync(questionId, token: Ct)).Select(e => e.Data).OfType<ResidentDetailsErased>().Single();
            Assert.Equal(("Test Clerk", "The resident asked to be forgotten"), (recorded.By, recorded.Reason));
        }
        Assert.False(await KeyExists(questionId));
        // events, snapshots, data keys, Wolverine's inbox, outbox and dead letters: none holds them in clear, hex or base64
        Assert.Empty(await Revealing(resident));

        await (await Erase(clerk, questionId, new { reason = "Again" })).Problem(HttpStatusCode.Conflict, "details-already-erased");
    }

    [Fact]
    public async Task Erasing_answers_bad_input_unknown_ids_other_clerks_and_a_question_without_details_with_problems()
    {
        var (bodyId, meetingId) = await NeighbourhoodMeeting();
        var other = await fixture.SeedBodyOf(BodyKind.NeighbourhoodEngagement);
        var resident = Resident.New();
        var questionId = await Submit(meetingId, resident);
        var clerk = fixture.ClerkOf(bodyId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Erase(_anonymous, questionId, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Erase(fixture.Client("governance-admin"), questionId, new { reason = "x" })).StatusCode);
        var forbidden = await (await Erase(fixture.ClerkOf(other.BodyId), questionId, new { reason = "x" })).Problem(HttpStatusCode.Forbidden, "not-clerk-of-body");
        Assert.Equal(bodyId, forbidden["bodyId"]!.GetValue<Guid>());

        var invalid = await (await Erase(clerk, questionId, new { reason = " " })).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(invalid["errors"]!["reason"]);
        await (await Erase(clerk, questionId, new { reason = new string('r', 1001) })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await clerk.PostRaw($"/api/meetings/questions/{questionId}/erase-details", "null")).Problem(HttpStatusCode.BadRequest);
        await (await clerk.PostRaw($"/api/meetings/questions/{questionId}/erase-details", "{\"reason\":")).Problem(HttpStatusCode.BadRequest);

        await (await Erase(clerk, Guid.NewGuid(), new { reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Erase(clerk, Guid.Empty, new { reason = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Erase(_secretary, questionId, new { reason = "x" }, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        // nothing was erased by any of those
        Assert.Equal(resident.Name, (await Managed(questionId))["name"]!.GetValue<string>());
        Assert.True(await KeyExists(questionId));

        var anonymousQuestion = await Submit(meetingId, null);
        Assert.False(await KeyExists(anonymousQuestion)); // no details, no key
        await (await Erase(clerk, anonymousQuestion, new { reason = "x" })).Problem(HttpStatusCode.Conflict, "no-resident-details");
    }

    private Task<HttpResponseMessage> Erase(HttpClient client, Guid questionId, object body, string ifMatch) =>
        client.EraseQuestionDetails(questionId, body, ifMatch);

    private async Task RunRetention(Guid questionId, DateTimeOffset now)
    {
        var services = fixture.Host.Services;
        using var scope = services.CreateScope();
        await using var session = fixture.Store.LightweightSession();
        await ResidentDetailsRetentionHandler.Handle(new EraseResidentDetailsWhenDue(questionId), session, services.GetRequiredService<DataKeys>(),
            scope.ServiceProvider.GetRequiredService<IMessageBus>(), services.GetRequiredService<MeetingsOptions>(), new FixedClock(now), Ct);
        await session.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Submitting_schedules_the_erasure_for_twelve_months_after_the_meeting_which_erases_when_its_time_comes()
    {
        var (_, meetingId) = await NeighbourhoodMeeting();
        var endsAt = (await (await _secretary.GetMeeting(meetingId)).Json(HttpStatusCode.OK))["endsAt"]!.GetValue<DateTimeOffset>();
        var resident = Resident.New();
        var questionId = await Submit(meetingId, resident);

        // the erasure waits in Wolverine's persisted inbox for the end of the default twelve months after the meeting
        var scheduled = Assert.Single(await ScheduledMessages.About(Database, questionId));
        Assert.Contains(nameof(EraseResidentDetailsWhenDue), scheduled.MessageType);
        Assert.Equal(ScheduledMessages.AsStored(endsAt.AddMonths(12)), scheduled.ExecutionTime);
        Assert.Empty(await ScheduledMessages.About(Database, await Submit(meetingId, null))); // nothing to erase, nothing scheduled

        // delivered early it erases nothing (and asks again for when it is due)
        await RunRetention(questionId, endsAt.AddMonths(12).AddMinutes(-1));
        Assert.Equal(resident.Contact, (await Managed(questionId))["contact"]!.GetValue<string>());

        await RunRetention(questionId, endsAt.AddMonths(12));
        var after = await Managed(questionId);
        Assert.True(after["erased"]!.GetValue<bool>());
        Assert.Null(after["contact"]);
        Assert.Equal(ResidentDetailsRetention.Actor, after["erasure"]!["by"]!.GetValue<string>());
        Assert.Contains("12 months after the meeting", after["erasure"]!["reason"]!.GetValue<string>());
        Assert.False(await KeyExists(questionId));
        Assert.Empty(await Revealing(resident));

        await RunRetention(questionId, endsAt.AddMonths(13)); // a repeated delivery changes nothing
        Assert.Equal(2, (await Managed(questionId))["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_meeting_moved_earlier_has_its_residents_details_erased_earlier_too()
    {
        var (_, meetingId) = await NeighbourhoodMeeting();
        var questionId = await Submit(meetingId, Resident.New());
        var moved = DateTimeOffset.UtcNow.AddDays(20);
        Assert.Equal(HttpStatusCode.OK, (await _secretary.RescheduleMeeting(meetingId,
            new { startsAt = moved, reason = "Hall booked earlier" })).StatusCode);
        var endsAt = (await (await _secretary.GetMeeting(meetingId)).Json(HttpStatusCode.OK))["endsAt"]!.GetValue<DateTimeOffset>();

        // asked for again at the new, earlier time; the first message (for the old time) will find nothing left to do
        var scheduled = await ScheduledMessages.About(Database, questionId);
        Assert.Equal(2, scheduled.Count);
        Assert.Contains(scheduled, m => m.ExecutionTime == ScheduledMessages.AsStored(endsAt.AddMonths(12)));

        // moved a little later again: nothing new is scheduled (a message that comes early asks again for the new time)
        Assert.Equal(HttpStatusCode.OK, (await _secretary.RescheduleMeeting(meetingId,
            new { startsAt = moved.AddDays(5), reason = "Hall booked a week on" })).StatusCode);
        Assert.Equal(2, (await ScheduledMessages.About(Database, questionId)).Count);

        await RunRetention(questionId, endsAt.AddMonths(12).AddDays(5));
        Assert.True((await Managed(questionId))["erased"]!.GetValue<bool>());
    }
}
