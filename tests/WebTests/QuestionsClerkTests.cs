using System.Net;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.BodyClerkData;

namespace CommunitySafety.WebTests;

/// <summary>Residents' questions to a public meeting, for its clerk: moderation, answers, "you said, we did", erasure.</summary>
public sealed class QuestionsClerkTests : ManagerPageTests
{
    private readonly Meeting _meeting;

    public QuestionsClerkTests(WebFactory site) : base(site)
    {
        _meeting = Meeting(BodyId, isPublic: true);
        Gateway.Get($"/api/meetings/meetings/{_meeting.Id}", _meeting);
    }

    private void Given(params ManagedQuestionView[] questions) => Gateway.Get($"/api/meetings/meetings/{_meeting.Id}/questions", questions);

    private string Path => $"/clerk/meetings/{_meeting.Id}/questions";

    private static string Form(string action, ManagedQuestionView q) => $"{action}-{q.Id:N}";

    [Fact]
    public async Task Pending_questions_come_first_with_the_residents_details_which_no_address_carries()
    {
        var accepted = Question(_meeting, ModerationState.Accepted, "Why are there no police patrols?", submittedAt: DateTimeOffset.UtcNow.AddDays(-9));
        var pending = Question(_meeting, text: "When will the street light on Mill Lane be fixed?");
        Given(accepted, pending);
        var browser = await SignedInClerk();

        var page = await browser.Get(Path);

        Assert.Equal("Residents' questions", page.H1);
        var cards = page.Document.QuerySelectorAll(".govuk-summary-card");
        Assert.Equal([pending.Id, accepted.Id], cards.Select(c => Guid.Parse(c.Id!["question-".Length..])));
        Assert.Contains("Alex Resident", cards[0].TextContent);
        Assert.Contains("alex@example.org", cards[0].TextContent);
        page.Form(Form("moderate", pending));
        page.Form(Form("answer", accepted));
        page.Form(Form("erase", pending));
        var addresses = page.Document.QuerySelectorAll("[href], form[action]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? "");
        Assert.DoesNotContain(addresses, a => a.Contains("Alex") || a.Contains("example.org"));
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_an_error_on_that_questions_form_only()
    {
        var first = Question(_meeting);
        var second = Question(_meeting, submittedAt: DateTimeOffset.UtcNow.AddDays(-1));
        Given(first, second);
        var browser = await SignedInClerk();
        var form = await browser.Get(Path);

        var page = await browser.Submit(form, Form("moderate", second), new Dictionary<string, string?> { ["Form.Decision"] = "reject", ["Form.Reason"] = "" });
        var undecided = await browser.Submit(form, Form("moderate", first), new Dictionary<string, string?>());

        Assert.Equal([("Enter why it is rejected", $"reason-{second.Id}")], page.Errors);
        Assert.NotNull(page.Document.QuerySelector($"#reason-{second.Id}-error"));
        Assert.Null(page.Document.QuerySelector($"#reason-{first.Id}-error"));
        Assert.Equal("reject", page.Document.QuerySelector($"input[name='Form.Decision'][id^='decision-{second.Id}'][checked]")?.GetAttribute("value"));
        Assert.Equal([("Select whether to accept or reject it", $"decision-{first.Id}")], undecided.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task Accepting_and_rejecting_are_sent_and_the_page_says_what_was_done()
    {
        var question = Question(_meeting);
        Given(question);
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/questions/{question.Id}/moderation", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get(Path);

        var accepted = await browser.Submit(form, Form("moderate", question), new Dictionary<string, string?> { ["Form.Decision"] = "accept", ["Form.Reason"] = "" });
        var rejected = await browser.Submit(form, Form("moderate", question), new Dictionary<string, string?> { ["Form.Decision"] = "reject", ["Form.Reason"] = "Abusive" });

        Assert.Equal(["""{"accept":true}""", """{"accept":false,"reason":"Abusive"}"""], Gateway.Sent(HttpMethod.Post, "/api/meetings").Select(r => r.Body));
        Assert.Equal($"{Path}?done=accepted", accepted.Url.PathAndQuery);
        Assert.Contains("The question is accepted", accepted.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
        Assert.Equal($"{Path}?done=rejected", rejected.Url.PathAndQuery);
    }

    [Fact]
    public async Task An_answer_before_the_meeting_is_refused_plainly_and_after_it_is_sent()
    {
        var question = Question(_meeting, ModerationState.Accepted);
        Given(question);
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/questions/{question.Id}/answer", HttpStatusCode.Conflict, "meeting-not-yet-held",
            "Questions are answered at or after the meeting.", new { meetingStartsAt = new DateTimeOffset(WinterLocal, TimeSpan.Zero) });
        var browser = await SignedInClerk();
        var form = await browser.Get(Path);

        var early = await browser.Submit(form, Form("answer", question), new Dictionary<string, string?> { ["Form.Answer"] = "It is on the list." });
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/questions/{question.Id}/answer", null, HttpStatusCode.NoContent);
        var answered = await browser.Submit(form, Form("answer", question), new Dictionary<string, string?> { ["Form.Answer"] = " It is on the list. " });

        Assert.Contains($"You can answer it from 12 January {NextYear} at 7pm (GMT).", early.ErrorSummary);
        Assert.Equal("It is on the list.", early.Document.QuerySelector($"#answer-{question.Id}")?.TextContent);
        Assert.Equal("""{"answer":"It is on the list."}""", Gateway.Sent(HttpMethod.Post, "/api/meetings").Last().Body);
        Assert.Equal($"{Path}?done=answered", answered.Url.PathAndQuery);
    }

    [Fact]
    public async Task The_outcome_is_recorded_with_its_progress_then_published()
    {
        var answered = Question(_meeting, ModerationState.Accepted, answer: "We will ask the council.");
        var recorded = Question(_meeting, ModerationState.Accepted, answer: "We asked the council.", outcomeRecordedAt: DateTimeOffset.UtcNow.AddDays(-1));
        Given(answered, recorded);
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/questions/{answered.Id}/outcome", null, HttpStatusCode.NoContent);
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/questions/{recorded.Id}/outcome/publish", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get(Path);
        Assert.Equal(answered.Text, form.Document.QuerySelector($"#you-said-{answered.Id}")?.TextContent);
        Assert.Throws<Xunit.Sdk.XunitException>(() => form.Form(Form("publish", answered)));

        var missing = await browser.Submit(form, Form("outcome", answered), new Dictionary<string, string?>
        {
            ["Form.YouSaid"] = "The light is broken", ["Form.WeDid"] = "", ["Form.Progress"] = "InProgress",
        });
        var saved = await browser.Submit(form, Form("outcome", answered), new Dictionary<string, string?>
        {
            ["Form.YouSaid"] = "The light is broken", ["Form.WeDid"] = "We asked the council to fix it", ["Form.Progress"] = "InProgress",
        });
        var published = await browser.Submit(form, Form("publish", recorded), new Dictionary<string, string?>());

        Assert.Equal([("Enter what the partnership did", $"we-did-{answered.Id}")], missing.Errors);
        Assert.Equal("""{"youSaid":"The light is broken","weDid":"We asked the council to fix it","progress":"InProgress"}""",
            Assert.Single(Gateway.Sent(HttpMethod.Post, $"/api/meetings/questions/{answered.Id}/outcome")).Body);
        Assert.Equal($"{Path}?done=outcome-recorded", saved.Url.PathAndQuery);
        Assert.Single(Gateway.Sent(HttpMethod.Post, $"/api/meetings/questions/{recorded.Id}/outcome/publish"));
        Assert.Contains("The outcome is published", published.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task Erasing_the_residents_details_warns_it_cannot_be_undone_and_needs_a_reason()
    {
        var question = Question(_meeting, ModerationState.Rejected);
        var erased = Question(_meeting, ModerationState.Accepted, name: null, contact: null) with { Erased = true, Location = null };
        Given(question, erased);
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/questions/{question.Id}/erase-details", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get(Path);
        Assert.Contains("This cannot be undone", form.Document.QuerySelector($"#question-{question.Id} .govuk-warning-text")?.TextContent);
        Assert.Throws<Xunit.Sdk.XunitException>(() => form.Form(Form("erase", erased)));

        var missing = await browser.Submit(form, Form("erase", question), new Dictionary<string, string?> { ["Form.EraseReason"] = "" });
        var done = await browser.Submit(form, Form("erase", question), new Dictionary<string, string?> { ["Form.EraseReason"] = "The resident asked us to" });

        Assert.Equal([("Enter why you are erasing the resident's details", $"erase-reason-{question.Id}")], missing.Errors);
        Assert.NotNull(missing.Document.QuerySelector($"#question-{question.Id} details[open]"));
        Assert.Equal("""{"reason":"The resident asked us to"}""", Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/meetings")).Body);
        Assert.Equal($"{Path}?done=erased", done.Url.PathAndQuery);
    }

    [Fact]
    public async Task The_success_banner_is_not_repeated_when_a_form_is_sent_from_the_page_it_is_on()
    {
        var question = Question(_meeting);
        Given(question);
        var browser = await SignedInClerk();
        var form = await browser.Get($"{Path}?done=accepted");

        var page = await browser.Submit(form, Form("moderate", question), new Dictionary<string, string?>());

        Assert.NotNull(form.Document.QuerySelector(".govuk-notification-banner--success"));
        Assert.NotNull(page.ErrorSummary);
        Assert.Null(page.Document.QuerySelector(".govuk-notification-banner--success"));
    }

    [Fact]
    public async Task A_private_meeting_takes_no_questions()
    {
        var meeting = Meeting(BodyId);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/meetings/{meeting.Id}/questions");

        Assert.Contains("not held in public", page.Text);
        Assert.Empty(Gateway.Sent(HttpMethod.Get, $"/api/meetings/meetings/{meeting.Id}/questions"));
    }
}
