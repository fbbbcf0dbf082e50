using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Demo;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>Brings the database up to date at start-up: migrations, the roles, a first admin, and demo data where asked.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var configuration = provider.GetRequiredService<IConfiguration>();
        var db = provider.GetRequiredService<SmarketingDbContext>();

        // The history triggers are lifted while migrations run: a migration may rebuild a table or backfill a column.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await AppendOnlyHistory.RemoveAsync(db.Database, ct);
        }

        await db.Database.MigrateAsync(ct);
        await AppendOnlyHistory.InstallAsync(db.Database, ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while one writer commits; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await BootstrapAdminAsync(provider, configuration, logger);

        if (configuration.GetValue("Demo:Seed", false))
        {
            await provider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            logger.LogInformation("Demo data is in place (Demo:Seed=true).");
        }
    }

    // Outside Development there is no demo admin; Bootstrap:AdminEmail/AdminPassword create the first one.
    private static async Task BootstrapAdminAsync(IServiceProvider provider, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = provider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "Bootstrap:AdminEmail/AdminPassword could not create the first admin: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first admin {Email} from Bootstrap settings.", email);
    }
}
