namespace Smarketing.Domain.Common;

/// <summary>
/// Lengths shared by every feature: what the validators allow and what the database columns are declared with
/// (each EF configuration asks these, so the two never drift apart).
/// </summary>
public static class TextLimits
{
    /// <summary>An email address (RFC 5321 caps a path at 256).</summary>
    public const int Email = 256;

    /// <summary>An Identity user id, as Identity declares its key.</summary>
    public const int UserId = 450;

    /// <summary>A value in a query string (a search term, an email, an external id).</summary>
    public const int QueryValue = 256;
}
