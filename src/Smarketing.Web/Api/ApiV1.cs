using System.Security.Claims;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Identity;
using Smarketing.Web.Api.OpenApi;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api;

internal static class ApiV1
{
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(ApiPolicies.Caller);

        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
            user.FindFirstValue(ClaimTypes.Email)!,
            user.FindFirstValue(CurrentUser.DisplayNameClaim) ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList())))
            .WithTags("Users")
            .Documented("The key's own user: email, display name and roles", ApiExamples.Me);

        api.MapGet("/users", async (IUserAdministration users, CancellationToken ct) =>
                (await users.ListAsync(ct)).ToHttp(list => TypedResults.Ok(
                    list.Select(u => new UserResponse(u.Email, u.DisplayName, u.Roles, u.Active)).ToList())))
            .RequireAuthorization(ApiPolicies.Admin)
            .WithTags("Users")
            .Documented("Every user with their roles and whether they are active (admins only)", ApiExamples.Users);

        api.MapAgreementEndpoints();
        api.MapLeadEndpoints();
        api.MapReportEndpoints();
        api.MapImportEndpoints();
        return endpoints;
    }

    internal sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles);

    internal sealed record UserResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, bool Active);
}
