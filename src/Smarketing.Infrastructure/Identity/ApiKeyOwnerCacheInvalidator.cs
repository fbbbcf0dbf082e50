using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// The one place that keeps <see cref="ApiKeyOwnerCache"/> honest: a saved change to a user (locked, deactivated,
/// renamed), a user's roles or an API key (revoked) forgets every remembered owner once the change is committed,
/// whichever page or endpoint made it.
/// </summary>
internal sealed class ApiKeyOwnerCacheInvalidator(ApiKeyOwnerCache owners) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private static void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
                e.Entity is AppUser or IdentityUserRole<string> or ApiKey))
        {
            Touched.AddOrUpdate(context, context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && Touched.Remove(context))
        {
            owners.ForgetAll();
        }
    }
}
