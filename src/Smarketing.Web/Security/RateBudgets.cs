using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Security;

/// <summary>
/// The two budgets: requests per API key, and sign-in attempts per client address. Both are token buckets that hold a
/// minute's budget (so a burst may spend it at once) and refill evenly over the minute.
/// </summary>
internal sealed class RateBudgets : IDisposable
{
    private const string Unlimited = "";

    public RateBudgets(IOptions<RateLimitingOptions> options)
    {
        Api = Create(options.Value.ApiRequestsPerMinute);
        SignIn = Create(options.Value.SignInAttemptsPerMinute);
    }

    /// <summary>Keyed by a hash of the API key (the key itself is never kept).</summary>
    public PartitionedRateLimiter<string> Api { get; }

    /// <summary>Keyed by client address.</summary>
    public PartitionedRateLimiter<string> SignIn { get; }

    /// <summary>The limiter the rate-limiting middleware runs for every request.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() =>
        PartitionedRateLimiter.CreateChained(
            Api.WithTranslatedKey<HttpContext>(ApiPartition, leaveOpen: true),
            SignIn.WithTranslatedKey<HttpContext>(SignInPartition, leaveOpen: true));

    public void Dispose()
    {
        Api.Dispose();
        SignIn.Dispose();
    }

    private static string ApiPartition(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.HeaderName, out var key)
        && !string.IsNullOrEmpty(key)
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))
            : Unlimited;

    private static string SignInPartition(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            ? ClientAddress.Of(context)
            : Unlimited;

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key =>
            perMinute == 0 || key == Unlimited
                ? RateLimitPartition.GetNoLimiter(Unlimited)
                : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(perMinute)));

    // Whole seconds for the refill: the partitioned limiter replenishes on a 100 ms timer, one period per tick.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute >= 60 ? (perMinute + 59) / 60 : 1,
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
