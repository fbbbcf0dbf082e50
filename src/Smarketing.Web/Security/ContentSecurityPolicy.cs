using System.Security.Cryptography;

namespace Smarketing.Web.Security;

/// <summary>
/// The Content-Security-Policy every response carries. Scripts come only from Smarketing itself (Blazor's and
/// MudBlazor's files), plus the one inline script a page may hold, the import map, by a nonce made for that response.
/// MudBlazor sets styles in style attributes, so styles allow inline; nothing allows eval.
/// </summary>
internal static class ContentSecurityPolicy
{
    private const string NonceKey = "Smarketing.CspNonce";

    /// <summary>The nonce of this response's policy, made on first use (the page's import map asks for it).</summary>
    public static string NonceFor(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static string For(HttpContext context)
    {
        var scripts = context.Items[NonceKey] is string nonce ? $"'self' 'nonce-{nonce}'" : "'self'";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            // Blazor's circuit: 'self' covers the same host's ws: and wss: too.
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }
}
