namespace Smarketing.Web.Security;

internal static class ClientAddress
{
    /// <summary>The caller's address, as the forwarded-headers middleware left it (a known proxy's X-Forwarded-For).</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
