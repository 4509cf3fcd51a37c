using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>
/// An organisation admin's webhook pages: the subscriptions, creating one (its secret shown once, never in an address),
/// rotating the secret, pausing and resuming, deleting after a confirmation, the delivery log with its replays, and how
/// to check a signature; and the operators' page.
/// </summary>
public sealed class WebhookPageTests(WebFactory site) : SiteTests(site)
{
    private const string Secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly Guid _id = Guid.NewGuid();

    private string Api => $"/api/governance/subscriptions/{_id}";
    private string PagePath => $"/integrations/webhooks/{_id}";

    private WebhookSubscription Subscription(WebhookStatus status = WebhookStatus.Active) =>
        new(_id, _organisation, "https://agency.example.org/hooks", [WebhookEventTypes.DecisionRecorded], status, null, DateTimeOffset.UtcNow.AddDays(-3),
            [new WebhookSecretView(DateTimeOffset.UtcNow.AddDays(-3), null, null)], 4);

    private WebhookDelivery Delivery(string id, WebhookDeliveryStatus status) =>
        new(id, _id, Guid.NewGuid().ToString(), WebhookEventTypes.DecisionRecorded, DateTimeOffset.UtcNow.AddHours(-1), status, null,
            DateTimeOffset.UtcNow.AddHours(-1), null, [new WebhookAttempt(1, DateTimeOffset.UtcNow.AddHours(-1), 200, 42, null)]);

    private void Serve(WebhookSubscription? subscription = null, IReadOnlyList<WebhookDelivery>? deliveries = null, int? total = null)
    {
        Gateway.Get(Api, subscription ?? Subscription());
        Gateway.Answer(HttpMethod.Get, $"{Api}/deliveries", deliveries ?? [], headers: total is { } t ? new Dictionary<string, string> { ["X-Total-Count"] = t.ToString(CultureInfo.InvariantCulture) } : null);
    }

    private Task<Browser> Admin(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.OrganisationAdmin, _organisation, followRedirects);

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    [Fact]
    public async Task The_organisations_subscriptions_are_listed_and_other_roles_may_not_see_them()
    {
        Gateway.Get("/api/governance/subscriptions", new[] { Subscription(), Subscription(WebhookStatus.Paused) with { Id = Guid.NewGuid(), Url = "https://b.example.org/" } });

        var page = await (await Admin()).Get("/integrations/webhooks");
        var worker = await (await Site.As(DemonstrationUsers.Persona.CaseWorker, _organisation)).Get("/integrations/webhooks");

        Assert.Equal("Webhook subscriptions", page.H1);
        Assert.Equal($"/api/governance/subscriptions?organisationId={_organisation}&limit=500", Gateway.Sent(HttpMethod.Get, "/api/governance/subscriptions?").First().PathAndQuery);
        var rows = page.Document.QuerySelectorAll("#subscriptions tbody tr").Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.StartsWith("https://agency.example.org/hooks A decision recorded at a meeting Active", rows[0]);
        Assert.Contains("Paused", rows[1]);
        Assert.Equal(PagePath, page.Document.QuerySelector("#subscriptions tbody a")!.GetAttribute("href"));
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (worker.Status, worker.H1));
    }

    [Fact]
    public async Task A_subscription_needs_an_address_and_an_event_and_nothing_is_sent_without_them()
    {
        var browser = await Admin();
        var page = await browser.Get("/integrations/webhooks/new");

        var answer = await browser.Submit(page, "create", new Dictionary<string, string?> { ["Form.Url"] = "agency hooks" });

        Assert.Equal([("Enter a web address in the correct format, like https://example.org/webhooks/csp", "url"), ("Select the events to receive", "event-types")],
            answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task Creating_sends_the_subscription_and_shows_its_secret_once_never_in_an_address()
    {
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get("/integrations/webhooks/new");
        Gateway.Answer(HttpMethod.Post, "/api/governance/subscriptions",
            new { id = _id, organisationId = _organisation, url = "https://agency.example.org/hooks", eventTypes = new[] { WebhookEventTypes.DecisionRecorded }, status = "Active", secret = Secret },
            HttpStatusCode.Created);

        var answer = await Submit(browser, page, "create", ("Form.Url", " https://agency.example.org/hooks "), ("eventType", WebhookEventTypes.DecisionRecorded),
            ("eventType", WebhookEventTypes.GrantAwarded));

        Assert.Equal(HttpStatusCode.Found, answer.Status);
        Assert.Equal($"{PagePath}?done=created", answer.RedirectPath());
        Assert.DoesNotContain("whsec", answer.RedirectPath());
        Assert.Equal($$"""{"organisationId":"{{_organisation}}","url":"https://agency.example.org/hooks","eventTypes":["{{WebhookEventTypes.DecisionRecorded}}","{{WebhookEventTypes.GrantAwarded}}"]}""",
            SentTo("/api/governance/subscriptions").ToJsonString());

        Serve();
        var shown = await browser.Get(answer.RedirectPath()!);
        Assert.Equal(Secret, shown.Document.QuerySelector("#secret code")!.TextContent.Trim());
        Assert.Contains("It is shown only this once", shown.Text);
        Assert.Equal("The subscription is created", Banner(shown));
        var again = await browser.Get(answer.RedirectPath()!);
        Assert.Null(again.Document.QuerySelector("#secret"));
        Assert.DoesNotContain(Secret, again.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task An_address_governance_will_not_send_to_is_said_plainly()
    {
        var browser = await Admin();
        var page = await browser.Get("/integrations/webhooks/new");
        Gateway.Refuse(HttpMethod.Post, "/api/governance/subscriptions", HttpStatusCode.UnprocessableEntity, "url-not-allowed", "Webhook URLs must use https.");

        var answer = await Submit(browser, page, "create", ("Form.Url", "http://agency.example.org/hooks"), ("eventType", WebhookEventTypes.DecisionRecorded));

        Assert.Contains("That address cannot receive webhooks: Webhook URLs must use https.", answer.ErrorSummary);
        Assert.Equal("http://agency.example.org/hooks", answer.Document.QuerySelector("#url")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_subscription_shows_its_delivery_log_a_page_at_a_time_and_replays_one_delivery()
    {
        Serve(deliveries: [Delivery("msg_1", WebhookDeliveryStatus.Delivered), Delivery("msg_2", WebhookDeliveryStatus.Pending)], total: 45);
        var browser = await Admin(followRedirects: false);

        var page = await browser.Get($"{PagePath}?page=2");

        Assert.Equal("https://agency.example.org/hooks", page.H1);
        Assert.Equal($"{Api}/deliveries?limit=20&page=2", Gateway.Sent(HttpMethod.Get, $"{Api}/deliveries").Single().PathAndQuery);
        Assert.Equal("Delivery log (45)", page.Document.QuerySelector("#deliveries caption")!.TextContent.Trim());
        Assert.Contains("HTTP 200, 42 ms", page.Document.QuerySelector("#delivery-msg_1")!.TextContent);
        Assert.Contains("Being sent", page.Document.QuerySelector("#delivery-msg_2")!.TextContent);
        Assert.Throws<Xunit.Sdk.XunitException>(() => page.Form("replay-msg_2")); // still being attempted
        Assert.NotNull(page.Document.QuerySelector($"a[href='{PagePath}?page=3']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{PagePath}?page=1']"));
        Gateway.Answer(HttpMethod.Post, $"{Api}/deliveries/msg_1/replay", new { deliveryId = "msg_1" }, HttpStatusCode.Accepted);

        var answer = await browser.Submit(page, "replay-msg_1", new Dictionary<string, string?>());

        Assert.Equal($"{PagePath}?done=replayed", answer.RedirectPath());
        Assert.Single(Gateway.Sent(HttpMethod.Post, $"{Api}/deliveries/msg_1/replay"));
    }

    [Fact]
    public async Task Replaying_since_a_time_sends_it_and_a_spent_allowance_is_said_plainly()
    {
        Serve();
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get(PagePath);
        Gateway.Answer(HttpMethod.Post, $"{Api}/replay", new WebhookReplayQueued(3, null, 97), HttpStatusCode.Accepted);
        var fields = new Dictionary<string, string?> { ["Range.Since.Day"] = "1", ["Range.Since.Month"] = "7", ["Range.Since.Year"] = "2026", ["Range.Since.Time"] = "9am" };

        var answer = await browser.Submit(page, "replay-since", fields);

        Assert.Equal($"{PagePath}?done=replayed-3", answer.RedirectPath());
        var sent = SentTo($"{Api}/replay").AsObject();
        Assert.Equal(("since", "2026-07-01T09:00:00+01:00"), (Assert.Single(sent).Key, sent["since"]!.GetValue<string>())); // 9am BST

        var missing = await browser.Submit(page, "replay-since", new Dictionary<string, string?> { ["Range.Since.Day"] = "1", ["Range.Since.Month"] = "7", ["Range.Since.Year"] = "2026" });
        Assert.Equal([("Enter the time to replay from", "since-time")], missing.Errors);

        Gateway.Refuse(HttpMethod.Post, $"{Api}/replay", HttpStatusCode.TooManyRequests, "replay-limit", "At most 1000 events an hour may be replayed.");
        var refused = await browser.Submit(page, "replay-since", fields);
        Assert.Contains("The subscription has had as many events replayed as it may this hour. At most 1000 events an hour may be replayed.", refused.ErrorSummary);
    }

    [Fact]
    public async Task Rotating_the_secret_sends_the_grace_period_and_shows_the_new_secret_once()
    {
        Serve();
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get(PagePath);
        Gateway.Answer(HttpMethod.Post, $"{Api}/rotate-secret", new { secret = Secret, oldSecretsExpireAt = DateTimeOffset.UtcNow.AddHours(48) });

        var wrong = await browser.Submit(page, "rotate", new Dictionary<string, string?> { ["Rotation.GraceHours"] = "200" });
        Assert.Equal([("Enter a whole number of hours from 0 to 168", "grace-hours")], wrong.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, Api));

        var answer = await browser.Submit(page, "rotate", new Dictionary<string, string?> { ["Rotation.GraceHours"] = "48" });
        Assert.Equal($"{PagePath}?done=rotated", answer.RedirectPath());
        Assert.Equal("""{"graceHours":48}""", SentTo($"{Api}/rotate-secret").ToJsonString());
        Assert.Equal(Secret, (await browser.Get(answer.RedirectPath()!)).Document.QuerySelector("#secret code")!.TextContent.Trim());
        Assert.Null((await browser.Get(answer.RedirectPath()!)).Document.QuerySelector("#secret"));
    }

    [Fact]
    public async Task Pausing_and_resuming_are_sent_without_a_body()
    {
        Serve();
        var browser = await Admin(followRedirects: false);
        Gateway.Answer(HttpMethod.Post, $"{Api}/pause", null, HttpStatusCode.NoContent);
        Gateway.Answer(HttpMethod.Post, $"{Api}/resume", null, HttpStatusCode.NoContent);

        var paused = await browser.Submit(await browser.Get(PagePath), "pause", new Dictionary<string, string?>());
        Serve(Subscription(WebhookStatus.Paused));
        var pausedPage = await browser.Get(PagePath);
        var resumed = await browser.Submit(pausedPage, "resume", new Dictionary<string, string?>());

        Assert.Equal(($"{PagePath}?done=paused", $"{PagePath}?done=resumed"), (paused.RedirectPath(), resumed.RedirectPath()));
        Assert.Null(Assert.Single(Gateway.Sent(HttpMethod.Post, $"{Api}/pause")).Body);
        Assert.Null(Assert.Single(Gateway.Sent(HttpMethod.Post, $"{Api}/resume")).Body);
        Assert.Throws<Xunit.Sdk.XunitException>(() => pausedPage.Form("replay-since")); // nothing replays while paused
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_first_then_goes_back_to_the_list()
    {
        Serve();
        var browser = await Admin(followRedirects: false);
        Gateway.Answer(HttpMethod.Delete, Api, null, HttpStatusCode.NoContent);

        var confirm = await browser.Get($"{PagePath}/delete");
        Assert.Equal("Are you sure you want to delete this subscription?", confirm.H1);
        Assert.Contains("This cannot be undone", confirm.Text);
        Assert.Empty(Gateway.Sent(HttpMethod.Delete, Api));

        var answer = await browser.Submit(confirm, "delete", new Dictionary<string, string?>());
        Assert.Equal("/integrations/webhooks?done=deleted", answer.RedirectPath());
        Assert.Single(Gateway.Sent(HttpMethod.Delete, Api));
    }

    [Fact]
    public async Task An_unknown_subscription_is_the_404_page_and_another_organisations_the_403_page()
    {
        var other = Guid.NewGuid();
        Gateway.Refuse(HttpMethod.Get, $"/api/governance/subscriptions/{other}", HttpStatusCode.Forbidden, "not-your-organisation", "Not yours.");
        var browser = await Admin();

        var unknown = await browser.Get(PagePath);
        var forbidden = await browser.Get($"/integrations/webhooks/{other}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (unknown.Status, unknown.H1));
        Assert.Equal((HttpStatusCode.Forbidden, "You cannot see this page"), (forbidden.Status, forbidden.H1));
    }

    [Fact]
    public async Task The_verification_example_signs_as_governance_does_in_csharp_and_python()
    {
        var page = await (await Admin()).Get("/integrations/webhooks/verify");

        Assert.Equal("Checking a delivery's signature", page.H1);
        var csharp = page.Document.QuerySelector("pre[aria-labelledby=csharp]")!.TextContent;
        var python = page.Document.QuerySelector("pre[aria-labelledby=python]")!.TextContent;
        Assert.Contains("HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($\"{id}.{timestamp}.{body}\"))", csharp);
        Assert.Contains("CryptographicOperations.FixedTimeEquals", csharp);
        Assert.Contains("hmac.new(key, signed, hashlib.sha256)", python);
        Assert.Contains("hmac.compare_digest", python);
    }

    [Fact]
    public async Task The_operators_page_links_the_dashboard_only_when_its_address_is_set()
    {
        using var configured = Site.WithWebHostBuilder(b => b.UseSetting("Web:OperationsDashboardUrl", "http://localhost:15143"));
        var withDashboard = await new Browser(configured.CreateClient()).Get("/operators");
        var without = await Site.Browser().Get("/operators");

        Assert.Equal("http://localhost:15143/", withDashboard.Document.QuerySelector("main a[href^='http://localhost']")!.GetAttribute("href"));
        Assert.NotNull(withDashboard.Document.QuerySelector("main a[href='/scalar/']"));
        Assert.Null(without.Document.QuerySelector("main a[href^='http://localhost']"));
        Assert.DoesNotContain("Operations dashboard", without.Text);
        Assert.NotNull(without.Document.QuerySelector("main a[href='/scalar/']"));
        Assert.NotNull(without.Document.QuerySelector("footer a[href='/operators']"));
    }

    private static async Task<Page> Submit(Browser browser, Page page, string form, params (string Name, string Value)[] fields)
    {
        var values = page.Form(form).QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).Concat(fields);
        using var response = await browser.Http.PostAsync(page.Url.PathAndQuery, new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Item1, v.Item2))));
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!,
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response.Headers.Location);
    }
}
