using System.Security.Claims;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;

namespace Smarketing.Web.Tests.Support;

/// <summary>
/// Renders a component to HTML with the framework's HtmlRenderer (bUnit does not run on .NET 10 here) and parses
/// the result with AngleSharp. The services are the few a static render needs: logging, Radzen, authorization,
/// a navigation manager at a chosen page, and a JS runtime that refuses calls (a static render makes none).
/// Radzen's PanelMenu, Stack and Link render this way without a circuit; anything that needs JavaScript
/// (dialogs, DataGrid interaction) belongs in the browser tests.
/// </summary>
public static class ComponentRenderer
{
    /// <summary>Renders <typeparamref name="TComponent"/> as <paramref name="user"/> (signed out when null), on <paramref name="currentPath"/>.</summary>
    public static async Task<IDocument> RenderAsync<TComponent>(ClaimsPrincipal? user = null, string currentPath = "/")
        where TComponent : IComponent => await RenderAsync<TComponent>(new Dictionary<string, object?>(), user, currentPath);

    /// <summary>Renders <typeparamref name="TComponent"/> with <paramref name="parameters"/>.</summary>
    public static async Task<IDocument> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, ClaimsPrincipal? user = null, string currentPath = "/")
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRadzenComponents();
        services.AddAuthorizationCore();
        services.AddScoped<NavigationManager>(_ => new TestNavigationManager(currentPath));
        services.AddScoped<IJSRuntime, NoJavaScript>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());

        // One root per renderer: a second HeadOutlet in the same renderer would fight the first for <PageTitle>.
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Page>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Page.User)] = user ?? new ClaimsPrincipal(new ClaimsIdentity()),
                [nameof(Page.Component)] = typeof(TComponent),
                [nameof(Page.Parameters)] = parameters,
            }));
            return output.ToHtmlString();
        });

        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(response => response.Content($"<!DOCTYPE html><html>{html}</html>"));
    }

    /// <summary>A signed-in user with the given roles, as the Identity cookie or an API key would give.</summary>
    public static ClaimsPrincipal UserInRoles(params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.Name, "someone@demo.test") };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>
    /// A <c>&lt;head&gt;</c> with a HeadOutlet (where <c>&lt;PageTitle&gt;</c> lands, as in App.razor) and a body with the component
    /// under a cascading <c>Task&lt;AuthenticationState&gt;</c>, which is what CascadingAuthenticationState gives a page.
    /// </summary>
    private sealed class Page : ComponentBase
    {
        [Parameter] public ClaimsPrincipal User { get; set; } = default!;

        [Parameter] public Type Component { get; set; } = default!;

        [Parameter] public IReadOnlyDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "head");
            builder.OpenComponent<HeadOutlet>(1);
            builder.CloseComponent();
            builder.CloseElement();

            builder.OpenElement(2, "body");
            builder.OpenComponent<CascadingValue<Task<AuthenticationState>>>(3);
            builder.AddComponentParameter(4, nameof(CascadingValue<object>.Value), Task.FromResult(new AuthenticationState(User)));
            builder.AddComponentParameter(5, nameof(CascadingValue<object>.ChildContent), (RenderFragment)(child =>
            {
                child.OpenComponent(0, Component);
                foreach (var (name, value) in Parameters)
                {
                    child.AddComponentParameter(1, name, value);
                }

                child.CloseComponent();
            }));
            builder.CloseComponent();
            builder.CloseElement();
        }
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager(string currentPath) => Initialize("http://localhost/", "http://localhost" + currentPath);

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"A static render called JavaScript ({identifier}).");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
