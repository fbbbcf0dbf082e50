using System.Security.Claims;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Identity;
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
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList())));

        api.MapGet("/users", async (IUserAdministration users, CancellationToken ct) =>
                (await users.ListAsync(ct)).ToHttp(list => TypedResults.Ok(
                    list.Select(u => new UserResponse(u.Email, u.DisplayName, u.Roles, u.Active)).ToList())))
            .RequireAuthorization(ApiPolicies.Admin);

        api.MapAgreementEndpoints();
        api.MapLeadEndpoints();
        api.MapReportEndpoints();
        api.MapImportEndpoints();
        return endpoints;
    }

    internal sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles);

    internal sealed record UserResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, bool Active);
}
