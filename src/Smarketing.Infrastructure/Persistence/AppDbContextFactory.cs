using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;

namespace Smarketing.Infrastructure.Persistence;

internal sealed class AppDbContextFactory(IDbContextFactory<SmarketingDbContext> factory) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken ct = default) => await factory.CreateDbContextAsync(ct);
}
