using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Users;

/// <summary>Six wrong passwords in a row lock an account for 15 minutes (the sign-in page passes lockoutOnFailure).</summary>
public sealed class LockoutTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private const string RightPassword = "Right-Password1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SixWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var email = await NewUserAsync();

        var results = await WrongPasswordsAsync(email, 6);

        results.Take(5).ShouldAllBe(r => !r.Succeeded && !r.IsLockedOut);
        results[5].IsLockedOut.ShouldBeTrue();
        (await SignInAsync(email, RightPassword)).IsLockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task FiveWrongPasswords_DoNotLockTheAccount()
    {
        var email = await NewUserAsync();

        var results = await WrongPasswordsAsync(email, 5);

        results.ShouldAllBe(r => !r.Succeeded && !r.IsLockedOut);
        (await SignInAsync(email, RightPassword)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ASuccessfulSignIn_StartsTheCountAgain()
    {
        var email = await NewUserAsync();

        await WrongPasswordsAsync(email, 5);
        (await SignInAsync(email, RightPassword)).Succeeded.ShouldBeTrue();
        var results = await WrongPasswordsAsync(email, 5);

        results.ShouldAllBe(r => !r.IsLockedOut);
        (await SignInAsync(email, RightPassword)).Succeeded.ShouldBeTrue();
    }

    private async Task<string> NewUserAsync()
    {
        var email = Demo.UniqueEmail("forgetful");
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var created = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = email, DisplayName = "Forgetful Fran", Password = RightPassword, Roles = [Roles.SalesRep],
        }, Ct);
        created.Succeeded.ShouldBeTrue();
        return email;
    }

    private async Task<List<SignInResult>> WrongPasswordsAsync(string email, int times)
    {
        var results = new List<SignInResult>();
        for (var i = 0; i < times; i++)
        {
            results.Add(await SignInAsync(email, $"Wrong-Guess{i}"));
        }

        return results;
    }

    // A fresh scope per attempt, like separate requests from the sign-in page.
    private async Task<SignInResult> SignInAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)).ShouldNotBeNull();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
    }
}
