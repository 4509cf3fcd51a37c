using CommunitySafety.Contracts;
using CommunitySafety.Gateway;
using CommunitySafety.ServiceDefaults;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayRouting();
builder.AddGatewayRateLimits();
builder.AddGatewayEdge();

var app = builder.Build();

// after the forwarded headers of a known load balancer (first, from ServiceDefaults), before anything answers
app.UseGatewayEdge();
app.UseInternalListener(GatewayWebClient.InternalPort(app.Configuration.GetSection(GatewayEdge.Section)));
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDevelopmentTokenEndpoint();
app.MapScalarApiReference("/scalar", o =>
{
    o.WithTitle("Community Safety Partnership API");
    // Scalar's default fonts come from fonts.scalar.com; the page's Content-Security-Policy allows nothing but the gateway
    o.DisableDefaultFonts();
    foreach (var service in Platform.Services) o.AddDocument(service.Name, service.Title, $"/openapi/{service.Name}.json");
}).AllowAnonymous();
// without the web client (services__web__http__0 unset), / is the API reference
if (string.IsNullOrEmpty(app.Configuration["services:web:http:0"]))
    app.MapGet("/", () => Results.Redirect("/scalar")).AllowAnonymous().ExcludeFromDescription();
app.MapGatewayRoutes();
// an address under /api or /openapi that no service's route takes is the API's 404 (a problem), never the website's page
app.MapApiNotFound();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
