using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Common;
using Smarketing.Application.Notifications;
using Smarketing.Domain.Notifications;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Web.Tests.Support;

/// <summary>
/// The real <see cref="NotificationCenter"/> and <see cref="NotificationFeed"/> over an in-memory SQLite database, for
/// components that read and mark notifications. The current user is <see cref="Me"/>, the id
/// <see cref="ComponentTest"/>'s SignInAs gives.
/// </summary>
public sealed class NotificationStore : IAppDbContextFactory, ICurrentUser, IRoleMembers, IDisposable
{
    public const string Me = "u1";

    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<SmarketingDbContext> _options;

    private NotificationStore()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SmarketingDbContext>().UseSqlite(_connection).Options;
        using var db = new SmarketingDbContext(_options);
        db.Database.EnsureCreated();
    }

    /// <summary>Registers the store, the feed and the centre in <paramref name="services"/>.</summary>
    public static NotificationStore AddTo(IServiceCollection services)
    {
        var store = new NotificationStore();
        services.AddSingleton(store);
        services.AddSingleton<ICurrentUser>(store);
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton(provider => new NotificationCenter(
            store, store, provider.GetRequiredService<NotificationFeed>(), provider.GetRequiredService<TimeProvider>(), store));
        return store;
    }

    /// <summary>Stores notifications as they stand, without publishing them (they arrived before the page opened).</summary>
    public void Add(params Notification[] notifications)
    {
        using var db = new SmarketingDbContext(_options);
        db.Notifications.AddRange(notifications);
        db.SaveChanges();
    }

    public List<Notification> All()
    {
        using var db = new SmarketingDbContext(_options);
        return db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToList();
    }

    public Task<IAppDbContext> CreateAsync(CancellationToken ct = default) => Task.FromResult<IAppDbContext>(new SmarketingDbContext(_options));

    public Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([Me]);

    public string? UserId => Me;

    public string? Email => "someone@demo.test";

    public string? DisplayName => "Someone";

    public bool IsAuthenticated => true;

    public bool IsInRole(string role) => false;

    public void Dispose() => _connection.Dispose();
}
