using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// Signs a person in by email and password under <see cref="SignInPolicy"/>. Every refusal looks the same from
/// outside: the same answer, and the same work (one password hash check), whether the email is unknown, the
/// password wrong, or the account paused, locked or deactivated.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<AppUser> signInManager,
    IPasswordHasher<AppUser> hasher,
    SignInFailureLog failures,
    TimeProvider clock,
    ILogger<PasswordSignIn> logger)
{
    private static readonly AppUser _nobody = new();
    private static string? _decoyHash;

    /// <summary>True when the person is signed in (the cookie is set on the current response).</summary>
    public async Task<bool> SignInAsync(string email, string password, bool rememberMe, string clientAddress)
    {
        var account = email.Trim().ToUpperInvariant();
        var user = await signInManager.UserManager.FindByEmailAsync(email.Trim());
        // A paused attempt is not counted: one address alone must never add up to an account lock.
        var paused = failures.IsPaused(account, clientAddress);
        if (user is null || paused)
        {
            CheckDecoyPassword(password);
            if (!paused)
            {
                failures.Record(account, clientAddress);
            }

            return false;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            failures.Forget(account, clientAddress);
            return true;
        }

        // Identity refuses locked and deactivated accounts before it checks the password; check one anyway so the
        // answer takes as long as a wrong password does.
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            CheckDecoyPassword(password);
        }

        var recent = failures.Record(account, clientAddress);
        if (recent >= SignInPolicy.FailuresBeforeAccountLock && !result.IsLockedOut)
        {
            await signInManager.UserManager.SetLockoutEndDateAsync(user, clock.GetUtcNow() + SignInPolicy.AccountLockDuration);
            logger.LogWarning("Account {UserId} locked for {Minutes} minutes after {Failures} failed sign-ins from several addresses.",
                user.Id, SignInPolicy.AccountLockDuration.TotalMinutes, recent);
        }

        return false;
    }

    private void CheckDecoyPassword(string password)
    {
        _decoyHash ??= hasher.HashPassword(_nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(_nobody, _decoyHash, password);
    }
}
