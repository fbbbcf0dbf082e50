using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Smarketing.Domain.Common;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

public sealed class ApiKeysTests(SmarketingApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AKeyCreatedOnMyApiKeys_IsShownOnce_WorksForTheApi_AndStopsWorkingOnceRevoked()
    {
        var email = await App.CreateUserAsync(Roles.MarketingManager, displayName: "Kim Keyholder");
        var keyName = "Website form " + Guid.NewGuid().ToString("N")[..6];
        await SignInAsync(Page, email);
        await OpenAsync("/settings/api-keys");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "My API keys", Level = 1 })).ToBeVisibleAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("My API keys");
        await ScreenshotAsync("api-keys-empty");

        await Page.GetByLabel("New key name").FillAsync(keyName);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var secretBox = Page.Locator("[data-testid=new-api-key]");
        await Expect(secretBox).ToBeVisibleAsync();
        var secret = (await secretBox.InnerTextAsync()).Trim();
        secret.ShouldNotBeNullOrWhiteSpace();
        var row = Page.Locator("[aria-label='API keys'] tbody tr.key-row").Filter(new() { HasText = keyName });
        await Expect(row).ToContainTextAsync("Active");
        (await row.InnerTextAsync()).ShouldNotContain(secret, customMessage: "the list shows a key's prefix, never the whole secret");
        await Page.ShouldHaveNoAxeViolationsAsync("My API keys showing a new key");
        await ScreenshotAsync("api-key-created");

        var me = await CallMeAsync(secret);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await me.Content.ReadFromJsonAsync<Me>(TestContext.Current.CancellationToken);
        body.ShouldNotBeNull().Email.ShouldBe(email);
        body.DisplayName.ShouldBe("Kim Keyholder");
        body.Roles.ShouldBe([Roles.MarketingManager]);

        // Shown once: after a reload the secret is gone from the page.
        await OpenAsync("/settings/api-keys");
        await Expect(Page.Locator("[aria-label='API keys'] tbody tr.key-row").Filter(new() { HasText = keyName })).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-testid=new-api-key]")).ToHaveCountAsync(0);
        (await Page.ContentAsync()).ShouldNotContain(secret);

        row = Page.Locator("[aria-label='API keys'] tbody tr.key-row").Filter(new() { HasText = keyName });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke key {keyName}" }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("Revoke this key?");
        await ScreenshotAsync("revoke-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("Revoked");
        await ScreenshotAsync("api-key-revoked");

        (await CallMeAsync(secret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> CallMeAsync(string key)
    {
        using var api = App.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Api-Key", key);
        var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private sealed record Me(string Email, string DisplayName, List<string> Roles);
}
