using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.ApiKeys;
using Smarketing.Application.Common;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Identity;

internal sealed class ApiKeyService(
    IDbContextFactory<SmarketingDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<CreateApiKeyRequest> validator,
    TimeProvider clock,
    ApiKeyOwnerCache owners) : IApiKeyService
{
    // Writing the last-used time on every request would turn each API read into a write; once a minute is plenty.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<Result<IReadOnlyList<ApiKeySummary>>> ListAsync(string? forUserId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (ownerId, refusal) = await ResolveOwnerAsync(db, forUserId, ct);
        if (refusal is not null)
        {
            return Result<IReadOnlyList<ApiKeySummary>>.Fail(refusal);
        }

        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == ownerId)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.User!.Email!, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
        return keys.OrderBy(k => k.RevokedAt.HasValue).ThenByDescending(k => k.CreatedAt).ToList();
    }

    public async Task<Result<CreatedApiKey>> CreateAsync(CreateApiKeyRequest request, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<CreatedApiKey>.Fail(invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (ownerId, refusal) = await ResolveOwnerAsync(db, request.ForUserId, ct);
        if (refusal is not null)
        {
            return Result<CreatedApiKey>.Fail(refusal);
        }

        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey
        {
            UserId = ownerId!,
            Name = request.Name.Trim(),
            Prefix = ApiKeySecrets.DisplayPrefix(secret),
            Hash = ApiKeySecrets.Hash(secret),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);

        var ownerEmail = await db.Users.Where(u => u.Id == ownerId).Select(u => u.Email!).SingleAsync(ct);
        return new CreatedApiKey(
            new ApiKeySummary(key.Id, key.Name, key.Prefix, ownerEmail, key.CreatedAt, null, null), secret);
    }

    public async Task<Result> RevokeAsync(Guid keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.Include(k => k.User).SingleOrDefaultAsync(k => k.Id == keyId, ct);
        if (key is null)
        {
            return Result.NotFound("That API key does not exist.");
        }

        var ownKey = key.UserId == currentUser.UserId;
        var adminOnServiceAccount = currentUser.IsInRole(Roles.Admin) && key.User!.IsServiceAccount;
        if (!ownKey && !adminOnServiceAccount)
        {
            return Result.Forbidden("You can revoke only your own keys, or, as an admin, a service account's.");
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return Result.Success();
    }

    public async Task<ApiKeyOwner?> AuthenticateAsync(string presentedKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(presentedKey) || presentedKey.Length > 200)
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(presentedKey);
        if (owners.Find(hash) is { } known)
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var match = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null && k.User!.IsActive)
            .Select(k => new { k.Id, k.Hash, k.LastUsedAt, k.UserId, k.User!.Email, k.User.DisplayName, k.User.LockoutEnd })
            .SingleOrDefaultAsync(ct);

        // The index finds the row by hash; the constant-time check keeps the final comparison free of timing leaks.
        if (match is null || !ApiKeySecrets.Matches(presentedKey, match.Hash))
        {
            return null;
        }

        // A locked account's keys stop with it, at once, as a deactivated account's do.
        var now = clock.GetUtcNow();
        if (match.LockoutEnd is { } lockedUntil && lockedUntil > now)
        {
            return null;
        }

        if (match.LastUsedAt is null || now - match.LastUsedAt.Value >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == match.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }

        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == match.UserId
            select role.Name!).ToListAsync(ct);

        var owner = new ApiKeyOwner(match.UserId, match.Email!, match.DisplayName, roles);
        owners.Remember(hash, owner);
        return owner;
    }

    private async Task<(string? OwnerId, Result? Refusal)> ResolveOwnerAsync(
        SmarketingDbContext db, string? forUserId, CancellationToken ct)
    {
        if (!currentUser.IsAuthenticated || currentUser.UserId is null)
        {
            return (null, Result.Forbidden("Sign in to manage API keys."));
        }

        if (forUserId is null || forUserId == currentUser.UserId)
        {
            return (currentUser.UserId, null);
        }

        if (!currentUser.IsInRole(Roles.Admin))
        {
            return (null, Result.Forbidden("Only an admin can manage another account's keys."));
        }

        var target = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == forUserId, ct);
        if (target is null)
        {
            return (null, Result.NotFound("That account does not exist."));
        }

        return target.IsServiceAccount
            ? (target.Id, null)
            : (null, Result.Forbidden("An admin manages keys for service accounts only; people manage their own."));
    }
}
