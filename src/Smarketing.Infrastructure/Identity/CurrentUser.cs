using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Smarketing.Application.Common;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// The caller of the current operation. In an HTTP request (API, static pages) it is the request's user;
/// in an interactive circuit the web layer sets <see cref="Principal"/> from the authentication state,
/// because a circuit has no HttpContext to read.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public const string DisplayNameClaim = "smarketing:display_name";

    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal
    {
        get => _principal ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        set => _principal = value;
    }

    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? Email => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name : null;

    public string? DisplayName => IsAuthenticated ? Principal.FindFirstValue(DisplayNameClaim) ?? Email : null;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
