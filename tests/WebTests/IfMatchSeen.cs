using System.Collections.Concurrent;
using CommunitySafety.Web.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.WebTests;

/// <summary>
/// The site once more, whose calls to the gateway also leave their <c>If-Match</c> header here (the fake gateway keeps
/// bodies, not that header), for the writes that must name the meeting's version the page showed.
/// </summary>
public sealed class IfMatchSeen : IDisposable
{
    private readonly WebApplicationFactory<Program> _site;

    public ConcurrentQueue<(HttpMethod Method, string Path, string? IfMatch)> Sent { get; } = new();

    public IfMatchSeen(WebFactory site) =>
        _site = site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddHttpClient<GatewayClient>().AddHttpMessageHandler(() => new Recorder(Sent))));

    public Browser Browser() => new(_site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    public void Dispose() => _site.Dispose();

    private sealed class Recorder(ConcurrentQueue<(HttpMethod, string, string?)> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            sent.Enqueue((request.Method, request.RequestUri!.AbsolutePath, request.Headers.IfMatch.ToString() is { Length: > 0 } v ? v : null));
            return base.SendAsync(request, ct);
        }
    }
}
