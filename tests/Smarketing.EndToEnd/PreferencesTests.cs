using Microsoft.Playwright;
using Smarketing.Domain.Common;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

/// <summary>Light or dark mode and the time zone are each person's own, kept with their account.</summary>
public sealed class PreferencesTests(SmarketingApp app) : BrowserTest(app)
{
    [Fact]
    public async Task DarkMode_ChosenInTheTopBar_IsStillOnAtTheNextSignIn_OnAnotherMachine()
    {
        var email = await App.CreateUserAsync(Roles.SalesRep, displayName: "Dana Dark");
        await SignInAsync(Page, email);
        await Expect(Page.Locator(".mud-theme-dark, body.mud-theme-dark")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        var background = await BackgroundAsync(Page);
        await Page.ShouldHaveNoAxeViolationsAsync("the home page in dark mode");
        await ScreenshotAsync("home-dark");

        var elsewhere = await NewPageInNewContextAsync();
        await SignInAsync(elsewhere, email);
        await Expect(elsewhere.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        (await BackgroundAsync(elsewhere)).ShouldBe(background, "the dark background, as chosen on the first machine");
    }

    [Fact]
    public async Task ThePreferencesPage_ShowsTheCalendarsZoneUntilAZoneIsChosen_AndRefusesAnUnknownOne()
    {
        var email = await App.CreateUserAsync(Roles.SalesRep, displayName: "Zoe Zone");
        await SignInAsync(Page, email);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your preferences" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your preferences", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("follow the agreement's calendar, now America/New_York")).ToBeVisibleAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the preferences page");
        await ScreenshotAsync("preferences");

        var zone = Page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" });
        await zone.FillAsync("Europe/Berl");
        await Page.GetByRole(AriaRole.Option, new() { Name = "Europe/Berlin" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByText("show times in Europe/Berlin")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" })).ToHaveValueAsync("Europe/Berlin");
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-layout') ?? document.body).backgroundColor");
}
