namespace Smarketing.Web.Auth;

/// <summary>Whether a browser sent a request from one of Smarketing's own pages (by Origin, else Sec-Fetch-Site).</summary>
internal static class SameOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return request.Headers["Sec-Fetch-Site"].ToString() is "" or "same-origin" or "none";
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var self)
            && Uri.Compare(from, self, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
