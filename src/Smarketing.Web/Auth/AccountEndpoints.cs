using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Web.Auth;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login?signedOut=true");
        });
        return endpoints;
    }
}
