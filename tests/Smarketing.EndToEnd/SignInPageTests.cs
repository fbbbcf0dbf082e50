using Microsoft.Playwright;
using Smarketing.Infrastructure.Identity;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

public sealed class SignInPageTests(SmarketingApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AnAnonymousVisitor_LandsOnTheSignInPage()
    {
        await Page.GotoAsync("/");

        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
        await Expect(Page.Locator("#password")).ToBeVisibleAsync();
        await Expect(Page.Locator("nav[aria-label=Sections]")).ToHaveCountAsync(0);
        await ScreenshotAsync("sign-in");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("sign-in-phone");
    }

    [Fact]
    public async Task TheSignInPage_HasNoAccessibilityViolations()
    {
        await OpenStaticAsync("/Account/Login", Page);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await Page.ShouldHaveNoAxeViolationsAsync("the sign-in page");
    }

    [Fact]
    public async Task AWrongPassword_ShowsAClearMessage_AndDoesNotSignIn()
    {
        var email = await App.CreateUserAsync(Smarketing.Domain.Common.Roles.SalesRep);

        const string wrongPassword = "Not-the-password-1!";

        await SubmitSignInFormAsync(Page, email, wrongPassword);

        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.Locator("[data-testid=login-error]"))
            .ToHaveTextAsync(SignInPolicy.RefusedMessage);
        await Expect(Page.Locator("[data-testid=signed-in-user]")).ToHaveCountAsync(0);

        // The email stays for the next try; the password the person typed is never sent back in the page.
        await Expect(Page.Locator("#email")).ToHaveValueAsync(email);
        await Expect(Page.Locator("#password")).ToHaveValueAsync("");
        (await Page.ContentAsync()).ShouldNotContain(wrongPassword);
        await ScreenshotAsync("wrong-password");
        await Page.ShouldHaveNoAxeViolationsAsync("the sign-in page showing an error");
    }

    [Fact]
    public async Task FiveWrongPasswords_PauseSignInFromThisBrowser_SoEvenTheRightPasswordGetsTheSameAnswer()
    {
        var email = await App.CreateUserAsync(Smarketing.Domain.Common.Roles.SalesRep);
        var error = Page.Locator("[data-testid=login-error]");

        for (var attempt = 1; attempt <= SignInPolicy.FailuresBeforePause; attempt++)
        {
            await SubmitSignInFormAsync(Page, email, $"Wrong-password-{attempt}!");
            await Expect(error).ToHaveTextAsync(SignInPolicy.RefusedMessage);
        }

        await SubmitSignInFormAsync(Page, email, SmarketingApp.DemoPassword);
        await Expect(error).ToHaveTextAsync(SignInPolicy.RefusedMessage);
        await ScreenshotAsync("paused");
        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.Locator("[data-testid=signed-in-user]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SigningOut_LandsOnTheSignInPage_AndTheAppAsksToSignInAgain()
    {
        await SignInAsync(Page, "rep1@demo.test");

        await ClickAndWaitForNewDocumentAsync(Page, Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));

        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        await ScreenshotAsync("signed-out");

        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.Locator("[data-testid=signed-in-user]")).ToHaveCountAsync(0);
    }
}
