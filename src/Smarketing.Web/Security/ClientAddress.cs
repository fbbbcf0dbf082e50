using System.Net;
using System.Net.Sockets;

namespace Smarketing.Web.Security;

internal static class ClientAddress
{
    /// <summary>
    /// Who the caller is, for the per-address budgets: the connection's address, or a known proxy's X-Forwarded-For
    /// (the forwarded-headers middleware runs first). An IPv6 caller counts by its /64, the block one subscriber gets,
    /// so the 2^64 addresses inside it are one caller, not 2^64 fresh budgets.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
