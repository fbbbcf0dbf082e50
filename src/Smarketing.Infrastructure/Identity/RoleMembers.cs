using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Notifications;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Identity;

internal sealed class RoleMembers(IDbContextFactory<SmarketingDbContext> dbFactory) : IRoleMembers
{
    public async Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where r.Name == role && user.IsActive
            select user.Id).ToListAsync(ct);
    }
}
