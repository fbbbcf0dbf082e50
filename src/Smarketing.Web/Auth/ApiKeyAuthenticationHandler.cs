using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Smarketing.Application.ApiKeys;
using Smarketing.Infrastructure.Identity;
using Smarketing.Web.Security;

namespace Smarketing.Web.Auth;

internal sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates programs by the X-Api-Key header as the key's user, with exactly that user's roles.
/// Answers 401 and 403 as problem details, never with a redirect to the sign-in page. A key that does not work is a
/// failed sign-in: it uses up the caller's address's sign-in budget, and past it the address gets 429 without a lookup.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyService apiKeys,
    IProblemDetailsService problemDetails,
    RateBudgets budgets)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string RetryAfterItem = "Smarketing.ApiKeyRetryAfter";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var address = ClientAddress.Of(Context);
        // A whole permit must be left: the token bucket refills in fractions between ticks, and a peek (asking for
        // zero permits) passes on a fraction, which let one more wrong key through now and then.
        if (budgets.SignIn.GetStatistics(address) is { CurrentAvailablePermits: < 1 })
        {
            using var refused = budgets.SignIn.AttemptAcquire(address);
            if (!refused.IsAcquired)
            {
                Context.Items[RetryAfterItem] = TooManyRequests.RetryAfter(refused);
                return AuthenticateResult.Fail("Too many API keys that don't work from this address.");
            }
        }

        var owner = await apiKeys.AuthenticateAsync(values[0]!, Context.RequestAborted);
        if (owner is null)
        {
            budgets.SignIn.AttemptAcquire(address).Dispose();
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Name, owner.Email),
            new(ClaimTypes.Email, owner.Email),
            new(CurrentUser.DisplayNameClaim, owner.DisplayName),
        };
        claims.AddRange(owner.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.Items[RetryAfterItem] is TimeSpan retryAfter
            ? TooManyRequests.WriteAsync(Context, retryAfter)
            : WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required",
                $"Send a valid, unrevoked API key in the {HeaderName} header.");

    // Says which roles the endpoint is for and which the key's user has, so an integrator knows what to ask an admin for.
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Where(a => !string.IsNullOrEmpty(a.Roles))
            .SelectMany(a => a.Roles!.Split(','))
            .Distinct()
            .Select(role => Domain.Common.Roles.DisplayName(role).ToLowerInvariant())
            .ToList() ?? [];
        var has = Context.User.FindAll(ClaimTypes.Role).Select(c => Domain.Common.Roles.DisplayName(c.Value).ToLowerInvariant()).ToList();
        var who = $"This API key acts as {Context.User.FindFirstValue(ClaimTypes.Email)} ({(has.Count == 0 ? "no role" : string.Join(", ", has))})";
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", needed.Count == 0
            ? $"{who}, which may not do this."
            : $"Only a {string.Join(" or a ", needed)} may do this. {who}.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
