using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>Lets the dotnet-ef tool build the model without starting the web app (scripts/ef.sh).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SmarketingDbContext>
{
    public SmarketingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SmarketingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
