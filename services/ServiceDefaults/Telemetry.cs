using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommunitySafety.ServiceDefaults;

internal static class Telemetry
{
    /// <summary>
    /// Activity sources and meters emitted by the libraries we run on. Npgsql, Marten and Wolverine publish
    /// their own <see cref="System.Diagnostics.ActivitySource"/>s and meters under these names.
    /// </summary>
    private static readonly string[] Sources = ["Npgsql", "Marten", "Wolverine", ConcurrentWrites.MeterName];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // Under the AppHost, OTEL_SERVICE_NAME names the resource as the dashboard knows it ("governance"), and
                // the SDK reads it itself; elsewhere the assembly names the service.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                    r.AddService(builder.Environment.ApplicationName);
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Sources))
            .WithTracing(tracing => tracing
                .AddProcessor(new BackgroundQueriesUnrecorded())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o =>
                    // health probes every few seconds would drown the traces that matter
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(Extensions.HealthEndpointPath)
                                      && !ctx.Request.Path.StartsWithSegments(Extensions.AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        // Exported only when an OTLP endpoint is configured (the Aspire dashboard, a collector).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Leaves out of the export the database queries that belong to no request or message: Wolverine's durability
    /// agents poll the inbox, outbox and scheduled messages every few seconds, each poll a trace of its own, which
    /// would bury the traces operators look for. Queries inside a request or a handler are kept (they have a parent).
    /// </summary>
    private sealed class BackgroundQueriesUnrecorded : BaseProcessor<Activity>
    {
        public override void OnStart(Activity activity)
        {
            if (activity.Parent is null && activity.ParentSpanId == default && activity.Source.Name == "Npgsql")
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
