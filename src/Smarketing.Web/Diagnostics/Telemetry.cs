using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Smarketing.Web.Diagnostics;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, the runtime), exported over OTLP. Off unless
/// <c>OpenTelemetry:OtlpEndpoint</c> is set, so a machine without a collector pays nothing for it.
/// </summary>
public static class Telemetry
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url))
        {
            throw new InvalidOperationException($"OpenTelemetry:OtlpEndpoint '{endpoint}' is not an absolute URL such as http://localhost:4317.");
        }

        var protocol = configuration["OpenTelemetry:OtlpProtocol"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OpenTelemetry:OtlpProtocol '{other}' is not known; use grpc or http/protobuf."),
        };

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OpenTelemetry:ServiceName"] ?? "smarketing"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsStaticAsset(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime"))
            .UseOtlpExporter(protocol, url);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || Path.HasExtension(path.Value);
}
