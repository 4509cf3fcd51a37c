using CommunitySafety.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace CommunitySafety.EndToEndTests.Web;

/// <summary>
/// An organisation's integrator on the website, in Debian's Chromium through the gateway against the real services: a
/// webhook subscription created (its secret seen once), a decision recorded, and its delivery in the log. Every page passes
/// axe-core.
/// </summary>
public sealed class IntegratorJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_organisation_admin_subscribes_sees_the_secret_once_and_sees_a_decisions_delivery_in_the_log()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clerk = platform.Client().WithToken("governance-admin", "meetings-secretary");
        var agencyName = "Kent Fire and Rescue " + Guid.NewGuid().ToString("N")[..4];
        await (await clerk.PostJson("/api/governance/organisations", new { name = agencyName, kind = "ResponsibleAuthority" })).CreatedId();

        await using var browser = await SiteBrowser.OpenAsync(platform.Gateway.Url);
        var page = browser.Page;
        await browser.GoAsync("/sign-in");
        await page.GetByLabel("An organisation's integrator").CheckAsync();
        await page.Locator("#organisation").SelectOptionAsync(new SelectOptionValue { Label = agencyName });
        await page.GetByLabel("Your name").FillAsync("Ira Integrator");
        await browser.SubmitAsync("Sign in");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());

        // the subscription, created in the browser: its secret shown once, never in the address
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Webhook subscriptions" }));
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create a subscription" }));
        await page.GetByLabel("Address that receives the events").FillAsync(receiver.Url.ToString());
        Assert.True(await page.GetByLabel("A decision recorded at a meeting").IsCheckedAsync());
        await browser.SubmitAsync("Create the subscription");
        var secret = (await page.Locator("#secret code").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret);
        Assert.DoesNotContain("whsec", page.Url);
        Assert.Contains("shown only this once", await page.Locator(".govuk-warning-text").InnerTextAsync());
        var subscriptionPage = new Uri(page.Url).AbsolutePath;
        await browser.GoAsync(subscriptionPage);
        Assert.Equal(0, await page.Locator("#secret").CountAsync());

        // a decision event, then its delivery in the log (the page refreshed until it is there)
        var decisionId = await Scenario.QuorateDecision(clerk, "Fund the Folkestone harbour arm patrols");
        await Probes.Eventually(TimeSpan.FromSeconds(90), async () =>
        {
            await browser.GoAsync(subscriptionPage);
            return (await page.Locator("#deliveries tbody").InnerTextAsync()).Contains("Delivered");
        });
        var log = await page.Locator("#deliveries").InnerTextAsync();
        Assert.Contains("A decision recorded at a meeting", log);
        Assert.Contains("HTTP 200", log);
        var delivered = receiver.Received.First(r => r.Body.Contains(decisionId.ToString()));
        Assert.True(WebhookReceiver.Verify(secret, delivered), "the delivery verifies with the secret the page showed");
        await browser.ScreenshotAsync("web-integrator.png");

        // the secret rotated: a new one, shown once; the delivery replayed is signed with it
        await browser.SubmitAsync("Rotate the secret");
        Assert.Contains("The secret is rotated", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var rotated = (await page.Locator("#secret code").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", rotated);
        Assert.NotEqual(secret, rotated);
        await browser.GoAsync(subscriptionPage);
        var before = receiver.Received.Count(r => r.Body.Contains(decisionId.ToString()));
        var delivery = (await page.Locator("#deliveries tbody tr").First.GetAttributeAsync("id"))!["delivery-".Length..];
        await browser.SubmitAsync($"Replay delivery {delivery}");
        Assert.Contains("The delivery will be sent again", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await Probes.Eventually(TimeSpan.FromSeconds(60), () => Task.FromResult(receiver.Received.Count(r => r.Body.Contains(decisionId.ToString())) > before));
        var replayed = receiver.Received.Last(r => r.Body.Contains(decisionId.ToString()));
        Assert.True(WebhookReceiver.Verify(rotated, replayed), "the replayed delivery verifies with the rotated secret");

        // paused, then resumed
        await browser.SubmitAsync("Pause deliveries");
        Assert.Contains("Deliveries are paused", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await browser.SubmitAsync("Resume deliveries");
        Assert.Contains("Deliveries are resumed", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        // the other pages pass axe too: the signature example, the delete confirmation (not confirmed), the operators' page
        await browser.GoAsync("/integrations/webhooks/verify");
        Assert.Contains("HMACSHA256", await page.Locator("main").InnerTextAsync());
        await browser.GoAsync($"{subscriptionPage}/delete");
        Assert.Equal("Are you sure you want to delete this subscription?", await page.Locator("h1").InnerTextAsync());
        await browser.SubmitAsync("Yes, delete it");
        Assert.Contains("The subscription is deleted", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Equal(0, await page.Locator($"a[href='{subscriptionPage}']").CountAsync());
        await browser.GoAsync("/operators");
        Assert.Equal("/scalar/", await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "API reference" }).GetAttributeAsync("href"));
        await browser.ScreenshotAsync("web-operators.png");
    }
}
