using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Smarketing.Application.Common;
using Smarketing.Domain.Common;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>Stamps created/updated by and at on every auditable record, from the signed-in user and the injected clock.</summary>
internal sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var who = currentUser.Email ?? "system";
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Stamp(entry.Entity, entry.State == EntityState.Added, now, who);
            }
        }
    }

    /// <summary>Stamps records written without the change tracker (a bulk insert), as a save would.</summary>
    public void StampNew(IEnumerable<IAuditable> records)
    {
        var now = clock.GetUtcNow();
        var who = currentUser.Email ?? "system";
        foreach (var record in records)
        {
            Stamp(record, added: true, now, who);
        }
    }

    private static void Stamp(IAuditable record, bool added, DateTimeOffset now, string who)
    {
        // A record brought in with its history (backfill, demo data) keeps its own creation time.
        if (added)
        {
            if (record.CreatedAt == default)
            {
                record.CreatedAt = now;
            }

            record.CreatedBy ??= who;
        }

        record.UpdatedAt = now;
        record.UpdatedBy = who;
    }
}
