using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// The largest request body a process accepts: <c>MaxRequestBodyBytes</c> of its section (the services'
/// <c>Limits</c>, the gateway's <c>Gateway</c>; default 1 MiB), which is also Kestrel's <c>MaxRequestBodySize</c>, unless
/// the endpoint names its own (<see cref="IRequestSizeLimitMetadata"/>: <c>[RequestSizeLimit]</c> on a handler, or a
/// gateway route's <c>MaxRequestBodySize</c>). A body over it is refused with a 413 problem
/// (<c>urn:csp:problem:body-too-large</c>): before anything runs when <c>Content-Length</c> says so, or once that much
/// has been read of a body sent without one (chunked).
/// </summary>
public sealed record RequestBodyLimit(long MaxBytes)
{
    public const long DefaultMaxBytes = 1024 * 1024;
    public const string Key = "MaxRequestBodyBytes";

    /// <summary>The services' section: <c>Limits:MaxRequestBodyBytes</c>.</summary>
    public const string ServiceSection = "Limits";

    /// <summary><c>{section}:MaxRequestBodyBytes</c>; a value that is not a positive number of bytes stops the start-up.</summary>
    public static RequestBodyLimit From(IConfigurationSection section)
    {
        var configured = section[Key];
        if (string.IsNullOrWhiteSpace(configured)) return new(DefaultMaxBytes);
        return long.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? new(bytes)
            : throw new InvalidOperationException(
                $"Configuration '{ConfigurationPath.Combine(section.Path, Key)}' is '{configured}': it must be a positive number of bytes.");
    }

    /// <summary>The limit for this request: its endpoint's when it names one (null: none), else <see cref="MaxBytes"/>.</summary>
    public long? For(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpoint ? endpoint.MaxRequestBodySize : MaxBytes;

    public static readonly string ProblemType = Problems.TypeFor("body-too-large");

    public static ProblemDetails TooLarge(long? limit) => Describe(new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge }, limit);

    /// <summary>
    /// Makes <paramref name="problem"/> (a 413, whoever answered it: this check, Kestrel's limit through the exception
    /// handler, Wolverine reading a body, a status-code page) the one problem clients get for a body too large.
    /// </summary>
    public static ProblemDetails Describe(ProblemDetails problem, long? limit)
    {
        problem.Type = ProblemType;
        problem.Title = "The request body is too large";
        problem.Detail = limit is { } bytes
            ? $"This address accepts a request body of at most {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes."
            : "The request body is larger than this address accepts.";
        if (limit is not null) problem.Extensions["maxRequestBodyBytes"] = limit;
        return problem;
    }
}

public static class RequestBodyLimits
{
    /// <summary>Every process: Kestrel's limit and the one <see cref="UseRequestBodyLimit"/> checks, from <paramref name="section"/>.</summary>
    public static void AddRequestBodyLimit(this IHostApplicationBuilder builder, IConfigurationSection section)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(RequestBodyLimit.From(section)));
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<RequestBodyLimit>((kestrel, limit) => kestrel.Limits.MaxRequestBodySize = limit.MaxBytes);
    }

    /// <summary>
    /// Refuses a body over the request's limit with a 413 problem. Placed after the status-code pages (so that they do
    /// not answer first) and after routing (the endpoint's own limit is known).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.RequestServices.GetRequiredService<RequestBodyLimit>().For(http) is not { } limit)
        {
            await next(http);
            return;
        }
        if (http.Request.ContentLength > limit)
        {
            await TooLargeAsync(http, limit, drain: http.Request.ContentLength <= MaxDrainedBytes);
            return;
        }
        if (http.Request.ContentLength is not null || http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            await next(http);
            return;
        }

        // Without Content-Length the size is known only by reading. Kestrel's own limit would end the read, but whoever
        // reads may turn that into something else (Wolverine answers 400; YARP lifts it for gRPC-like requests), so the body
        // is counted here instead, and a read over the limit becomes this 413 if nothing has been answered yet.
        AllowDraining(http, Math.Max(limit, MaxDrainedBytes));
        var body = new LimitedRequestBody(http.Request.Body, limit);
        http.Request.Body = body;
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            body.Exceeded = true;
        }
        if (body.Exceeded && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await TooLargeAsync(http, limit, drain: true);
        }
    });

    /// <summary>
    /// A refused body is read to its end (and thrown away) after the answer when it is at most this large: clients that
    /// write the whole body before reading the answer (.NET's HttpClient does) otherwise see a broken connection instead of
    /// the 413. A larger one is not read: the connection is closed after the answer.
    /// </summary>
    public const long MaxDrainedBytes = 32 * 1024 * 1024;

    /// <summary>Lets Kestrel read (and discard) up to <paramref name="bytes"/> of the body after the answer, keeping the connection.</summary>
    private static void AllowDraining(HttpContext http, long bytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = bytes;
    }

    private static Task TooLargeAsync(HttpContext http, long limit, bool drain)
    {
        if (drain) AllowDraining(http, MaxDrainedBytes);
        else http.Response.Headers.Connection = "close"; // the rest of the body is not read: the connection ends with the answer
        return Results.Problem(RequestBodyLimit.TooLarge(limit)).ExecuteAsync(http);
    }

    /// <summary>A request body that counts what is read and fails the read that goes over <paramref name="limit"/>.</summary>
    private sealed class LimitedRequestBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Counted(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        private int Counted(int read)
        {
            _read += read;
            if (_read <= limit) return read;
            Exceeded = true;
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
