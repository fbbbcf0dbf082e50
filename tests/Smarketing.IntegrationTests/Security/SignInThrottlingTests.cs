using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>
/// Sign-in under <see cref="SignInPolicy"/>: one answer for every refusal, a pause for the address that keeps failing,
/// and an account lock only when failures come from many addresses.
/// </summary>
public sealed class SignInThrottlingTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Password = "Right-Password1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnknownEmail_AWrongPassword_AndLockedOrDeactivatedAccounts_AllGetTheSameAnswer_AfterTheSameWork()
    {
        var (_, wrongPassword) = await app.NewPersonAsync(Password);
        var (lockedId, locked) = await app.NewPersonAsync(Password);
        var (deactivatedId, deactivated) = await app.NewPersonAsync(Password);
        await app.WithUserManagerAsync(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(lockedId))!, DateTimeOffset.UtcNow.AddMinutes(15)));
        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(deactivatedId, false, Ct)).Succeeded.ShouldBeTrue();
        }

        var attempts = new (string Email, string Password)[]
        {
            (Demo.UniqueEmail("nobody"), Password),
            (wrongPassword, "Wrong-Password1"),
            (locked, Password),
            (deactivated, Password),
        };
        foreach (var (email, password) in attempts)
        {
            using var browser = app.Browser("192.0.2.20");
            var checksBefore = app.Hasher.Verifications;

            var response = await browser.SignInAsync(email, password);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, email);
            BrowserClient.ErrorOn(await response.Content.ReadAsStringAsync(Ct)).ShouldBe(SignInPolicy.RefusedMessage, email);
            response.Headers.TryGetValues("Set-Cookie", out var cookies);
            (cookies ?? []).ShouldNotContain(c => c.StartsWith(BrowserClient.CookieName + "=", StringComparison.Ordinal), email);
            (app.Hasher.Verifications - checksBefore).ShouldBe(1, $"{email}: every refusal checks one password hash, so none answers faster");
        }
    }

    [Fact]
    public async Task FiveWrongPasswords_PauseTheAccountForThatAddressOnly()
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var guesser = app.Browser("192.0.2.30");
        for (var i = 0; i < SignInPolicy.FailuresBeforePause; i++)
        {
            BrowserClient.ErrorOn(await (await guesser.SignInAsync(email, $"Wrong-Guess{i}")).Content.ReadAsStringAsync(Ct))
                .ShouldBe(SignInPolicy.RefusedMessage);
        }

        var paused = await guesser.SignInAsync(email, Password);
        BrowserClient.ErrorOn(await paused.Content.ReadAsStringAsync(Ct)).ShouldBe(SignInPolicy.RefusedMessage, "even the right password waits out the pause from there");

        using var owner = app.Browser("192.0.2.31");
        await owner.SignInOrFailAsync(email, Password);
    }

    [Fact]
    public async Task NoNumberOfWrongPasswordsFromOneAddress_LocksTheAccount()
    {
        var (id, email) = await app.NewPersonAsync(Password);
        using var guesser = app.Browser("192.0.2.40");

        for (var i = 0; i < 3 * SignInPolicy.FailuresBeforeAccountLock / 2; i++)
        {
            await guesser.SignInAsync(email, $"Wrong-Guess{i}");
        }

        (await app.WithUserManagerAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(id))!))).ShouldBeFalse();
        using var owner = app.Browser("192.0.2.41");
        await owner.SignInOrFailAsync(email, Password);
    }

    [Fact]
    public async Task FailuresFromManyAddresses_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var (id, email) = await app.NewPersonAsync(Password);
        var addresses = SignInPolicy.FailuresBeforeAccountLock / SignInPolicy.FailuresBeforePause;

        for (var a = 0; a < addresses; a++)
        {
            using var guesser = app.Browser($"10.9.{a}.1");
            for (var i = 0; i < SignInPolicy.FailuresBeforePause; i++)
            {
                await guesser.SignInAsync(email, $"Wrong-Guess{i}");
            }
        }

        (await app.WithUserManagerAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(id))!))).ShouldBeTrue();
        using var owner = app.Browser("192.0.2.51");
        var refused = await owner.SignInAsync(email, Password);
        BrowserClient.ErrorOn(await refused.Content.ReadAsStringAsync(Ct)).ShouldBe(SignInPolicy.RefusedMessage);
    }

    [Fact]
    public async Task SigningInFromAnAddress_ClearsItsFailures()
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser("192.0.2.60");
        for (var i = 0; i < SignInPolicy.FailuresBeforePause - 1; i++)
        {
            await browser.SignInAsync(email, $"Wrong-Guess{i}");
        }

        await browser.SignInOrFailAsync(email, Password);
        using var again = app.Browser("192.0.2.60");
        for (var i = 0; i < SignInPolicy.FailuresBeforePause - 1; i++)
        {
            await again.SignInAsync(email, $"Wrong-Again{i}");
        }

        await again.SignInOrFailAsync(email, Password);
    }
}
