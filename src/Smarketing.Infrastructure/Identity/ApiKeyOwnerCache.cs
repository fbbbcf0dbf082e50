using System.Collections.Concurrent;
using Smarketing.Application.ApiKeys;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// Who a working API key belongs to, remembered for a few seconds so a busy integration doesn't look its key and roles
/// up on every request. Only keys that worked are kept (a wrong key never fills it). Anything that can stop a key or
/// change what it may do (revoking it; locking, deactivating or changing the roles of its user) forgets everything on
/// this instance at once; another instance sees the change within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyOwnerCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);

    public ApiKeyOwner? Find(byte[] hash) =>
        _byHash.TryGetValue(Convert.ToHexString(hash), out var entry) && entry.Until > clock.GetUtcNow() ? entry.Owner : null;

    public void Remember(byte[] hash, ApiKeyOwner owner)
    {
        if (_byHash.Count >= MaxEntries)
        {
            _byHash.Clear();
        }

        _byHash[Convert.ToHexString(hash)] = new Entry(owner, clock.GetUtcNow() + Lifetime);
    }

    public void ForgetAll() => _byHash.Clear();

    private sealed record Entry(ApiKeyOwner Owner, DateTimeOffset Until);
}
