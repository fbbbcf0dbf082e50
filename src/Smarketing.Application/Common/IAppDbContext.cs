using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
}

public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken ct = default);
}
