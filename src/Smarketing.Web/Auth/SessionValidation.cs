using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Web.Auth;

/// <summary>
/// Checks the sign-in cookie against the database on every request: a cookie issued before its user signed out, was
/// deactivated or had their roles changed carries an old security stamp and stops working at once.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var current = await services.GetRequiredService<SessionStamps>().IsCurrentAsync(
            context.Principal?.FindFirst(claims.UserIdClaimType)?.Value,
            context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value,
            context.HttpContext.RequestAborted);
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own check, once a minute, refreshes the cookie's name and claims.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
