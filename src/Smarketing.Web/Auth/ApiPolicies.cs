using Microsoft.AspNetCore.Authorization;
using Smarketing.Domain.Common;

namespace Smarketing.Web.Auth;

/// <summary>Authorization policies for the JSON API: authenticated by API key only, never by the browser's cookie.</summary>
internal static class ApiPolicies
{
    public const string Caller = "api:caller";
    public const string Admin = "api:admin";

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
