using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.IntegrationTests.Support;

/// <summary>
/// The real app in Development with demo data, on its own SQLite file in the temp folder. One per test class
/// (IClassFixture), so classes run in parallel without sharing rows; the file is deleted when the class is done.
/// </summary>
public class SmarketingAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"smarketing-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_databasePath}";

    public string DatabasePath => _databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: AddInfrastructure reads the connection string while Program builds.
        builder.UseSetting("ConnectionStrings:Smarketing", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Seed", "true");
        // Test classes send far more than a real integration would; the rate-limit tests set their own budgets.
        builder.UseSetting("RateLimiting:ApiRequestsPerMinute", "0");
        builder.UseSetting("RateLimiting:SignInAttemptsPerMinute", "0");
    }

    public HttpClient ApiClient(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A service scope in which the given user is signed in, with the roles the database gives them.</summary>
    public async Task<AsyncServiceScope> SignedInAsAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var roles = await users.GetRolesAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = Principal(user.Id, email, roles);
        return scope;
    }

    public static ClaimsPrincipal Principal(string userId, string email, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, email),
            new(ClaimTypes.Email, email),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>A fresh DbContext on the same file, for looking at what the services wrote (no audit interceptor).</summary>
    public SmarketingDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<SmarketingDbContext>()
            .UseSqlite(ConnectionString)
            .UseApplicationServiceProvider(Services)
            .Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDatabase();
    }

    private void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
