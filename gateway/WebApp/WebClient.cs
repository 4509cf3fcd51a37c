using CommunitySafety.ServiceDefaults;
using CommunitySafety.Web.Api;
using CommunitySafety.Web.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Http.Resilience;

namespace CommunitySafety.Web;

/// <summary>
/// The web client's composition: Razor components rendered on the server only (static SSR: no circuits, no WebAssembly,
/// no per-user memory), signing in, the gateway client, and the pages' endpoints.
/// </summary>
public static class WebClient
{
    public static WebApplicationBuilder AddWebClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Partnership.From(builder.Configuration));
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.AddWebSignIn();

        // Replicas share one key ring (the session cookie and antiforgery tokens are encrypted with it): a directory all
        // of them mount, DataProtection:KeyDirectory; otherwise each process keeps its own.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("community-safety-web");
        if (builder.Configuration["DataProtection:KeyDirectory"] is { Length: > 0 } keys)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));

        // the gateway's internal listener (GatewayWebClient in the gateway), or else its public one
        var gateway = builder.Configuration["services:gateway:internal:0"] ?? builder.Configuration["services:gateway:http:0"]
            ?? throw new InvalidOperationException("Missing the gateway's address 'services__gateway__internal__0' (or 'services__gateway__http__0').");
        builder.Services.AddTransient<ForwardTheUser>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient<GatewayClient>(c =>
            {
                c.BaseAddress = new Uri(gateway);
                c.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<ForwardTheUser>()
            // ServiceDefaults' resilience, but a write is sent once: a question or a decision must not be made twice
            // because an answer was slow or refused (a 429 is the resident's budget, not a fault to retry).
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException
                    || args.Outcome.Result?.StatusCode is System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.GatewayTimeout);
                o.Retry.DisableForUnsafeHttpMethods(); // wraps the rule above: GET and HEAD only
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddScoped<MeetingsApi>();
        builder.Services.AddScoped<GovernanceApi>();
        builder.Services.AddScoped<CaseManagementApi>();
        builder.Services.AddScoped<FundingApi>();
        if (builder.Environment.IsDevelopment()) builder.Services.AddScoped<DemonstrationUsers>();
        return builder;
    }

    public static WebApplication UseWebClient(this WebApplication app)
    {
        // A failure renders the error page (nothing internal on it); a status without a body renders its page.
        app.UseExceptionHandler("/error/500", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapDefaultEndpoints();
        app.MapStaticAssets().AllowAnonymous();
        var theme = app.Services.GetRequiredService<Partnership>().ThemeCss();
        app.MapGet("/css/theme.css", () => Results.Text(theme, "text/css")).AllowAnonymous();
        app.MapSignOut();
        app.MapFundingDownloads();
        app.MapRazorComponents<App>();
        // Every page says whether it needs a sign-in (the fallback policy asks for one otherwise); an address that is no
        // page is a 404 for everybody, not a sign-in.
        app.MapFallback("{**path}", () => Results.NotFound()).AllowAnonymous();
        return app;
    }
}
