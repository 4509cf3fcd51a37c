using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CommunitySafety.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.WebTests.WebFactory))]
// one fake gateway for the whole run: its answers are per test
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.WebTests;

/// <summary>
/// The web client in memory, in Development (the demonstration sign-in), its gateway replaced by <see cref="Gateway"/>:
/// each test says what the services answer and reads what the site asked.
/// </summary>
public sealed class WebFactory : WebApplicationFactory<Program>
{
    public FakeGateway Gateway { get; } = new();

    public WebFactory() => Environment.SetEnvironmentVariable("services__gateway__http__0", FakeGateway.Address);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(new TestLog()));
        builder.ConfigureServices(services =>
            services.AddHttpClient<GatewayClient>().ConfigurePrimaryHttpMessageHandler(() => Gateway));
    }

    /// <summary>A browser of the site: keeps cookies, follows redirects (as a browser does, without JavaScript).</summary>
    public Browser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    public Browser BrowserNotFollowingRedirects() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

/// <summary>A page as a browser without JavaScript has it: its status, its document, and its forms to submit.</summary>
public sealed class Browser(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<Page> Get(string url)
    {
        using var response = await http.GetAsync(url);
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, Parser.ParseDocument(await response.Content.ReadAsStringAsync()),
            response.Headers.Location);
    }

    /// <summary>Submits the page's form with that <c>_handler</c> (its form name): its hidden fields, then <paramref name="fields"/>.</summary>
    public async Task<Page> Submit(Page page, string formName, IDictionary<string, string?> fields)
    {
        var form = page.Form(formName);
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => (string?)i.Value);
        foreach (var (name, value) in fields) values[name] = value;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        var body = string.Join('&', values.Where(v => v.Value is not null).Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));
        using var response = await http.PostAsync(action, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, Parser.ParseDocument(await response.Content.ReadAsStringAsync()),
            response.Headers.Location);
    }
}

public sealed record Page(HttpStatusCode Status, Uri Url, IHtmlDocument Document, Uri? Location)
{
    public string Title => Document.Title ?? "";

    public string H1 => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public string Text => Document.Body?.TextContent ?? "";

    public IHtmlFormElement Form(string formName) =>
        Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().SingleOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
        ?? throw new Xunit.Sdk.XunitException($"No form '{formName}' on {Url}");

    /// <summary>The error summary's lines: each message and the id of the field it links to.</summary>
    public IReadOnlyList<(string Message, string Target)> Errors =>
        [.. Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!.Split('#')[^1]))];

    public string? ErrorSummary => Document.QuerySelector(".govuk-error-summary")?.TextContent.Trim();
}

/// <summary>A test of the site's pages: the site and its fake gateway, whose answers are cleared before and after each test.</summary>
public abstract class SiteTests : IDisposable
{
    protected SiteTests(WebFactory site)
    {
        Site = site;
        Gateway = site.Gateway;
        Gateway.Reset();
    }

    protected WebFactory Site { get; }

    protected FakeGateway Gateway { get; }

    public void Dispose()
    {
        Gateway.Reset();
        GC.SuppressFinalize(this);
    }
}
