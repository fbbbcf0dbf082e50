using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Web.Auth;

internal static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST from Smarketing's own page with its antiforgery token, so neither a link nor a form on another
    /// site can sign anyone out. It ends the session on the server: the security stamp changes, so a copy of the
    /// cookie stops working too (and so do the person's other sessions).
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<AppUser> signInManager)
    {
        if (!SameOrigin.IsSameOrigin(context.Request) || !await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Sign-out refused",
                detail: "Sign out with the Sign out button on a Smarketing page.");
        }

        if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect("~/Account/Login?signedOut=true");
    }
}
