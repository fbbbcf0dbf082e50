namespace Smarketing.Web.Auth;

/// <summary>Whether a browser sent a request from one of Smarketing's own pages.</summary>
internal static class SameOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        // The browser's own verdict, when it gives one: it holds even behind a proxy that rewrites the Host header.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        // Older browsers send Origin on a cross-site POST; a program sends neither, and the antiforgery token still applies.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var from)
                && Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var self)
                && Uri.Compare(from, self, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
