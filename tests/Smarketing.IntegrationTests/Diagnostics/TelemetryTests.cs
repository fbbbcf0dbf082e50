using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Smarketing.IntegrationTests.Diagnostics;

/// <summary>OpenTelemetry is off until an OTLP endpoint is configured; then the app's traces and metrics go there.</summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAnOtlpEndpointConfigured_TheAppSendsItsTracesAndMetricsThere()
    {
        await using var collector = await Collector.StartAsync();
        var app = new DiagnosticsApp("Production", settings: new Dictionary<string, string>
        {
            ["OpenTelemetry:OtlpEndpoint"] = collector.Url,
            ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
            ["OpenTelemetry:ServiceName"] = "smarketing-under-test",
        });
        await using (app)
        {
            (await app.Client().GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.Client("demo-rep1").GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Now rather than at the next export interval.
            app.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
            app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        }

        var traces = collector.Received("/v1/traces");
        traces.ShouldContain("smarketing-under-test");
        traces.ShouldContain("/api/v1/me");
        collector.Received("/v1/metrics").ShouldContain("http.server.request.duration");
    }

    [Fact]
    public async Task WithoutAnOtlpEndpoint_NoTelemetryIsCollected()
    {
        await using var app = new DiagnosticsApp("Production");
        (await app.Client().GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    /// <summary>A stand-in OTLP/HTTP collector on a loopback port that keeps every body it is sent, per path.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new();

        private Collector(WebApplication app) => _app = app;

        public string Url => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var collector = new Collector(builder.Build());
            collector._app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._bodies.GetOrAdd(context.Request.Path, _ => new()).Enqueue(body.ToArray());
                return Results.Ok();
            });
            await collector._app.StartAsync(Ct);
            return collector;
        }

        /// <summary>Everything sent to <paramref name="path"/>, as text: protobuf keeps names and strings as UTF-8.</summary>
        public string Received(string path) =>
            _bodies.TryGetValue(path, out var bodies) ? string.Join("\n", bodies.Select(b => Encoding.UTF8.GetString(b))) : "";

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
