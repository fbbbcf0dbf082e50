using System.ComponentModel.DataAnnotations;

namespace Smarketing.Web.Security;

/// <summary>The <c>RateLimiting</c> settings of product.md; 0 turns a limit off.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per minute for each API key; a key may spend a whole minute's budget in one burst.</summary>
    [Range(0, 1_000_000, ErrorMessage = "RateLimiting:ApiRequestsPerMinute must be a whole number from 0 (no limit) to 1,000,000.")]
    public int ApiRequestsPerMinute { get; set; } = 1200;

    /// <summary>Sign-in attempts per minute for each client address: sign-in form posts and API keys that don't work.</summary>
    [Range(0, 1_000_000, ErrorMessage = "RateLimiting:SignInAttemptsPerMinute must be a whole number from 0 (no limit) to 1,000,000.")]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
