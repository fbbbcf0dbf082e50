using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>Sessions end on the server: at sign-out, and when an admin changes a person's roles or deactivates them.</summary>
public sealed class SessionTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Password = "Right-Password1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_StopsWorking()
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        var signedIn = await browser.SignInAsync(email, Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var thief = CopyOf(browser.SignInCookie(signedIn));
        (await thief.IsSignedInAsync()).ShouldBeTrue("the copy works while the session lasts");

        var signedOut = await browser.SignOutAsync();

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldContain("/Account/Login?signedOut=true");
        (await browser.IsSignedInAsync()).ShouldBeFalse();
        (await thief.IsSignedInAsync()).ShouldBeFalse("signing out ends the session on the server, not only in the browser");
    }

    [Fact]
    public async Task SigningOutWithoutTheAntiforgeryToken_IsRefused_AndTheSessionGoesOn()
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Password);

        var refused = await browser.SignOutAsync(withToken: false);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.IsSignedInAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task SigningOutFromAnotherSitesPage_IsRefused_EvenWithAToken(string header, string value)
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Password);

        var refused = await browser.SignOutAsync(withToken: true, (header, value));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.IsSignedInAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task SigningOutFromSmarketingsOwnPage_Works(string header, string value)
    {
        var (_, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Password);

        var signedOut = await browser.SignOutAsync(withToken: true, (header, value));

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.IsSignedInAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task ChangingAPersonsRoles_EndsTheirSessionAtOnce()
    {
        var (id, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Password);
        (await browser.IsSignedInAsync()).ShouldBeTrue();

        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>()
                .ChangeRolesAsync(new ChangeRolesRequest { UserId = id, Roles = [Roles.SalesManager] }, Ct)).Succeeded.ShouldBeTrue();
        }

        (await browser.IsSignedInAsync()).ShouldBeFalse();
        await browser.SignInOrFailAsync(email, Password);
        (await browser.IsSignedInAsync()).ShouldBeTrue("signing in again gives a session with the new roles");
    }

    [Fact]
    public async Task DeactivatingAPerson_EndsTheirSessionAtOnce()
    {
        var (id, email) = await app.NewPersonAsync(Password);
        using var browser = app.Browser();
        await browser.SignInOrFailAsync(email, Password);

        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(id, false, Ct)).Succeeded.ShouldBeTrue();
        }

        (await browser.IsSignedInAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task SigningOutOneSession_LeavesSomeoneElsesSessionAlone()
    {
        var (_, leaving) = await app.NewPersonAsync(Password);
        var (_, staying) = await app.NewPersonAsync(Password);
        using var first = app.Browser();
        using var second = app.Browser();
        await first.SignInOrFailAsync(leaving, Password);
        await second.SignInOrFailAsync(staying, Password);

        await first.SignOutAsync();

        (await second.IsSignedInAsync()).ShouldBeTrue();
    }

    private BrowserClient CopyOf(string cookie)
    {
        var copy = app.Browser("192.0.2.99");
        copy.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }
}
