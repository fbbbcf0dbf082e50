using System.Globalization;
using System.Threading.RateLimiting;

namespace Smarketing.Web.Security;

/// <summary>The 429 answer: a Retry-After header and problem details saying when to try again.</summary>
internal static class TooManyRequests
{
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);

    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"This caller has used its request budget for now. Try again in {seconds} seconds.";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
        if (!written)
        {
            await context.Response.WriteAsync(detail);
        }
    }
}
