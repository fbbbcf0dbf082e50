using System.Net.Http.Json;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

public sealed class AdminUsersTests(SmarketingApp app) : BrowserTest(app)
{
    private ILocator Grid => Page.Locator("[aria-label=Users]");

    private ILocator GridRows => Grid.Locator("tbody tr.user-row");

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    [Fact]
    public async Task TheAdmin_AddsAUserInTheDialog_AndThatUserCanSignIn()
    {
        var email = $"new.person.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        const string displayName = "Nora Newcomer";
        const string password = "Welcome-2026!";
        await OpenUsersAsAdminAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the users page");
        await ScreenshotAsync("users");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("users-phone");
        await Page.SetViewportSizeAsync(1280, 800);

        await OpenAddUserDialogAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the users page with the add-user dialog open");
        await ScreenshotAsync("add-user-dialog");

        await Dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Dialog.GetByLabel("Display name", new() { Exact = true }).FillAsync(displayName);
        await Dialog.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sales rep", Exact = true }).CheckAsync();
        await Dialog.GetByLabel("Team (sales reps)", new() { Exact = true }).FillAsync("East");
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Add user", Exact = true }).ClickAsync();

        await Expect(Dialog).ToHaveCountAsync(0);
        var row = GridRows.Filter(new() { HasText = email });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(displayName);
        await Expect(row).ToContainTextAsync("Sales rep");
        await Expect(row).ToContainTextAsync("Active");
        await ScreenshotAsync("user-added");
        BrowserErrors.ShouldBeEmpty();

        // Someone else, on another machine: the new person signs in with what the admin set.
        var newcomer = await NewPageInNewContextAsync();
        await SignInAsync(newcomer, email, password);
        await Expect(newcomer.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(displayName);
        await Expect(newcomer.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("Sales rep");
        await ScreenshotAsync("new-user-home", newcomer);
    }

    [Fact]
    public async Task SubmittingTheAddUserDialogEmptyOrInvalid_ShowsAMessageNextToEachBadField_AndAddsNobody()
    {
        var usersBefore = await CountUsersThroughTheApiAsync();
        await OpenUsersAsAdminAsync();
        var rowsBefore = await GridRows.CountAsync();
        await OpenAddUserDialogAsync();
        var submit = Dialog.GetByRole(AriaRole.Button, new() { Name = "Add user", Exact = true });

        // Nothing filled in.
        await submit.ClickAsync();
        await Expect(MessageAfterField("Email")).ToHaveTextAsync("Email is required.");
        await Expect(MessageAfterField("DisplayName")).ToHaveTextAsync("Display name is required.");
        await Expect(MessageAfterField("Password")).ToHaveTextAsync("Password is required.");
        await Expect(MessageAfterRoles()).ToHaveTextAsync("Choose at least one role.");
        await Expect(Dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need attention");
        await ScreenshotAsync("add-user-empty");

        // A malformed email and a weak password, still no role; the display name is now fine.
        await Dialog.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-email");
        await Dialog.GetByLabel("Display name", new() { Exact = true }).FillAsync("Someone Valid");
        await Dialog.GetByLabel("Password", new() { Exact = true }).FillAsync("weak");
        await submit.ClickAsync();
        await Expect(MessageAfterField("Email")).ToHaveTextAsync("Email must be an address like name@company.com.");
        await Expect(MessageAfterField("DisplayName")).ToHaveCountAsync(0);
        await Expect(MessageAfterField("Password")).ToHaveCountAsync(1);
        (await MessageAfterField("Password").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await Expect(MessageAfterRoles()).ToHaveTextAsync("Choose at least one role.");
        await Page.ShouldHaveNoAxeViolationsAsync("the add-user dialog showing validation messages");
        await ScreenshotAsync("add-user-invalid");

        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
        await Expect(GridRows).ToHaveCountAsync(rowsBefore);
        (await CountUsersThroughTheApiAsync()).ShouldBe(usersBefore);
    }

    private async Task OpenUsersAsAdminAsync()
    {
        await SignInAsync(Page, "admin@demo.test");
        await OpenAsync("/admin/users");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Expect(GridRows.Filter(new() { HasText = "admin@demo.test" })).ToHaveCountAsync(1);
    }

    private async Task OpenAddUserDialogAsync()
    {
        await Page.Locator("[data-testid=add-user]").ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
        await Expect(Dialog.GetByText("Add user").First).ToBeVisibleAsync();
        await Expect(Dialog.GetByLabel("Email", new() { Exact = true })).ToBeEditableAsync();
    }

    // The message the form shows right below a field (in the field's helper line).
    private ILocator MessageAfterField(string inputName) =>
        Dialog.Locator($".mud-input-control:has(input[name='{inputName}']) .mud-input-helper-text.mud-input-error");

    private ILocator MessageAfterRoles() => Dialog.Locator("fieldset.role-checklist + div.validation-message");

    private async Task<int> CountUsersThroughTheApiAsync()
    {
        using var api = App.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin");
        var users = await api.GetFromJsonAsync<List<ApiUser>>("/api/v1/users", TestContext.Current.CancellationToken);
        return users.ShouldNotBeNull().Count;
    }

    private sealed record ApiUser(string Email, string DisplayName, List<string> Roles, bool Active);
}
