using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Smarketing.Application.Users;

namespace Smarketing.Web.Tests.Support;

/// <summary>
/// A bUnit context with what Smarketing's components expect around them: MudBlazor's services (its JavaScript calls
/// answered loosely, as no browser runs here), a clock that stands still at <see cref="Now"/> until a test moves it,
/// a signed-out user until <see cref="SignInAs"/> says otherwise, a viewer who reads times in New York until a test sets
/// <see cref="ViewerZone"/>, and the page's <c>&lt;title&gt;</c> through a HeadOutlet.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    /// <summary>Monday 23 Nov 2026, 10:00 in New York.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private readonly BunitAuthorizationContext _authorization;

    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Clock = new FakeTimeProvider(Now);
        Services.AddSingleton<TimeProvider>(Clock);
        _authorization = AddAuthorization();
        Services.AddSingleton<IViewerTimeZone>(_viewer);
    }

    private readonly FixedViewerZone _viewer = new();

    /// <summary>The time zone the signed-in person reads times in (their preference or the agreement calendar's).</summary>
    protected TimeZoneInfo ViewerZone
    {
        get => _viewer.Zone;
        set => _viewer.Zone = value;
    }

    protected FakeTimeProvider Clock { get; }

    /// <summary>Signs in someone@demo.test with <paramref name="roles"/> (no roles: signed in, but with none).</summary>
    protected void SignInAs(params string[] roles)
    {
        _authorization.SetAuthorized("someone@demo.test");
        _authorization.SetRoles(roles);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "u1"));
    }

    /// <summary>Puts the browser on <paramref name="path"/>, as if the person had navigated there.</summary>
    protected void NavigateTo(string path) => Services.GetRequiredService<NavigationManager>().NavigateTo(path);

    /// <summary>Renders a HeadOutlet first, so a component's &lt;PageTitle&gt; can be read from <see cref="PageTitle"/>.</summary>
    protected IRenderedComponent<HeadOutlet> RenderHead() => Render<HeadOutlet>();

    /// <summary>The text a &lt;PageTitle&gt; put in the head, once <see cref="RenderHead"/> has rendered it.</summary>
    protected static string PageTitle(IRenderedComponent<HeadOutlet> head) => head.Find("title").TextContent;
}

internal sealed class FixedViewerZone : IViewerTimeZone
{
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public Task<TimeZoneInfo> ViewerZoneAsync(CancellationToken ct = default) => Task.FromResult(Zone);
}
