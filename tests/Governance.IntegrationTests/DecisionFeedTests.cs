using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Decision events heard over the broker enter the catch-up feed once each, in order, as CloudEvents, and are
/// republished on the csp.decision-events exchange once each. The database is shared by the run, so every test reads
/// the feed from where it ended before the test began.
/// </summary>
public sealed class DecisionFeedTests(GovernanceFixture fixture)
{
    private const string Feed = DecisionFeedEndpoint.Url;

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    private static DecisionRecorded Decision(int minute = 0) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Fund night-time economy patrols in Maidstone", true, "Item 4",
        [Guid.NewGuid(), Guid.NewGuid()], Now.AddMinutes(minute));

    private static GrantAwarded Award(int minute = 0) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Street Pastors", 12_500m, "GBP", Guid.NewGuid(),
        new DateOnly(2026, 11, 20), Now.AddMinutes(minute));

    private HttpClient Reader => fixture.ClientFor(Guid.NewGuid());

    [Fact]
    public async Task Each_decision_event_enters_the_feed_once_in_the_order_heard_as_a_CloudEvent()
    {
        var start = await End();
        var first = Decision(1);
        var award = Award(2);
        var second = Decision(3);
        var secondAward = Award(4);

        foreach (var message in new object[] { first, award, second, first, secondAward, award })
            await fixture.Receive(message);

        var (events, next) = await Page(Reader, start, 500);
        Assert.Equal([first.DecisionId, award.AwardId, second.DecisionId, secondAward.AwardId],
            events.Select(e => e["id"]!.GetValue<Guid>()));

        var decision = events[0];
        Assert.Equal("1.0", decision["specversion"]!.GetValue<string>());
        Assert.Equal(DecisionEvents.DecisionRecordedType, decision["type"]!.GetValue<string>());
        Assert.Equal("/api/meetings", decision["source"]!.GetValue<string>());
        Assert.Equal($"meetings/{first.MeetingId}/decisions/{first.DecisionId}", decision["subject"]!.GetValue<string>());
        Assert.Equal(first.RecordedAt, decision["time"]!.GetValue<DateTimeOffset>());
        Assert.Equal("application/json", decision["datacontenttype"]!.GetValue<string>());
        Assert.Equal(first.DecisionId, decision["data"]!["decisionId"]!.GetValue<Guid>());
        Assert.Equal(first.Text, decision["data"]!["text"]!.GetValue<string>());

        var grant = events[1];
        Assert.Equal("1.0", grant["specversion"]!.GetValue<string>());
        Assert.Equal(DecisionEvents.GrantAwardedType, grant["type"]!.GetValue<string>());
        Assert.Equal("/api/funding", grant["source"]!.GetValue<string>());
        Assert.Equal($"awards/{award.AwardId}", grant["subject"]!.GetValue<string>());
        Assert.Equal(award.RecordedAt, grant["time"]!.GetValue<DateTimeOffset>());
        Assert.Equal(award.Amount, grant["data"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(award.DecisionId, grant["data"]!["decisionId"]!.GetValue<Guid>());

        // Nothing new: the same cursor comes back, so a client can keep polling with it.
        var (none, again) = await Page(Reader, next, 10);
        Assert.Empty(none);
        Assert.Equal(next, again);
    }

    [Fact]
    public async Task Paging_from_any_cursor_returns_the_same_sequence()
    {
        var start = await End();
        var messages = new object[] { Decision(1), Award(2), Decision(3), Decision(4), Award(5) };
        foreach (var message in messages) await fixture.Receive(message);

        var (all, lastNext) = await Page(Reader, start, 500);
        Assert.Equal(messages.Length, all.Count);

        // One at a time, noting each page's cursor.
        var walked = new List<string>();
        var cursors = new List<string> { start };
        var cursor = start;
        while (true)
        {
            var (page, next) = await Page(Reader, cursor, 1);
            if (page.Count == 0)
            {
                Assert.Equal(cursor, next);
                break;
            }
            Assert.Single(page);
            walked.Add(page[0].ToJsonString());
            cursors.Add(cursor = next);
            Assert.True(walked.Count <= messages.Length, "the walk did not end");
        }
        Assert.Equal(all.Select(e => e.ToJsonString()), walked);
        Assert.Equal(lastNext, cursor);

        // From every cursor of the walk, one big page is the rest of the sequence.
        for (var i = 0; i < cursors.Count; i++)
        {
            var (rest, _) = await Page(Reader, cursors[i], 500);
            Assert.Equal(walked.Skip(i), rest.Select(e => e.ToJsonString()));
        }

        // And two at a time lands on the same cursors.
        var (two, afterTwo) = await Page(Reader, start, 2);
        Assert.Equal(walked.Take(2), two.Select(e => e.ToJsonString()));
        Assert.Equal(cursors[2], afterTwo);
    }

    [Fact]
    public async Task Without_after_the_feed_starts_at_the_beginning()
    {
        var decision = Decision();
        await fixture.Receive(decision);

        var response = await Reader.GetAsync($"{Feed}?limit=500");
        var events = new List<Guid>();
        var body = await response.Json(HttpStatusCode.OK);
        events.AddRange(body["events"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
        var next = body["next"]!.GetValue<string>();
        while (true)
        {
            var (page, n) = await Page(Reader, next, 500);
            if (page.Count == 0) break;
            events.AddRange(page.Select(e => e["id"]!.GetValue<Guid>()));
            next = n;
        }
        Assert.Single(events, id => id == decision.DecisionId);
        Assert.Equal(events.Distinct().Count(), events.Count);
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "after=not-a-cursor", "after" },
        { "after=", "after" },
        { "after=" + Uri.EscapeDataString(Convert.ToBase64String("v1:5"u8.ToArray())), "after" }, // base64 with padding, not base64url
        { "after=djE6LTE", "after" }, // base64url of "v1:-1"
        { "after=djI6NQ", "after" }, // base64url of "v2:5"
        { "limit=0", "limit" },
        { "limit=501", "limit" },
        { "limit=-1", "limit" },
    };

    [Theory, MemberData(nameof(BadQueries))]
    public async Task A_malformed_cursor_or_limit_is_a_400_problem(string query, string field)
    {
        var problem = await (await Reader.GetAsync($"{Feed}?{query}")).Problem(HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task An_unparseable_limit_is_a_400_problem()
    {
        await (await Reader.GetAsync($"{Feed}?limit=many")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_feed_needs_a_token_naming_an_organisation_or_the_governance_admin_role()
    {
        var response = await fixture.Client().GetAsync(Feed);
        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        await (await fixture.Client("meetings-clerk").GetAsync(Feed)).Problem(HttpStatusCode.Forbidden);

        await (await fixture.ClientFor(Guid.NewGuid()).GetAsync(Feed)).Json(HttpStatusCode.OK);
        await (await fixture.Client(GovernanceRoles.Admin).GetAsync(Feed)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_decision_event_is_published_to_the_exchange_and_fanned_out_once_and_a_redelivery_not_at_all()
    {
        var decision = Decision();
        var award = Award();

        foreach (var (message, id) in new (object, Guid)[] { (decision, decision.DecisionId), (award, award.AwardId) })
        {
            var tracked = await fixture.ReceiveTracked(message);
            var published = Assert.Single(tracked.Sent.Envelopes(), e => e.Message is CloudEvent);
            Assert.Equal(id.ToString(), ((CloudEvent)published.Message!).Id);
            Assert.Contains(Exchanges.DecisionEvents, published.Destination!.ToString());
            Assert.Equal(id.ToString(), Assert.Single(tracked.Sent.MessagesOf<FanOutDecisionEvent>()).Event.Id);

            var redelivered = await fixture.ReceiveTracked(message);
            Assert.Empty(redelivered.Sent.MessagesOf<CloudEvent>());
            Assert.Empty(redelivered.Sent.MessagesOf<FanOutDecisionEvent>());
            Assert.Empty(redelivered.Executed.MessagesOf<FanOutDecisionEvent>());
            // The redelivery was handled (recognised and skipped), not lost or failed.
            Assert.Single(redelivered.Executed.MessagesOf<TakeInDecisionEvent>());
        }
    }

    [Fact]
    public async Task Funding_events_that_are_not_decisions_are_heard_and_ignored()
    {
        var start = await End();
        var awardId = Guid.NewGuid();
        var payment = new PaymentMade(awardId, Guid.NewGuid(), Guid.NewGuid(), 2_500m, "GBP", new DateOnly(2026, 11, 21), Now);
        var clawback = new AwardClawedBack(awardId, Guid.NewGuid(), Guid.NewGuid(), 500m, "GBP", "Underspend", true, Now);

        foreach (var message in new object[] { payment, clawback })
        {
            var tracked = await fixture.ReceiveTracked(message);
            Assert.Empty(tracked.Sent.MessagesOf<CloudEvent>());
            Assert.Empty(tracked.Sent.MessagesOf<TakeInDecisionEvent>());
        }

        var (events, next) = await Page(Reader, start, 500);
        Assert.Empty(events);
        Assert.Equal(start, next);
        // The award's id names no stream: it was not taken in as a decision event.
        await using var session = fixture.Store.QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(awardId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_feeds_next_link_is_the_same_request_after_the_cursor_it_answered()
    {
        var start = await End();
        var (first, second) = (Decision(10), Decision(11));
        foreach (var message in new object[] { first, second }) await fixture.Receive(message);

        var reader = Reader;
        var response = await reader.GetAsync($"{Feed}?after={Uri.EscapeDataString(start)}&limit=1");
        var page = await response.Json(HttpStatusCode.OK);
        Assert.Equal(first.DecisionId, Assert.Single(page["events"]!.AsArray())!["id"]!.GetValue<Guid>());
        var next = page["next"]!.GetValue<string>();
        Assert.Equal($"{Feed}?limit=1&after={Uri.EscapeDataString(next)}", Assert.Single(response.Links()).Value);
        Assert.Equal("next", Assert.Single(response.Links()).Key);

        var following = await (await reader.GetAsync(response.Links()["next"])).Json(HttpStatusCode.OK);
        Assert.Equal(second.DecisionId, Assert.Single(following["events"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    private static async Task<(List<JsonNode> Events, string Next)> Page(HttpClient client, string? after, int? limit)
    {
        var query = new List<string>();
        if (after is not null) query.Add("after=" + Uri.EscapeDataString(after));
        if (limit is not null) query.Add("limit=" + limit);
        var body = await (await client.GetAsync($"{Feed}?{string.Join('&', query)}")).Json(HttpStatusCode.OK);
        return (body["events"]!.AsArray().Select(e => e!).ToList(), body["next"]!.GetValue<string>());
    }

    /// <summary>The cursor after the last event in the feed now.</summary>
    private async Task<string> End()
    {
        var (events, next) = await Page(Reader, null, 500);
        while (events.Count > 0) (events, next) = await Page(Reader, next, 500);
        return next;
    }
}
