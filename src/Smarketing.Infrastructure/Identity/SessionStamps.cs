using Microsoft.EntityFrameworkCore;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// Whether a signed-in session is still current: its user exists, is active, and has the security stamp the session
/// was issued with. Signing out, deactivation and role changes all replace the stamp, which ends every earlier session.
/// </summary>
public sealed class SessionStamps(IDbContextFactory<SmarketingDbContext> dbFactory)
{
    // Asked on every request that carries a sign-in cookie: one primary-key lookup, compiled once.
    private static readonly Func<SmarketingDbContext, string, string, CancellationToken, Task<bool>> _isCurrent =
        EF.CompileAsyncQuery((SmarketingDbContext db, string userId, string stamp, CancellationToken ct) =>
            db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp && u.IsActive));

    public async Task<bool> IsCurrentAsync(string? userId, string? stamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await _isCurrent(db, userId, stamp, ct);
    }
}
