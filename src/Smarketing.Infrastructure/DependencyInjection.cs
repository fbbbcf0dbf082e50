using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.Application.Common;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Demo;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Smarketing";
    public const string DefaultSqliteConnectionString = "Data Source=smarketing.db";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<AppendOnlyHistoryInterceptor>();
        services.AddSingleton<ApiKeyOwnerCache>();
        services.AddSingleton<ApiKeyOwnerCacheInvalidator>();

        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString;
        services.AddDbContextFactory<SmarketingDbContext>(
            (sp, options) =>
            {
                switch (provider)
                {
                    case "Sqlite":
                        options.UseSqlite(connectionString);
                        break;
                    default:
                        throw new InvalidOperationException(
                            $"Database:Provider '{provider}' is not supported yet; use 'Sqlite'. See docs/decisions/0005-sqlite-default-postgres-behind-a-switch.md.");
                }

                options.AddInterceptors(
                    sp.GetRequiredService<AuditInterceptor>(),
                    sp.GetRequiredService<AppendOnlyHistoryInterceptor>(),
                    sp.GetRequiredService<ApiKeyOwnerCacheInvalidator>());

                // The write gate comes last: an interceptor before it that refuses a save (append-only history) throws
                // before the gate is taken, instead of leaving it taken with no failed-save event to release it.
                if (provider == "Sqlite")
                {
                    options.AddInterceptors(Persistence.SqliteWriteGate.Interceptors);
                }
            },
            ServiceLifetime.Scoped);

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = SignInPolicy.FailuresBeforeAccountLock;
                options.Lockout.DefaultLockoutTimeSpan = SignInPolicy.AccountLockDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SmarketingDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddSignInServices();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IUserLookup, UserLookup>();
        services.AddScoped<IUserPreferenceStore, UserPreferenceStore>();
        services.AddScoped<IApiKeyService, ApiKeyService>();
        services.AddScoped<IAppDbContextFactory, AppDbContextFactory>();
        services.AddScoped<Application.Leads.IRepDirectory, RepDirectory>();
        services.AddScoped<Application.Notifications.IRoleMembers, RoleMembers>();
        if (configuration.GetValue("Sla:Monitor", true))
        {
            services.AddHostedService<Clocks.SlaMonitorService>();
        }
        services.AddScoped<DemoSeeder>();

        services.AddHealthChecks().AddDbContextCheck<SmarketingDbContext>("database");
        return services;
    }
}
