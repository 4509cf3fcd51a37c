using CommunitySafety.Web.Api;
using System.Globalization;

namespace CommunitySafety.Web;

/// <summary>
/// Funding's reports as downloads from the site: the browser holds no token, so the site asks the gateway with the user's
/// (<see cref="ForwardTheUser"/>) and streams Funding's answer back with its content type and a file name. A refusal is
/// the site's own error page for its status.
/// </summary>
public static class FundingDownloads
{
    private const string Readers = StaffRoles.FundingOfficer + "," + StaffRoles.FinanceOfficer;

    public static WebApplication MapFundingDownloads(this WebApplication app)
    {
        app.MapGet("/funding/reports/streams.csv", (HttpContext http, IHttpClientFactory clients) =>
                Relay(http, clients, "/api/funding/reports/streams?format=csv&limit=500", "funding-streams.csv"))
            .RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        app.MapGet("/funding/reports/streams.json", (HttpContext http, IHttpClientFactory clients) =>
                Relay(http, clients, "/api/funding/reports/streams?limit=500", "funding-streams.json"))
            .RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        app.MapGet("/funding/reports/streams/{streamId:guid}.csv", (Guid streamId, HttpContext http, IHttpClientFactory clients) =>
                Relay(http, clients, $"/api/funding/reports/streams/{streamId}?format=csv", $"funding-stream-{streamId}.csv"))
            .RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        app.MapGet("/funding/reports/streams/{streamId:guid}.json", (Guid streamId, HttpContext http, IHttpClientFactory clients) =>
                Relay(http, clients, $"/api/funding/reports/streams/{streamId}", $"funding-stream-{streamId}.json"))
            .RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        // published grant data: open to anybody, as Funding's export is
        app.MapGet("/funding/360giving.json", (HttpContext http, IHttpClientFactory clients, int? financialYear) =>
                Relay(http, clients, MeetingsApi.Query("/api/funding/exports/360giving", ("financialYear", financialYear?.ToString(CultureInfo.InvariantCulture))),
                    financialYear is { } y ? $"360giving-{y}.json" : "360giving.json"))
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Relay(HttpContext http, IHttpClientFactory clients, string path, string fileName)
    {
        var client = clients.CreateClient(nameof(GatewayClient));
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (HttpRequestException)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            // the site's own page for the status (UseStatusCodePagesWithReExecute), never the service's JSON
            return Results.StatusCode(status is 400 or 403 or 404 or 429 ? status : StatusCodes.Status503ServiceUnavailable);
        }
        http.Response.RegisterForDispose(response);
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        return Results.Stream(await response.Content.ReadAsStreamAsync(http.RequestAborted), contentType, fileName);
    }
}
