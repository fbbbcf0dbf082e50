using Microsoft.Extensions.Caching.Memory;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// Recent failed sign-ins, in memory, per account and per account and client address, over
/// <see cref="SignInPolicy.Window"/>. Each app instance keeps its own (as the rate limiter does).
/// </summary>
public sealed class SignInFailureLog(IMemoryCache cache, TimeProvider clock)
{
    public bool IsPaused(string account, string clientAddress) =>
        CountRecent(PairKey(account, clientAddress)) >= SignInPolicy.FailuresBeforePause;

    /// <summary>Records a failure and answers how many the account has had, from every address, within the window.</summary>
    public int Record(string account, string clientAddress)
    {
        Add(PairKey(account, clientAddress));
        return Add(AccountKey(account));
    }

    /// <summary>A successful sign-in from an address clears that address's failures (not other addresses').</summary>
    public void Forget(string account, string clientAddress) => cache.Remove(PairKey(account, clientAddress));

    private int CountRecent(string key)
    {
        if (!cache.TryGetValue(key, out Queue<DateTimeOffset>? failures) || failures is null)
        {
            return 0;
        }

        lock (failures)
        {
            DropExpired(failures);
            return failures.Count;
        }
    }

    private int Add(string key)
    {
        var failures = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = SignInPolicy.Window;
            return new Queue<DateTimeOffset>();
        })!;
        lock (failures)
        {
            DropExpired(failures);
            failures.Enqueue(clock.GetUtcNow());
            return failures.Count;
        }
    }

    private void DropExpired(Queue<DateTimeOffset> failures)
    {
        var since = clock.GetUtcNow() - SignInPolicy.Window;
        while (failures.Count > 0 && failures.Peek() <= since)
        {
            failures.Dequeue();
        }
    }

    private static string PairKey(string account, string clientAddress) => $"sign-in-failures|{account}|{clientAddress}";

    private static string AccountKey(string account) => $"sign-in-failures|{account}";
}
