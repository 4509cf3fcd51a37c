using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The meeting day: attendance by member, the quorum panel, declarations, decisions (refused when not quorate), actions.</summary>
public sealed class MeetingDayTests(WebFactory site) : ClerkPageTests(site)
{
    private string Api(string write) => $"/api/meetings/meetings/{Group.MeetingId}/{write}";

    private async Task<(Browser Browser, Page Page)> Open(Meeting? meeting = null, QuorumResult? quorum = null, bool followRedirects = true)
    {
        Group.Serve(Gateway, meeting ?? Group.Meeting(attendance: Group.QuorateAttendance),
            quorum ?? Group.Quorum(Group.Police, Group.Council, Group.Fire, Group.Health));
        var browser = await Site.AsClerkOf(Group.BodyId, followRedirects);
        return (browser, await browser.Get(Group.Path("day")));
    }

    private string SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!.ToJsonString();

    /// <summary>The quorum panel's table: organisation, counts, why.</summary>
    private static List<(string Organisation, string Counts, string Why)> Standings(Page page) =>
        [.. page.Document.QuerySelectorAll("#quorum tbody tr").Select(row => (
            row.QuerySelector("th")!.ChildNodes.OfType<IText>().First().TextContent.Trim(),
            row.QuerySelectorAll("td")[0].TextContent.Trim(),
            row.QuerySelectorAll("td")[1].TextContent.Trim()))];



    [Fact]
    public async Task Three_authorities_present_and_a_named_substitute_for_a_fourth_are_quorate_and_the_panel_says_why_each_counts()
    {
        var (_, page) = await Open();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Meeting day", page.H1);
        var panel = Squeezed(page.Document.QuerySelector("#quorum [role=status]")?.TextContent);
        Assert.Equal("Quorate 4 of 4 required responsible authorities are represented.", panel);
        Assert.Equal(
        [
            ("Kent County Council", "Counts", "Chris Council is present"),
            ("Kent Fire and Rescue Service", "Counts", "Fran Fire is present"),
            ("Kent Police", "Counts", "Alex Officer is present"),
            ("NHS Kent and Medway ICB", "Counts", "Dev Nurse is here as the named substitute for Nia Health"),
            ("Probation Service", "Does not count", "Pat Probation sent apologies"),
            ("Violence Reduction Unit", "Does not count", "A co-operating body: it may attend, but does not count for quorum (Val Unit is present)"),
        ], Standings(page));
        Assert.Null(page.Document.QuerySelector("#decisions ~ form .govuk-warning-text"));
    }

    [Fact]
    public async Task Three_authorities_only_are_not_quorate_and_the_panel_says_how_many_more_are_needed()
    {
        var (_, page) = await Open(Group.Meeting(attendance: Group.ThreeOnly), Group.Quorum(Group.Police, Group.Council, Group.Fire));

        Assert.Equal("Not quorate 3 of 4 required responsible authorities are represented. 1 more must be represented before a decision can be recorded.",
            Squeezed(page.Document.QuerySelector("#quorum [role=status]")?.TextContent));
        var standings = Standings(page);
        Assert.Equal(("NHS Kent and Medway ICB", "Does not count", "Nia Health is not recorded as present"), standings[3]);
        Assert.Equal(("Probation Service", "Does not count", "Pat Probation is not recorded as present"), standings[4]);
        Assert.Contains("The meeting is not quorate: a decision cannot be recorded", page.Form("decision").TextContent);
    }

    [Fact]
    public async Task Each_member_has_a_row_with_their_organisation_role_substitutes_what_is_recorded_and_the_buttons_that_fit()
    {
        var left = new AttendanceMovement(Group.Chris.Id, AttendanceKind.Present, null, true, new DateTimeOffset(2027, 1, 12, 20, 15, 0, TimeSpan.Zero));
        var attendance = Group.QuorateAttendance.Where(a => a.MembershipId != Group.Chris.Id).ToList();
        var (_, page) = await Open(Group.Meeting(attendance: attendance, log: [left]), Group.Quorum(Group.Police, Group.Fire, Group.Health));

        var rows = page.Document.QuerySelectorAll("#attendance + table tbody tr")
            .Select(r => r.Children.Take(4).Select(c => Squeezed(c.TextContent)).ToList()).ToList();
        Assert.Equal(
        [
            ["Chris Council", "Kent County Council", "None", "Left at 8:15pm"],
            ["Fran Fire Vice-chair", "Kent Fire and Rescue Service", "None", "Present"],
            ["Alex Officer Chair", "Kent Police", "Sam Deputy", "Present"],
            ["Nia Health", "NHS Kent and Medway ICB", "Dev Nurse", "Substitute: Dev Nurse"],
            ["Pat Probation", "Probation Service", "None", "Apologies"],
            ["Val Unit", "Violence Reduction Unit", "None", "Present"],
        ], rows);
        string[] Buttons(MemberRef m) => [.. page.Form($"attendance-{m.Id}").QuerySelectorAll("button").Select(b => Squeezed(b.TextContent))];
        Assert.Equal(["Has left (Alex Officer)"], Buttons(Group.Alex));
        Assert.Equal(["Present (Chris Council)", "Apologies (Chris Council)"], Buttons(Group.Chris));
        Assert.Equal(["Present (Pat Probation)"], Buttons(Group.Pat));
        Assert.Contains("Chris Council left at 8:15pm", Standings(page)[0].Why);
    }

    [Fact]
    public async Task A_named_substitutes_arrival_is_sent_as_meetings_takes_it_and_the_banner_says_who_came_for_whom()
    {
        var (browser, page) = await Open(Group.Meeting(), Group.Quorum(), followRedirects: false);
        Gateway.Answer(HttpMethod.Post, Api("attendance"), null, HttpStatusCode.NoContent);

        var answer = await browser.Submit(page, $"attendance-{Group.Nia.Id}", new Dictionary<string, string?>
        {
            ["Movement.Choice"] = $"Substitute:{Group.HealthDeputy.Id}",
        });

        Assert.Equal($$"""{"membershipId":"{{Group.Nia.Id}}","kind":"Substitute","substituteId":"{{Group.HealthDeputy.Id}}"}""", SentTo(Api("attendance")));
        Assert.Equal($"{Group.Path("day")}?done=attendance&member={Group.Nia.Id}", answer.RedirectPath());

        Group.Serve(Gateway, Group.Meeting(attendance: [new(Group.Nia.Id, AttendanceKind.Substitute, Group.HealthDeputy.Id)]), Group.Quorum(Group.Health));
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal("Dev Nurse is recorded as the substitute for Nia Health (NHS Kent and Medway ICB)", Banner(after));
        Assert.Equal(("NHS Kent and Medway ICB", "Counts", "Dev Nurse is here as the named substitute for Nia Health"), Standings(after)[3]);
    }

    [Fact]
    public async Task Present_apologies_and_departures_are_sent_as_meetings_takes_them()
    {
        var (browser, page) = await Open(Group.Meeting(attendance: [new(Group.Alex.Id, AttendanceKind.Present, null)]), Group.Quorum(Group.Police));
        Gateway.Answer(HttpMethod.Post, Api("attendance"), null, HttpStatusCode.NoContent);
        Gateway.Answer(HttpMethod.Post, Api("departures"), null, HttpStatusCode.NoContent);

        await browser.Submit(page, $"attendance-{Group.Chris.Id}", new Dictionary<string, string?> { ["Movement.Choice"] = "Present" });
        await browser.Submit(page, $"attendance-{Group.Pat.Id}", new Dictionary<string, string?> { ["Movement.Choice"] = "Apologies" });
        var left = await browser.Submit(page, $"attendance-{Group.Alex.Id}", new Dictionary<string, string?> { ["Movement.Choice"] = "Left" });

        Assert.Equal(
        [
            $$"""{"membershipId":"{{Group.Chris.Id}}","kind":"Present"}""",
            $$"""{"membershipId":"{{Group.Pat.Id}}","kind":"Apologies"}""",
        ], Gateway.Sent(HttpMethod.Post, Api("attendance")).Select(r => r.Body));
        Assert.Equal($$"""{"membershipId":"{{Group.Alex.Id}}"}""", SentTo(Api("departures")));
        Assert.Equal($"{Group.Path("day")}?done=departure&member={Group.Alex.Id}", left.Url.PathAndQuery);
    }

    [Fact]
    public async Task A_substitute_meetings_does_not_know_for_that_member_is_refused_in_plain_english()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Api("attendance"), HttpStatusCode.UnprocessableEntity, "not-a-named-substitute",
            $"'{Group.PoliceDeputy.Id}' is not a named substitute for Alex Officer.");

        var answer = await browser.Submit(page, $"attendance-{Group.Pat.Id}", new Dictionary<string, string?> { ["Movement.Choice"] = "Present" });

        Assert.Equal("There is a problem That person is not one of Pat Probation's named substitutes, so they cannot attend for them.", Squeezed(answer.ErrorSummary));
        Assert.StartsWith("Error: ", answer.Title);
    }

    [Fact]
    public async Task A_change_lost_to_anothers_at_the_same_moment_is_said_plainly()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Api("departures"), HttpStatusCode.Conflict, "concurrent-write",
            "The stream was changed by another request at the same time. Read it again and retry.");

        var answer = await browser.Submit(page, $"attendance-{Group.Alex.Id}", new Dictionary<string, string?> { ["Movement.Choice"] = "Left" });

        Assert.Contains("Someone else changed this meeting at the same moment", answer.ErrorSummary);
        Assert.DoesNotContain("stream", answer.ErrorSummary);
    }

    [Fact]
    public async Task An_empty_declaration_shows_an_error_summary_linked_to_each_field()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "interest", new Dictionary<string, string?> { ["Interest.Details"] = "" });

        Assert.Equal(
        [
            ("Select the member declaring the interest", "interest-member"), ("Select the item the interest is in", "interest-item"),
            ("Select the kind of interest", "interest-nature"), ("Enter the details of the interest", "interest-details"),
        ], answer.Errors);
        foreach (var (_, id) in answer.Errors) Assert.NotNull(answer.Document.GetElementById(id));
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_declaration_is_sent_as_meetings_takes_it()
    {
        var (browser, page) = await Open();
        Gateway.Answer(HttpMethod.Post, Api("interests"), null, HttpStatusCode.NoContent);

        var answer = await browser.Submit(page, "interest", new Dictionary<string, string?>
        {
            ["Interest.MembershipId"] = Group.Fran.Id.ToString(), ["Interest.ItemId"] = Group.Lighting.Id.ToString(),
            ["Interest.Nature"] = "OtherRegistrable", ["Interest.Details"] = " Lives on the High Street ",
        });

        Assert.Equal($$"""{"membershipId":"{{Group.Fran.Id}}","itemId":"{{Group.Lighting.Id}}","nature":"OtherRegistrable","details":"Lives on the High Street"}""",
            SentTo(Api("interests")));
        Assert.Equal("The declaration of interest by Fran Fire (Kent Fire and Rescue Service) is recorded", Banner(answer));
    }

    [Fact]
    public async Task An_empty_decision_shows_an_error_summary_linked_to_each_field()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "decision", new Dictionary<string, string?> { ["Decision.Text"] = "  " });

        Assert.Equal([("Enter the decision", "decision-text"), ("Select whether consensus was reached", "decision-consensus")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task A_decision_names_the_version_the_clerk_saw_and_the_banner_gives_its_minute_reference()
    {
        using var site = new IfMatchSeen(Site);
        Group.Serve(Gateway, Group.Meeting(attendance: Group.QuorateAttendance, version: 31),
            Group.Quorum(Group.Police, Group.Council, Group.Fire, Group.Health));
        var browser = await site.Browser().SignIn(Gateway, "Clerk", "meetings-clerk", Group.BodyId);
        var page = await browser.Get(Group.Path("day"));
        Gateway.Answer(HttpMethod.Post, Api("decisions"), new { decisionId = Guid.NewGuid(), minuteReference = "2027-01-12/5.1" });

        var answer = await browser.Submit(page, "decision", new Dictionary<string, string?>
        {
            ["Decision.Text"] = "Ask the council to repair the street lights by March.", ["Decision.Consensus"] = "yes",
            ["Decision.ItemId"] = Group.Lighting.Id.ToString(),
        });

        Assert.Equal($$"""{"text":"Ask the council to repair the street lights by March.","consensusReached":true,"itemId":"{{Group.Lighting.Id}}"}""",
            SentTo(Api("decisions")));
        Assert.Equal("\"31\"", Assert.Single(site.Sent, s => s.Method == HttpMethod.Post && s.Path == Api("decisions")).IfMatch);
        Assert.Equal($"{Group.Path("day")}?done=decision&reference=2027-01-12%2F5.1", answer.Url.PathAndQuery);
        Assert.Equal("Decision 2027-01-12/5.1 is recorded", Banner(answer));
    }

    [Fact]
    public async Task A_decision_under_no_item_leaves_the_item_out()
    {
        var (browser, page) = await Open();
        Gateway.Answer(HttpMethod.Post, Api("decisions"), new { decisionId = Guid.NewGuid(), minuteReference = "2027-01-12/AOB.1" });

        await browser.Submit(page, "decision", new Dictionary<string, string?>
        {
            ["Decision.Text"] = "Thank the retiring chair.", ["Decision.Consensus"] = "no", ["Decision.ItemId"] = "",
        });

        Assert.Equal("""{"text":"Thank the retiring chair.","consensusReached":false}""", SentTo(Api("decisions")));
    }

    [Fact]
    public async Task A_decision_in_a_meeting_that_is_not_quorate_is_refused_saying_how_many_are_represented_and_needed()
    {
        var (browser, page) = await Open(Group.Meeting(attendance: Group.ThreeOnly), Group.Quorum(Group.Police, Group.Council, Group.Fire));
        Gateway.Refuse(HttpMethod.Post, Api("decisions"), HttpStatusCode.Conflict, "quorum-not-met",
            "The meeting is not quorate: 3 responsible authorities represented, at least 4 needed.", new { required = 4, represented = 3 });

        var answer = await browser.Submit(page, "decision", new Dictionary<string, string?>
        {
            ["Decision.Text"] = "Fund the youth diversion scheme.", ["Decision.Consensus"] = "yes",
        });

        Assert.Equal("There is a problem The decision cannot be recorded because the meeting is not quorate: 3 responsible authorities are represented, and at least 4 needed.",
            Squeezed(answer.ErrorSummary));
        Assert.Equal("Fund the youth diversion scheme.", answer.Document.QuerySelector("#decision-text")?.TextContent);
        Assert.Equal("yes", answer.Document.QuerySelector("input[name='Decision.Consensus'][checked]")?.GetAttribute("value"));
        Assert.Null(Banner(answer));
    }

    [Fact]
    public async Task A_decision_after_quorum_was_lost_is_refused_saying_so()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Api("decisions"), HttpStatusCode.Conflict, "quorum-lost",
            "Quorum was lost when members left: 2 responsible authorities remain, at least 4 needed. No decision can be taken.",
            new { required = 4, represented = 2, departed = new[] { Group.Alex.Id } });

        var answer = await browser.Submit(page, "decision", new Dictionary<string, string?> { ["Decision.Text"] = "Close the item.", ["Decision.Consensus"] = "yes" });

        Assert.Contains("quorum was lost when members left: 2 responsible authorities are still represented, and at least 4 needed", answer.ErrorSummary);
    }

    [Fact]
    public async Task A_decision_on_a_meeting_changed_since_the_page_was_opened_is_refused_plainly()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Api("decisions"), HttpStatusCode.PreconditionFailed, "stale-version",
            "If-Match named version 7 but the current version is 9. Read it again and retry.", new { currentVersion = 9 });

        var answer = await browser.Submit(page, "decision", new Dictionary<string, string?> { ["Decision.Text"] = "Close the item.", ["Decision.Consensus"] = "yes" });

        Assert.Equal("There is a problem This meeting was changed by someone else after you opened the page. The page now shows the meeting as it is: check it and try again.",
            Squeezed(answer.ErrorSummary));
        Assert.Equal("Close the item.", answer.Document.QuerySelector("#decision-text")?.TextContent);
    }

    [Fact]
    public async Task An_action_needs_text_an_owner_and_a_real_due_date_on_or_after_the_meeting()
    {
        var (browser, page) = await Open();

        var answer = await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Action.Text"] = "", ["Action.Owner"] = "", ["Action.DueOn.Day"] = "31", ["Action.DueOn.Month"] = "2", ["Action.DueOn.Year"] = "2027",
        });
        Assert.Equal(
        [
            ("Enter the action", "action-text"), ("Select who owns the action", "action-owner"), ("The due date must be a real date", "action-due-day"),
        ], answer.Errors);
        Assert.Equal("31", answer.Document.QuerySelector("#action-due-day")?.GetAttribute("value"));

        var early = await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Action.Text"] = "Survey the lights", ["Action.Owner"] = $"member:{Group.Chris.Id}",
            ["Action.DueOn.Day"] = "11", ["Action.DueOn.Month"] = "1", ["Action.DueOn.Year"] = "2027",
        });
        Assert.Equal([("The due date must be the day of the meeting, 12 January 2027, or later", "action-due-day")], early.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/meetings"));
    }

    [Fact]
    public async Task An_action_owned_by_a_member_or_by_an_organisation_is_sent_as_meetings_takes_it()
    {
        var (browser, page) = await Open();
        Gateway.Answer(HttpMethod.Post, Api("actions"), new { id = Guid.NewGuid() }, HttpStatusCode.Created);

        var answer = await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Action.Text"] = "Survey the street lights", ["Action.Owner"] = $"member:{Group.Chris.Id}",
            ["Action.DueOn.Day"] = "12", ["Action.DueOn.Month"] = "2", ["Action.DueOn.Year"] = "2027", ["Action.ItemId"] = Group.Lighting.Id.ToString(),
        });
        await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Action.Text"] = "Report on knife arches", ["Action.Owner"] = $"organisation:{Group.Police.Id}",
            ["Action.DueOn.Day"] = "1", ["Action.DueOn.Month"] = "3", ["Action.DueOn.Year"] = "2027",
        });

        Assert.Equal(
        [
            $$"""{"text":"Survey the street lights","ownerMembershipId":"{{Group.Chris.Id}}","dueOn":"2027-02-12","itemId":"{{Group.Lighting.Id}}"}""",
            $$"""{"text":"Report on knife arches","ownerOrganisationId":"{{Group.Police.Id}}","dueOn":"2027-03-01"}""",
        ], Gateway.Sent(HttpMethod.Post, Api("actions")).Select(r => r.Body));
        Assert.Equal($"{Group.Path("day")}?done=action", answer.Url.PathAndQuery);
        Assert.Equal("The action is raised", Banner(answer));
    }

    [Fact]
    public async Task An_action_meetings_refuses_for_its_owner_is_said_on_the_owner_field()
    {
        var (browser, page) = await Open();
        Gateway.Refuse(HttpMethod.Post, Api("actions"), HttpStatusCode.UnprocessableEntity, "membership-ended",
            $"The membership of Chris Council has ended.", new { ownerMembershipId = Group.Chris.Id });

        var answer = await browser.Submit(page, "action", new Dictionary<string, string?>
        {
            ["Action.Text"] = "Survey the street lights", ["Action.Owner"] = $"member:{Group.Chris.Id}",
            ["Action.DueOn.Day"] = "12", ["Action.DueOn.Month"] = "2", ["Action.DueOn.Year"] = "2027",
        });

        Assert.Equal([("That member's membership has ended: choose another owner", "action-owner")], answer.Errors);
    }

    [Fact]
    public async Task A_cancelled_meeting_shows_what_was_recorded_but_no_forms()
    {
        var (_, page) = await Open(Group.Meeting(status: MeetingStatus.Cancelled, attendance: Group.QuorateAttendance));

        Assert.Contains("Nothing more can be recorded for it", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.NotNull(page.Document.QuerySelector("#quorum"));
    }
}
