namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// How sign-in answers wrong passwords. A caller who keeps failing is paused for that account from its own address
/// only; the account itself locks only when failures come from many addresses at once, which one anonymous caller
/// cannot produce. See docs/security.md ("Sign-in throttling").
/// </summary>
public static class SignInPolicy
{
    /// <summary>Failures for one account from one address, within <see cref="Window"/>, after which that address is paused for it.</summary>
    public const int FailuresBeforePause = 5;

    /// <summary>Failures for one account from all addresses, within <see cref="Window"/>, that lock the account.</summary>
    public const int FailuresBeforeAccountLock = 50;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan AccountLockDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The one answer to every refused sign-in (unknown email, wrong password, paused, locked or deactivated account),
    /// so the answer never tells a stranger which emails have accounts.
    /// </summary>
    public static readonly string RefusedMessage =
        "Signing in did not work. Check your email and password and try again. " +
        $"After {FailuresBeforePause} failed tries, this account cannot be signed in to from here for {Window.TotalMinutes:0} minutes; " +
        "if it still fails, ask an admin.";
}
