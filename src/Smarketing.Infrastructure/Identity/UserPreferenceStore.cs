using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Identity;

/// <summary>Keeps each person's preferences on their account row.</summary>
internal sealed class UserPreferenceStore(IDbContextFactory<SmarketingDbContext> dbFactory) : IUserPreferenceStore
{
    public async Task<UserPreferences?> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserPreferences(u.TimeZoneId, u.PrefersDarkMode))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> SaveAsync(string userId, string? timeZoneId, bool setTimeZone, bool? darkMode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Users
            .Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set =>
            {
                if (setTimeZone)
                {
                    set.SetProperty(u => u.TimeZoneId, timeZoneId);
                }

                if (darkMode is { } dark)
                {
                    set.SetProperty(u => u.PrefersDarkMode, dark);
                }
            }, ct);
        return changed == 1;
    }
}
