using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Domain.Notifications;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Infrastructure.Persistence;

public sealed class SmarketingDbContext(DbContextOptions<SmarketingDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IAppDbContext
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementSectionRecord> AgreementSections => Set<AgreementSectionRecord>();
    public DbSet<AgreementSectionRevision> AgreementSectionRevisions => Set<AgreementSectionRevision>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadEvent> LeadEvents => Set<LeadEvent>();
    public DbSet<RepAvailability> RepAvailability => Set<RepAvailability>();
    public DbSet<SlaTimer> SlaTimers => Set<SlaTimer>();
    public DbSet<Notification> Notifications => Set<Notification>();

    public Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct = default) =>
        Database.IsSqlite() ? SqliteWriteGate.BeginAsync(this, ct) : Database.BeginTransactionAsync(ct);

    public async Task InsertManyAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct = default)
        where T : class
    {
        if (records is IReadOnlyCollection<Domain.Common.IAuditable> audited)
        {
            this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                .OfType<AuditInterceptor>().FirstOrDefault()?.StampNew(audited);
        }

        await BulkInsert.InsertAsync(this, records, ct);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SmarketingDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; as UTC ticks it sorts, compares and indexes by the instant.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }
}
