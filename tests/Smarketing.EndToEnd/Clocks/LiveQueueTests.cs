using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using Smarketing.EndToEnd.Leads;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Clocks;

/// <summary>
/// A rep watching My leads sees a lead turn "at risk" at its minute, without reloading: the SLA monitor marks the
/// timer, the rep's notification reaches the open page, and the queue redraws. Runs on an app of its own whose clock
/// the test moves forward, so three business hours pass in a moment whatever the time of day.
/// </summary>
public sealed class LiveQueueTests(ShiftedClockApp app) : BrowserTest(app), IClassFixture<ShiftedClockApp>
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task ARepWatchingTheirQueue_SeesALeadTurnAtRisk_WithoutReloading()
    {
        var lead = await _api.HandedOffAsync(LeadApi.Qualifying("Wanda", "Watched", "Clockwork Ltd"));
        await _api.ClaimAsync(lead, "demo-rep1");
        var firstContact = await FirstContactTimerAsync(lead);
        var atRiskAt = firstContact.GetProperty("atRiskAt").GetDateTimeOffset();
        firstContact.GetProperty("status").GetString().ShouldBe("running");

        await SignInAsync(Page, "rep1@demo.test");
        await OpenAsync("/my-leads");
        var badge = Page.Locator("[aria-label='My open leads'] tr", new() { HasText = "Wanda Watched" }).Locator(".timer-badge");
        await Expect(badge).ToHaveAttributeAsync("data-status", "Running");
        await Expect(badge).ToHaveTextAsync("On track");
        await Page.EvaluateAsync("() => window.__watching = true");

        app.MoveTo(atRiskAt.AddMinutes(-1));
        await Page.WaitForTimeoutAsync(1_000);
        await Expect(badge).ToHaveAttributeAsync("data-status", "Running");

        app.MoveTo(atRiskAt);

        // Well inside the page's 30-second redraw: the monitor's notification is what redraws it.
        await Expect(badge).ToHaveAttributeAsync("data-status", "AtRisk", new() { Timeout = 10_000 });
        await Expect(badge).ToHaveTextAsync("At risk");
        (await Page.EvaluateAsync<bool>("() => window.__watching === true")).ShouldBeTrue("the page was not reloaded");
        (await FirstContactTimerAsync(lead)).GetProperty("status").GetString().ShouldBe("atRisk");
        await ScreenshotAsync("queue-lead-turned-at-risk");
    }

    [Fact]
    public async Task ARepsQueue_NamesTheDeadlinesTimeZone_AndABreachedDeadlineSaysWasDue()
    {
        var lead = await _api.HandedOffAsync(LeadApi.Qualifying("Bruno", "Behind", "Latecomers GmbH"));
        await _api.ClaimAsync(lead, "demo-rep1");
        var dueAt = (await FirstContactTimerAsync(lead)).GetProperty("dueAt").GetDateTimeOffset();

        await SignInAsync(Page, "rep1@demo.test");
        await OpenAsync("/my-leads");
        var row = Page.Locator("[aria-label='My open leads'] tr", new() { HasText = "Bruno Behind" });
        // A rep who chose no zone reads deadlines on the agreement calendar's zone, named, never a bare UTC.
        await Expect(Page.Locator(".lead-in")).ToContainTextAsync("Deadlines are in America/New_York.");
        await Expect(row.Locator(".deadline")).ToContainTextAsync("First contact by ");

        app.MoveTo(dueAt);

        await Expect(row.Locator(".timer-badge")).ToHaveAttributeAsync("data-status", "Breached", new() { Timeout = 10_000 });
        await Expect(row.Locator(".deadline")).ToContainTextAsync("First contact was due ");

        // On a phone each lead is a card: the breached one still says so, and nothing runs off the side of the page.
        await Page.SetViewportSizeAsync(390, 844);
        await Expect(row.Locator(".timer-badge")).ToHaveTextAsync("Breached");
        (await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("My leads fits a phone's width");
        await ScreenshotAsync("my-leads-phone");
    }

    [Fact]
    public async Task ALeadRejectedBeforeAnyContact_ReadsOnItsPageAsNoContactMade_NotAsAContactThatTookItsTime()
    {
        var lead = await _api.HandedOffAsync(LeadApi.Qualifying("Nora", "Nevercalled", "Silent Partners"));
        await _api.ClaimAsync(lead, "demo-rep1");
        await _api.RejectAsync(lead, "demo-rep1");

        await SignInAsync(Page, "rep1@demo.test");
        await OpenAsync($"/leads/{lead}");

        var firstContact = Page.GetByTestId("timer-FirstContact");
        await Expect(firstContact).ToContainTextAsync("No contact was made before the lead left sales: it was rejected back to marketing after");
        await Expect(firstContact).Not.ToContainTextAsync("took");
        await Expect(Page.GetByTestId("timer-FollowUp")).ToContainTextAsync(new Regex(@"Ended after 0 of \d+ attempts, when the lead was rejected back to marketing\."));
        await Page.ShouldHaveNoAxeViolationsAsync("a rejected lead's page");
        await ScreenshotAsync("lead-rejected-without-contact");
    }

    private async Task<JsonElement> FirstContactTimerAsync(Guid lead)
    {
        using var api = App.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", "demo-rep1");
        var timers = await api.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{lead}/sla", TestContext.Current.CancellationToken);
        return timers.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "firstContact").Clone();
    }
}
