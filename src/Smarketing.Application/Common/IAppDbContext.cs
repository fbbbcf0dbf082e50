using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Domain.Notifications;

namespace Smarketing.Application.Common;

/// <summary>The tables feature services work with. One instance per operation (see <see cref="IAppDbContextFactory"/>).</summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<AgreementVersion> AgreementVersions { get; }
    DbSet<AgreementSectionRecord> AgreementSections { get; }
    DbSet<AgreementSectionRevision> AgreementSectionRevisions { get; }
    DbSet<Lead> Leads { get; }
    DbSet<LeadEvent> LeadEvents { get; }
    DbSet<RepAvailability> RepAvailability { get; }
    DbSet<SlaTimer> SlaTimers { get; }
    DbSet<Notification> Notifications { get; }
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A transaction for a large write, holding the database's writer slot until it is disposed (on SQLite, one writer
    /// at a time; saves inside it are not queued again).
    /// </summary>
    Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct = default);

    /// <summary>
    /// Writes new records without tracking them, inside <see cref="BeginWriteAsync"/>'s transaction: thousands a second
    /// where SaveChanges manages hundreds. Stored exactly as a save would store them, audit stamps included.
    /// </summary>
    Task InsertManyAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct = default)
        where T : class;
}

public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken ct = default);
}
