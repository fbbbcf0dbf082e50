using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;

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
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken ct = default);
}
