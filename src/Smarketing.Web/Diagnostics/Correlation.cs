using System.Diagnostics;

namespace Smarketing.Web.Diagnostics;

/// <summary>
/// The reference a person or an integrator is shown for an unexpected error, and the one logged with it: the W3C trace
/// id of the request (Serilog writes it on every event as <c>@tr</c>, and OpenTelemetry exports the trace under it).
/// </summary>
public static class Correlation
{
    public static string IdOf(HttpContext? context) =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString()
        : context?.TraceIdentifier ?? ActivityTraceId.CreateRandom().ToHexString();
}
