using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Web.Auth;

/// <summary>
/// Hands the circuit's signed-in user to <see cref="CurrentUser"/> when the circuit opens (before its first render)
/// and before each piece of work a browser sends, so services (and the audit stamps) know who acts even though a
/// circuit has no HttpContext. Components read the user through the Application's ICurrentUser.
/// </summary>
internal sealed class UserCircuitHandler(AuthenticationStateProvider authenticationState, CurrentUser currentUser) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        currentUser.Principal = (await authenticationState.GetAuthenticationStateAsync()).User;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            currentUser.Principal = (await authenticationState.GetAuthenticationStateAsync()).User;
            await next(context);
        };
}
