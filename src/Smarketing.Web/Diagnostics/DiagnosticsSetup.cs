using Microsoft.AspNetCore.Http.Features;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Smarketing.Web.Diagnostics;

/// <summary>
/// Logs, traces and errors in one place: Serilog (compact JSON on the console, or readable text where
/// <c>Diagnostics:LogFormat</c> is Text), OpenTelemetry when an OTLP endpoint is configured (<see cref="Telemetry"/>),
/// and <see cref="UnexpectedErrorHandler"/> for every exception that reaches the pipeline.
/// </summary>
public static class DiagnosticsSetup
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {TraceId}{NewLine}{Exception}";

    public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var text = string.Equals(configuration["Diagnostics:LogFormat"], "Text", StringComparison.OrdinalIgnoreCase);
        // Serilog writes the console itself; other providers (a test's log capture) still get every event through it.
        builder.Logging.ClearProviders();

        // Each host its own logger, never the static Log.Logger: test hosts run side by side in one process.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (text)
            {
                logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        }, preserveStaticLogger: true, writeToProviders: true);

        builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();

        // A request the endpoints can't read reaches UnexpectedErrorHandler as an exception in every environment, so it
        // is logged as a warning (the default outside Development is a debug line).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        Telemetry.Add(builder.Services, configuration);
        return builder;
    }

    /// <summary>
    /// One log event per request, then the exception handler. In Development a page's exception still shows the
    /// developer exception page; the API answers problem details everywhere.
    /// </summary>
    public static WebApplication UseDiagnostics(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // UnexpectedErrorHandler has logged the error itself; the request line stays a plain record of it.
            options.GetLevel = (_, _, _) => LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("Endpoint", context.Features.Get<IEndpointFeature>()?.Endpoint?.DisplayName);
        });

        var handler = new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            CreateScopeForErrors = true,
            SuppressDiagnosticsCallback = _ => true,
        };
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(UnexpectedErrorHandler.IsApi, api => api.UseExceptionHandler(handler));
        }
        else
        {
            app.UseExceptionHandler(handler);
        }

        return app;
    }
}
