using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Agreements;

/// <summary>Everyone reads the agreement, its versions and the draft; the pages work for every role, by keyboard and on a phone.</summary>
public sealed class AgreementPagesTests(SmarketingApp app) : BrowserTest(app)
{
    public static TheoryData<string> DemoUsers => NavigationTests.DemoUsers;

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EveryAgreementPage_HasNoAccessibilityViolations_ForEachRole(string email)
    {
        await SignInAsync(Page, email);

        await OpenAsync("/agreement");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Service-level agreement");
        await Expect(Page).ToHaveTitleAsync("Agreement - Smarketing");
        await Page.ShouldHaveNoAxeViolationsAsync($"the agreement in force, as {email}");

        await OpenAsync("/agreement/versions?from=1&to=2");
        await Expect(Page.GetByTestId("diff")).ToBeVisibleAsync();
        await Expect(Page).ToHaveTitleAsync("Agreement versions - Smarketing");
        await Page.ShouldHaveNoAxeViolationsAsync($"the versions and their diff, as {email}");

        await OpenAsync("/agreement/versions/1");
        await Expect(Page.GetByTestId("version-status")).ToBeVisibleAsync();
        await Expect(Page).ToHaveTitleAsync("Agreement version 1 - Smarketing");
        await Page.ShouldHaveNoAxeViolationsAsync($"version 1, as {email}");

        await OpenAsync("/agreement/draft");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Draft version");
        await Expect(Page).ToHaveTitleAsync("Agreement draft - Smarketing");
        await Page.ShouldHaveNoAxeViolationsAsync($"the draft, as {email}");
    }

    [Fact]
    public async Task TheDraftsSections_AreReachableByKeyboard()
    {
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/agreement/draft");

        var tabs = Page.GetByRole(AriaRole.Tab);
        await Expect(tabs).ToHaveCountAsync(7);
        await FocusFirstTabOnceTheLivePageAnswersAsync(tabs);
        for (var i = 2; i < 7; i++)
        {
            await Page.Keyboard.PressAsync("ArrowRight");
            await Expect(tabs.Nth(i)).ToBeFocusedAsync();
        }

        await Page.Keyboard.PressAsync("Enter");
        await Expect(tabs.Nth(6)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("When sales rejects a lead, the reason is one of");
    }

    // The server's first rendering of the tabs is replaced when the live page starts, taking the focus with it: the
    // first arrow press counts once it moves the focus to the second tab.
    private async Task FocusFirstTabOnceTheLivePageAnswersAsync(ILocator tabs)
    {
        for (var attempt = 1; ; attempt++)
        {
            await tabs.First.FocusAsync();
            await Page.Keyboard.PressAsync("ArrowRight");
            try
            {
                await Expect(tabs.Nth(1)).ToBeFocusedAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    [Fact]
    public async Task TheAgreementVersionsAndDraft_ReadWellOnADesktopAndOnAPhone()
    {
        await SignInAsync(Page, "sales.manager@demo.test");
        await Page.SetViewportSizeAsync(1366, 900);
        await OpenAsync("/agreement");
        await Expect(Page.GetByTestId("effective-from")).ToBeVisibleAsync();
        await ScreenshotAsync("agreement-desktop");
        await OpenAsync("/agreement/versions?from=1&to=2");
        await Expect(Page.GetByTestId("diff")).ToBeVisibleAsync();
        await ScreenshotAsync("versions-desktop");
        await OpenAsync("/agreement/draft");
        await Expect(Page.GetByTestId("sign-panel")).ToBeVisibleAsync();
        await ScreenshotAsync("draft-desktop");

        await Page.SetViewportSizeAsync(390, 844);
        foreach (var (path, name) in new[] { ("/agreement", "agreement-phone"), ("/agreement/versions?from=1&to=2", "versions-phone"), ("/agreement/draft", "draft-phone") })
        {
            await OpenAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{path} fits a phone's width");
            await ScreenshotAsync(name);
        }
    }
}
