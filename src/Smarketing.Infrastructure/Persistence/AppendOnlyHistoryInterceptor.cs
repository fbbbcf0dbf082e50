using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// Refuses a save that would change or delete history through the change tracker: lead events, saved section
/// revisions, signatures and adopted versions (<see cref="AgreementHistory"/>). A version is judged as the database
/// holds it, not as the tracked entity remembers it. Bulk statements (ExecuteUpdate, raw SQL) don't pass through
/// here; the database's own triggers (<see cref="AppendOnlyHistory"/>) stop those.
/// </summary>
internal sealed class AppendOnlyHistoryInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var ids = VersionIdsTouched(context);
            var stored = ids.Count == 0 ? [] : StoredVersions(context, ids).ToList();
            Check(context, stored);
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var ids = VersionIdsTouched(context);
            var stored = ids.Count == 0 ? [] : await StoredVersions(context, ids).ToListAsync(cancellationToken);
            Check(context, stored);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Check(DbContext context, List<AgreementVersion> storedVersions)
    {
        var stored = storedVersions.ToDictionary(v => v.Id);
        foreach (var entry in context.ChangeTracker.Entries().Where(IsChangeOrDeletion))
        {
            if (Refusal(entry, stored) is { } refused)
            {
                throw new AppendOnlyHistoryException(refused);
            }
        }
    }

    private static string? Refusal(EntityEntry entry, Dictionary<Guid, AgreementVersion> stored)
    {
        var what = entry.State == EntityState.Deleted ? "deleted" : "changed";
        return entry.Entity switch
        {
            LeadEvent e => $"event {e.Id} of lead {e.LeadId} is part of the lead's history and is never {what}.",
            AgreementSectionRevision r => $"revision {r.Revision} of a section of an agreement version is kept for ever and is never {what}.",
            AgreementVersion version when stored.TryGetValue(version.Id, out var before) => entry.State == EntityState.Deleted
                ? AgreementHistory.RefuseDeletion(before)
                : AgreementHistory.RefuseChange(before, version),
            AgreementSectionRecord section when stored.TryGetValue(section.VersionId, out var version) => AgreementHistory.RefuseSectionChange(version),
            _ => null,
        };
    }

    private static bool IsChangeOrDeletion(EntityEntry entry) => entry.State is EntityState.Modified or EntityState.Deleted;

    private static List<Guid> VersionIdsTouched(DbContext context) =>
        context.ChangeTracker.Entries()
            .Where(IsChangeOrDeletion)
            .Select(e => e.Entity switch
            {
                AgreementVersion v => v.Id,
                AgreementSectionRecord s => s.VersionId,
                _ => (Guid?)null,
            })
            .OfType<Guid>()
            .Distinct()
            .ToList();

    private static IQueryable<AgreementVersion> StoredVersions(DbContext context, List<Guid> ids) =>
        context.Set<AgreementVersion>().AsNoTracking().Where(v => ids.Contains(v.Id));
}
