using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Web.Auth;

/// <summary>
/// Hands the circuit's signed-in user to <see cref="CurrentUser"/> before each piece of work a browser sends,
/// so services (and the audit stamps) know who acts even though a circuit has no HttpContext.
/// </summary>
internal sealed class UserCircuitHandler(AuthenticationStateProvider authenticationState, CurrentUser currentUser) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            currentUser.Principal = (await authenticationState.GetAuthenticationStateAsync()).User;
            await next(context);
        };
}
