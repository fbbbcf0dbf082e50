using Microsoft.AspNetCore.Authorization;
using Smarketing.Domain.Common;

namespace Smarketing.Web.Auth;

/// <summary>Authorization policies for the JSON API: authenticated by API key only, never by the browser's cookie.</summary>
internal static class ApiPolicies
{
    public const string Caller = "api:caller";
    public const string Admin = "api:admin";

    /// <summary>
    /// Only callers whose key's user holds one of <paramref name="roles"/> (a comma-separated list from
    /// <see cref="Roles"/>) reach the endpoint; the others get 403 before their request body is read.
    /// </summary>
    public static TBuilder ForRoles<TBuilder>(this TBuilder endpoint, string roles)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { Roles = roles, AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName });

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Caller, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        options.AddPolicy(Admin, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin));
    }
}
