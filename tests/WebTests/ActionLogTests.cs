using System.Net;
using CommunitySafety.Web.Api;
using Xunit;
using static CommunitySafety.WebTests.BodyClerkData;

namespace CommunitySafety.WebTests;

/// <summary>A body's action log and one action: notes, done, dropped; refusals in plain English.</summary>
public sealed class ActionLogTests : ManagerPageTests
{

    public ActionLogTests(WebFactory site) : base(site)
    {
        Gateway.Get($"/api/meetings/bodies/{BodyId}", Body(BodyId));
        Gateway.Get("/api/meetings/meetings", Array.Empty<MeetingSummary>());
    }

    private ActionView GivenAction(ActionStatus status = ActionStatus.Open, Guid? bodyId = null)
    {
        var action = Action(bodyId ?? BodyId, status: status, notes: new ActionNote("Survey booked", DateTimeOffset.UtcNow.AddDays(-5)));
        Gateway.Get($"/api/meetings/actions/{action.Id}", action);
        return action;
    }

    [Fact]
    public async Task The_log_puts_overdue_actions_first_in_red_then_open_ones_then_closed_ones()
    {
        var done = Action(BodyId, "Publish the survey", ActionStatus.Done);
        var onTrack = Action(BodyId, "Review CCTV coverage", dueOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)));
        var overdue = Action(BodyId, "Report on street lighting", ActionStatus.InProgress, overdue: true);
        Gateway.Get($"/api/meetings/bodies/{BodyId}/actions", new[] { done, onTrack, overdue });
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/bodies/{BodyId}/actions");

        Assert.Equal("Action log", page.H1);
        var rows = page.Document.QuerySelectorAll("tbody tr");
        Assert.Equal(["Report on street lighting", "Review CCTV coverage", "Publish the survey"], rows.Select(r => r.QuerySelector("a")!.TextContent));
        Assert.Equal(("Overdue", "Red"), (rows[0].QuerySelector(".govuk-tag")!.TextContent, rows[0].QuerySelector(".govuk-tag--red") is null ? "" : "Red"));
        Assert.Equal("On track", rows[1].QuerySelector(".govuk-tag--green")?.TextContent);
        Assert.Equal("Done", rows[2].QuerySelector(".govuk-tag")?.TextContent);
        Assert.Equal($"/clerk/actions/{overdue.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_log_filters_by_status_with_a_get_form()
    {
        Gateway.Get($"/api/meetings/bodies/{BodyId}/actions", Array.Empty<ActionView>());
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/bodies/{BodyId}/actions?status=Dropped");
        var nonsense = await browser.Get($"/clerk/bodies/{BodyId}/actions?status=1");

        Assert.Equal("get", page.Document.QuerySelector("form:has(#status)")?.GetAttribute("method"));
        Assert.Equal("Dropped", page.Document.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        Assert.Contains("No actions are dropped", page.Text);
        var asked = Gateway.Sent(HttpMethod.Get, $"/api/meetings/bodies/{BodyId}/actions").Select(r => r.PathAndQuery).ToList();
        Assert.Contains("status=Dropped", asked[0]);
        Assert.DoesNotContain("status=", asked[1]);
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
    }

    [Fact]
    public async Task An_action_shows_its_notes_and_forms_to_its_bodys_clerk_only()
    {
        var action = GivenAction();
        var others = GivenAction(bodyId: Guid.NewGuid());
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/actions/{action.Id}");
        var forbidden = await browser.Get($"/clerk/actions/{others.Id}");
        var unknown = await browser.Get($"/clerk/actions/{Guid.NewGuid()}");

        Assert.Equal("Report on street lighting", page.H1);
        Assert.Contains("Survey booked", page.Text);
        Assert.Contains("Kent Police", page.Text);
        foreach (var form in new[] { "progress", "complete", "drop" }) page.Form(form);
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (forbidden.Status, forbidden.H1));
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
    }

    [Fact]
    public async Task A_closed_action_has_no_forms()
    {
        var action = GivenAction(ActionStatus.Dropped);
        var browser = await SignedInClerk();

        var page = await browser.Get($"/clerk/actions/{action.Id}");

        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("No longer needed", page.Text);
    }

    [Fact]
    public async Task An_empty_progress_note_is_an_error_on_its_own_form_and_a_note_is_sent()
    {
        var action = GivenAction();
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/actions/{action.Id}/progress", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/actions/{action.Id}");

        var empty = await browser.Submit(form, "progress", new Dictionary<string, string?> { ["Progress.Note"] = "" });
        var noted = await browser.Submit(form, "progress", new Dictionary<string, string?> { ["Progress.Note"] = "Contractor visits on Monday" });

        Assert.Equal([("Enter the progress note", "note")], empty.Errors);
        Assert.Null(empty.Document.QuerySelector("#done-note-error"));
        Assert.Equal("""{"note":"Contractor visits on Monday"}""", Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/meetings/actions")).Body);
        Assert.Equal($"/clerk/actions/{action.Id}?done=noted", noted.Url.PathAndQuery);
        Assert.Contains("The progress note is added", noted.Document.QuerySelector(".govuk-notification-banner--success")?.TextContent);
    }

    [Fact]
    public async Task Marking_done_at_a_meeting_sends_the_meeting()
    {
        var action = GivenAction();
        var meeting = Data.Meeting(bodyId: BodyId, startsAt: DateTimeOffset.UtcNow.AddDays(-1), title: "Working Group");
        Gateway.Get("/api/meetings/meetings", new[] { meeting });
        Gateway.Answer(HttpMethod.Post, $"/api/meetings/actions/{action.Id}/complete", null, HttpStatusCode.NoContent);
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/actions/{action.Id}");
        Assert.NotNull(form.Document.QuerySelector($"#meeting option[value='{meeting.Id}']"));

        var page = await browser.Submit(form, "complete", new Dictionary<string, string?> { ["Complete.Note"] = "Lights fixed", ["Complete.MeetingId"] = meeting.Id.ToString() });

        Assert.Equal($$"""{"note":"Lights fixed","meetingId":"{{meeting.Id}}"}""", Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/meetings/actions")).Body);
        Assert.Equal($"/clerk/actions/{action.Id}?done=done", page.Url.PathAndQuery);
    }

    [Fact]
    public async Task Dropping_needs_a_reason_and_an_action_closed_meanwhile_is_said_plainly()
    {
        var action = GivenAction();
        Gateway.Refuse(HttpMethod.Post, $"/api/meetings/actions/{action.Id}/drop", HttpStatusCode.Conflict, "action-closed",
            "The action is already Done: it can no longer change.", new { actionStatus = "Done" });
        var browser = await SignedInClerk();
        var form = await browser.Get($"/clerk/actions/{action.Id}");

        var missing = await browser.Submit(form, "drop", new Dictionary<string, string?> { ["Drop.Reason"] = "  " });
        var closed = await browser.Submit(form, "drop", new Dictionary<string, string?> { ["Drop.Reason"] = "No longer needed" });

        Assert.Equal([("Enter why the action will not be done", "drop-reason")], missing.Errors);
        Assert.Contains("This action is already done, so it can no longer change.", closed.ErrorSummary);
        Assert.Equal("No longer needed", closed.Document.QuerySelector("#drop-reason")?.TextContent);
        Assert.DoesNotContain("Done: it can no longer change", closed.Text);
    }
}
