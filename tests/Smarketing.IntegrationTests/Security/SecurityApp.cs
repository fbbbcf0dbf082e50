using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>
/// The real app, where a test chooses which client address each request comes from (the X-Test-Client-Address
/// header, read before anything else) and can count password hash checks.
/// </summary>
public class SecurityApp : SmarketingAppFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(sp =>
                Hasher.Wrapping(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
        });
    }

    /// <summary>A browser at <paramref name="clientAddress"/>: it keeps cookies and does not follow redirects.</summary>
    public BrowserClient Browser(string clientAddress = "192.0.2.10")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return new BrowserClient(client);
    }

    /// <summary>An API client whose requests come from <paramref name="clientAddress"/>.</summary>
    public HttpClient ApiClient(string? apiKey, string clientAddress)
    {
        var client = ApiClient(apiKey);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return client;
    }

    /// <summary>A new person with their own password, so no test locks or signs out a demo account another test uses.</summary>
    public async Task<(string Id, string Email)> NewPersonAsync(string password, string role = Roles.SalesRep)
    {
        var email = Demo.UniqueEmail("person");
        await using var admin = await SignedInAsAsync(Demo.Admin);
        var created = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = email, DisplayName = "Pat Person", Password = password, Roles = [role],
        }, TestContext.Current.CancellationToken);
        created.Succeeded.ShouldBeTrue(created.Message);
        return (created.Value.Id, email);
    }

    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Counts how often a password is checked against a hash: the costly step every sign-in answer should take once.</summary>
public sealed class CountingPasswordHasher
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public IPasswordHasher<AppUser> Wrapping(IPasswordHasher<AppUser> inner) => new Counting(inner, this);

    private sealed class Counting(IPasswordHasher<AppUser> inner, CountingPasswordHasher counter) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter._verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>The same app with small budgets: 5 API requests per key and 3 sign-in attempts per address, per minute.</summary>
public sealed class RateLimitedApp : SecurityApp
{
    public const int ApiRequestsPerMinute = 5;
    public const int SignInAttemptsPerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:ApiRequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
