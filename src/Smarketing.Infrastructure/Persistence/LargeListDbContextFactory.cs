using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// Contexts for work that looks up very many values at once (a 100,000-row CSV import asks for every email and external
/// id of its file): the same database and interceptors, but a list in a query goes to SQLite as one JSON parameter read
/// with json_each, not as one SQL variable per value, of which SQLite takes at most 32,766.
/// </summary>
internal sealed class LargeListDbContextFactory(DbContextOptions<SmarketingDbContext> options) : IAppDbContextFactory
{
    private readonly DbContextOptions<SmarketingDbContext> _options = new DbContextOptionsBuilder<SmarketingDbContext>(options)
        .UseSqlite(sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
        .Options;

    public Task<IAppDbContext> CreateAsync(CancellationToken ct = default) => Task.FromResult<IAppDbContext>(new SmarketingDbContext(_options));
}
