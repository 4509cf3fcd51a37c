using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Globalization;

namespace CommunitySafety.TestSupport;

/// <summary>What an agency's webhook endpoint received.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP receiver on a loopback port, as an agency would run one: it records every request and answers with
/// the scripted status codes in turn (then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, ConcurrentQueue<int> script, Uri url) => (_app, _script, Url) = (app, script, url);

    public static Task<WebhookReceiver> StartAsync(params int[] answers) => StartAsync(TimeSpan.Zero, answers);

    /// <summary>A receiver that, before answering its first request, keeps the caller waiting for <paramref name="holdFirst"/>.</summary>
    public static async Task<WebhookReceiver> StartAsync(TimeSpan holdFirst, params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var script = new ConcurrentQueue<int>(answers);
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var first = receiver!.Received.IsEmpty;
            receiver.Received.Enqueue(new ReceivedWebhook(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(), http.Request.ContentType ?? "", body, DateTimeOffset.UtcNow));
            if (first && holdFirst > TimeSpan.Zero)
            {
                try { await Task.Delay(holdFirst, http.RequestAborted); } catch (OperationCanceledException) { }
            }
            return Results.StatusCode(script.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, script, new Uri(new Uri(address), "/hooks"));
        return receiver;
    }

    /// <summary>
    /// Verifies a delivery as an agency would, independently of the platform's code: HMAC-SHA256 of
    /// <c>id.timestamp.body</c> with the secret's bytes, base64, among the header's <c>v1,</c> entries; timestamp within 5 minutes.
    /// </summary>
    public static bool Verify(string secret, ReceivedWebhook webhook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key,
            System.Text.Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
        var fresh = Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(webhook.Timestamp, CultureInfo.InvariantCulture)) <= 300;
        return fresh && webhook.Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(s[3..]), System.Text.Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
