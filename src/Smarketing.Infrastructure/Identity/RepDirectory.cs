using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Identity;

internal sealed class RepDirectory(IDbContextFactory<SmarketingDbContext> dbFactory) : IRepDirectory
{
    public async Task<IReadOnlyList<RepInfo>> ListRepsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Roles.SalesRep
            orderby user.Email
            select new RepInfo(user.Id, user.Email!, user.DisplayName, user.Team, user.IsActive)).ToListAsync(ct);
    }
}
