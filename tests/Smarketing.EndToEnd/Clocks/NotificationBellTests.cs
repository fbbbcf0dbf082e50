using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using Smarketing.EndToEnd.Leads;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Clocks;

/// <summary>
/// The bell in the app bar counts a clock turning at risk without a reload, lists it, and leads to the notifications
/// page; the sales manager's watch list shows the lead at risk. Runs on an app whose clock the test moves forward.
/// </summary>
public sealed class NotificationBellTests(ShiftedClockApp app) : BrowserTest(app), IClassFixture<ShiftedClockApp>
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task TheBell_CountsALeadTurningAtRisk_WithoutAReload_ListsIt_AndLeadsToTheNotificationsPage()
    {
        var lead = await _api.HandedOffAsync(LeadApi.Qualifying("Bella", "Bellringer", "Chimes Ltd"));
        await _api.ClaimAsync(lead, "demo-rep1");
        var atRiskAt = (await FirstContactTimerAsync(lead)).GetProperty("atRiskAt").GetDateTimeOffset();

        await SignInAsync(Page, "rep1@demo.test");
        await OpenAsync("/");
        var bell = Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Notifications: \d+ unread$") });
        await Expect(bell).ToBeVisibleAsync();
        var before = int.Parse((await bell.GetAttributeAsync("aria-label"))!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        await Page.EvaluateAsync("() => window.__watching = true");

        app.MoveTo(atRiskAt);

        // Other demo leads of rep1 may turn at risk in the same jump of the clock; Bella's is at least one more.
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", $"Notifications: {before} unread", new() { Timeout = 10_000 });
        var after = int.Parse((await bell.GetAttributeAsync("aria-label"))!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        after.ShouldBeGreaterThan(before);
        (await Page.EvaluateAsync<bool>("() => window.__watching === true")).ShouldBeTrue("the page was not reloaded");

        await bell.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var menu = Page.GetByRole(AriaRole.Menu);
        await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "At risk: Bella Bellringer" })).ToHaveCountAsync(1);
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        await ScreenshotAsync("bell-open");

        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "See all notifications" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/notifications$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("li.unread", new() { HasText = "At risk: Bella Bellringer" })).ToBeVisibleAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the notifications page");
        await ScreenshotAsync("notifications");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("notifications-phone");
        await Page.SetViewportSizeAsync(1280, 800);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Expect(Page.Locator("li.unread")).ToHaveCountAsync(0);
        await OpenAsync("/notifications");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications: 0 unread");
        BrowserErrors.ShouldBeEmpty();

        var manager = await NewPageInNewContextAsync();
        await SignInAsync(manager, "sales.manager@demo.test");
        await OpenAsync("/sla/watch", manager);
        var row = manager.Locator("tr", new() { HasText = "Bella Bellringer" });
        await Expect(row.Locator(".timer-badge")).ToHaveAttributeAsync("data-status", "AtRisk");
        await Expect(row.Locator(".timer-badge")).ToHaveTextAsync("At risk");
        // The manager chose no zone: deadlines read on the agreement calendar's clock, and the column says which.
        await Expect(manager.GetByRole(AriaRole.Columnheader, new() { Name = "Due (America/New_York)" })).ToBeVisibleAsync();
        await manager.ShouldHaveNoAxeViolationsAsync("the SLA watch list");
        await ScreenshotAsync("sla-watch", manager);
        await manager.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("sla-watch-phone", manager);
    }

    private async Task<JsonElement> FirstContactTimerAsync(Guid lead)
    {
        using var api = App.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", "demo-rep1");
        var timers = await api.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{lead}/sla", TestContext.Current.CancellationToken);
        return timers.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "firstContact").Clone();
    }
}
