using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Security;

/// <summary>Rate limits, security headers, HTTPS, proxies and cookie hardening. See docs/security.md.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RateBudgets>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateBudgets>((options, budgets) =>
        {
            options.GlobalLimiter = budgets.ForRequests();
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
                new ValueTask(TooManyRequests.WriteAsync(context.HttpContext, TooManyRequests.RetryAfter(context.Lease)));
        });

        services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, configuration.GetSection("ForwardedHeaders")));

        // Development runs on http://localhost:5080; everywhere else cookies travel over HTTPS only.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure(options =>
        {
            options.Cookie.SecurePolicy = secure;
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = secure);
        return services;
    }

    /// <summary>The first middleware: who the caller is (behind a proxy), the headers every answer carries, HTTPS, the rate limits.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // A load balancer's health probe often speaks plain HTTP to the app itself; a redirect would fail it.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseRateLimiter();
        return app;
    }

    // Loopback proxies are trusted by default; ForwardedHeaders:KnownProxies (addresses) and
    // ForwardedHeaders:KnownNetworks (CIDR ranges) add the proxies in front of Smarketing.
    private static void TrustProxies(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
        }

        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a CIDR range such as 10.0.0.0/8."));
        }
    }
}
