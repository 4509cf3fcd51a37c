using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The residents' pages, each in its states: with data, without, and when the service refuses.</summary>
public sealed class PublicPageTests(WebFactory site) : SiteTests(site)
{
    [Fact]
    public async Task The_home_page_shows_the_agreements_priorities_and_the_next_public_meetings_with_year_time_and_zone()
    {
        Gateway.Get("/api/governance/open/agreement", new OpenAgreement(Guid.NewGuid(), "Kent Community Safety Agreement 2026", 2026, 2026, 1,
            Data.Winter.AddMonths(-2), "Kent Community Safety Partnership", false,
            [new OpenPriority(Guid.NewGuid(), "Tackling anti-social behaviour", "Residents tell us it matters most", [])]));
        var meeting = Data.Meeting(startsAt: Data.Winter);
        Gateway.Get("/api/meetings/meetings", new[] { meeting });

        var page = await Site.Browser().Get("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Home – Community Safety Partnership", page.Title);
        Assert.Contains("Tackling anti-social behaviour", page.Text);
        Assert.Contains("Tuesday 12 January 2027, 7pm to 8:30pm (UK time, GMT)", page.Text);
        Assert.Equal($"/meetings/{meeting.Id}", page.Document.QuerySelector($"a[href='/meetings/{meeting.Id}']")?.GetAttribute("href"));
        Assert.Contains("call 999", page.Text);
    }

    [Fact]
    public async Task Without_an_agreement_or_meetings_the_home_page_says_so()
    {
        var page = await Site.Browser().Get("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("has not yet agreed its Community Safety Agreement", page.Text);
        Assert.Contains("No public meetings are planned", page.Text);
    }

    [Fact]
    public async Task The_calendar_names_the_summer_zone_filters_by_area_and_links_the_calendar_feeds()
    {
        var meeting = Data.Meeting(startsAt: Data.Summer, title: "North Neighbourhood Engagement Meeting");
        Gateway.Get("/api/meetings/meetings", new[] { meeting });

        var page = await Site.Browser().Get("/meetings?area=North");

        Assert.Contains("Tuesday 15 June 2027, 6:30pm to 8pm (UK time, BST)", page.Text);
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/meetings/meetings"), r => r.PathAndQuery.Contains("area=North"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/api/meetings/calendar/areas/North.ics']"));
        Assert.Equal("North", page.Document.QuerySelector("input[name=area][checked]")?.GetAttribute("value"));
        // skip links name this page (under <base href="/"> a bare #id would be the home page's)
        Assert.NotNull(page.Document.QuerySelector("a.govuk-skip-link[href='/meetings?area=North#meetings']"));
        Assert.NotNull(page.Document.QuerySelector("a.govuk-skip-link[href='/meetings?area=North#main-content']"));
    }

    [Fact]
    public async Task A_meeting_page_names_an_exempt_item_only_as_exempt_and_lists_public_papers()
    {
        var meeting = Data.Meeting(agendaPublishedAt: DateTimeOffset.UtcNow);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}/agenda", Data.Agenda(meeting,
            Data.Item(1, "Apologies"), Data.Item(5, "Exempt item", exempt: true),
            Data.Item(6, "Street lighting on the High Street", papers: new Paper(Guid.NewGuid(), "Lighting survey", "https://example.org/survey.pdf", false))));

        var page = await Site.Browser().Get($"/meetings/{meeting.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(meeting.Title, page.H1);
        Assert.Contains("This item is exempt", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://example.org/survey.pdf']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/meetings/{meeting.Id}/ask']"));
        Assert.Contains("The minutes are published once", page.Text);
    }

    [Fact]
    public async Task A_meeting_whose_agenda_is_not_published_says_when_it_will_be()
    {
        var meeting = Data.Meeting();
        Gateway.Get($"/api/meetings/meetings/{meeting.Id}", meeting);

        var page = await Site.Browser().Get($"/meetings/{meeting.Id}");

        Assert.Contains("The agenda has not been published yet", page.Text);
    }

    [Fact]
    public async Task A_meeting_the_service_does_not_show_is_a_404_page_that_says_nothing_internal()
    {
        var page = await Site.Browser().Get($"/meetings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.H1);
        Assert.DoesNotContain("urn:csp", page.Text);
    }

    [Fact]
    public async Task An_address_that_is_no_page_is_a_404_page()
    {
        var page = await Site.Browser().Get("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.H1);
    }

    [Fact]
    public async Task The_accessibility_statement_cookies_and_open_data_pages_render()
    {
        foreach (var (path, heading) in new[] { ("/accessibility", "Accessibility statement"), ("/cookies", "Cookies"), ("/open-data", "Open data") })
        {
            var page = await Site.Browser().Get(path);
            Assert.Equal((HttpStatusCode.OK, heading), (page.Status, page.H1));
        }
    }

    [Fact]
    public async Task The_decision_register_pages_through_the_public_decisions()
    {
        Gateway.Answer(HttpMethod.Get, "/api/governance/open/decisions",
            new[] { new OpenDecision(Guid.NewGuid(), "decision", Data.Winter, Guid.NewGuid(), "Working Group", "Fund the youth diversion project", "2027-01-12/4.1", true, null, null) },
            headers: new Dictionary<string, string> { ["X-Total-Count"] = "60" });

        var page = await Site.Browser().Get("/decisions?page=2");

        Assert.Contains("Fund the youth diversion project", page.Text);
        Assert.Contains(Gateway.Sent(HttpMethod.Get, "/api/governance/open/decisions"), r => r.PathAndQuery.Contains("page=2"));
        Assert.NotNull(page.Document.QuerySelector("a[rel=prev][href='/decisions?page=1']"));
        Assert.NotNull(page.Document.QuerySelector("a[rel=next][href='/decisions?page=3']"));
    }

    [Fact]
    public async Task The_forward_plan_lists_the_business_of_published_agendas_and_names_exempt_items_only_as_exempt()
    {
        var published = Data.Meeting(title: "East Neighbourhood Engagement Meeting", area: Area.East, agendaPublishedAt: DateTimeOffset.UtcNow);
        var later = Data.Meeting(title: "Open Forum", area: null, kind: BodyKind.OpenForum, startsAt: DateTimeOffset.UtcNow.AddDays(60));
        Gateway.Get("/api/meetings/meetings", new[] { published, later });
        Gateway.Get($"/api/meetings/meetings/{published.Id}/agenda", Data.Agenda(published,
            Data.Item(1, "Apologies") with { Kind = AgendaItemKind.Apologies }, Data.Item(5, "Parking outside the school gates"),
            Data.Item(6, "Exempt item", exempt: true)));

        var page = await Site.Browser().Get("/forward-plan");

        Assert.Contains("Parking outside the school gates", page.Text);
        Assert.DoesNotContain("Apologies", page.Document.QuerySelector("#main-content ul")?.TextContent ?? "");
        Assert.Contains("An exempt item (discussed in private)", page.Text);
        Assert.Contains("The agenda is not published yet.", page.Text);
        Assert.Empty(Gateway.Sent(HttpMethod.Get, $"/api/meetings/meetings/{later.Id}/agenda"));
    }

    [Fact]
    public async Task A_body_page_shows_its_terms_members_by_organisation_and_public_meetings_and_a_confidential_one_is_not_found()
    {
        var bodyId = Guid.NewGuid();
        Gateway.Get($"/api/governance/open/bodies/{bodyId}", new OpenBody(bodyId, "Community Safety Working Group", BodyKind.WorkingGroup,
            MeetingCadence.Quarterly, 4, null, null,
            new OpenTerms(2, "To reduce crime and disorder", ["Consensus"], ["Allocate the Crime Reduction Grant"], ["Each responsible authority"],
                MeetingCadence.Quarterly, 4, DecisionMaking.Consensus, new DateOnly(2026, 4, 1)),
            [new OpenMember(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority, MemberRole.Chair),
             new OpenMember(Guid.NewGuid(), "Violence Reduction Unit", OrganisationKind.CooperatingBody, MemberRole.Member)]));

        var page = await Site.Browser().Get($"/bodies/{bodyId}");

        Assert.Equal("Community Safety Working Group", page.H1);
        Assert.Contains("Version 2, adopted on 1 April 2026", page.Text);
        Assert.Contains("Allocate the Crime Reduction Grant", page.Text);
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Kent Police") && r.Contains("Chair") && r.Contains("Yes (responsible authority)"));
        Assert.Contains(rows, r => r.Contains("Violence Reduction Unit") && r.Contains("No (co-operating body)"));
        Assert.Contains("This body's meetings are not public.", page.Text);

        var confidential = await Site.Browser().Get($"/bodies/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (confidential.Status, confidential.H1));
    }

    [Fact]
    public async Task The_theme_sets_the_partnerships_brand_colour()
    {
        var css = await Site.Browser().Http.GetStringAsync("/css/theme.css");
        Assert.Contains("--govuk-brand-colour:#1d70b8", css);
    }
}
