using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>The later moves on the lead page: convert, won with an amount, lost with a reason, and the sales manager's reassignment.</summary>
public sealed class LeadOutcomeTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task ARepConvertsAnAcceptedLead_AndMarksItWonWithAnAmount()
    {
        var id = await _api.HandedOffAsync(LeadApi.Qualifying("Wanda", "Winner", "Closers Inc"));
        await _api.ClaimAsync(id, "demo-rep3");
        await _api.MoveAsync(id, "accept", "demo-rep3");

        await SignInAsync(Page, "rep3@demo.test");
        await OpenAsync($"/leads/{id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Convert to opportunity" }).ClickAsync();
        await Expect(StageBadge()).ToHaveTextAsync("SQL / opportunity");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark won…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark won" }).ClickAsync();
        await Expect(dialog.GetByLabel("Amount won")).ToHaveAccessibleDescriptionAsync("The amount won must be positive.");
        await Page.ShouldHaveNoAxeViolationsAsync("the won dialog with its message");

        await dialog.GetByLabel("Amount won").FillAsync("12500");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark won" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(StageBadge()).ToHaveTextAsync("Won");
        await Expect(Timeline().First).ToContainTextAsync("SQL / opportunity → Won");
        await Expect(Timeline().First).ToContainTextAsync("Amount: 12,500");
        await Expect(Page.Locator("section[aria-label=Actions] button")).ToHaveCountAsync(0);
        await ScreenshotAsync("lead-won");
    }

    [Fact]
    public async Task ARepMarksAnOpportunityLost_WithAReasonFromTheAgreementsLostList()
    {
        var id = await _api.HandedOffAsync(LeadApi.Qualifying("Lars", "Lost", "Pricey AG"));
        await _api.ClaimAsync(id, "demo-rep3");
        await _api.MoveAsync(id, "accept", "demo-rep3");
        await _api.MoveAsync(id, "convert", "demo-rep3");

        await SignInAsync(Page, "rep3@demo.test");
        await OpenAsync($"/leads/{id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark lost…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        var reasons = dialog.GetByRole(AriaRole.Combobox, new() { Name = "Lost reason" });
        await reasons.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option)).ToHaveTextAsync(["Price", "Chose a competitor", "No decision", "Timing", "Missing feature"]);
        await Page.GetByRole(AriaRole.Option, new() { Name = "Chose a competitor" }).ClickAsync();
        await Expect(reasons).ToContainTextAsync("Chose a competitor");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark lost" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(StageBadge()).ToHaveTextAsync("Lost");
        await Expect(Timeline().First).ToContainTextAsync("Why: Chose a competitor");
    }

    [Fact]
    public async Task TheSalesManagerReassignsALead_WithAReason_AndTheOldOwnerCanNoLongerActOnIt()
    {
        var name = "Rory Moved" + Guid.NewGuid().ToString("N")[..4];
        var id = await _api.HandedOffAsync(LeadApi.Qualifying("Rory", name.Split(' ')[1], "Handover plc"));
        await _api.ClaimAsync(id, "demo-rep1");

        await SignInAsync(Page, "sales.manager@demo.test");
        await OpenAsync($"/leads/{id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reassign…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "New owner" })).ToHaveAccessibleDescriptionAsync("Choose the rep who takes the lead over.");

        var owner = dialog.GetByRole(AriaRole.Combobox, new() { Name = "New owner" });
        await owner.ClickAsync();
        // Other tests add reps, so only what must be true: the current owner is not offered.
        await Expect(Page.GetByRole(AriaRole.Option).Filter(new() { HasText = "rep1@demo.test" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Option, new() { Name = "rep2@demo.test" }).ClickAsync();
        await Expect(owner).ToContainTextAsync("rep2@demo.test");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(dialog.GetByLabel("Why (required)")).ToHaveAccessibleDescriptionAsync("Say why the lead moves to another rep.");
        await Page.ShouldHaveNoAxeViolationsAsync("the reassign dialog with its message");
        await ScreenshotAsync("reassign-dialog");

        await dialog.GetByLabel("Why (required)").FillAsync("Riley is out next week");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=lead-owner]")).ToHaveTextAsync("Owner: rep2@demo.test");
        await Expect(Timeline().First).ToContainTextAsync("Reassigned");
        await Expect(Timeline().First).ToContainTextAsync("Why: Riley is out next week (from rep1@demo.test to rep2@demo.test)");

        var rep1 = await NewPageInNewContextAsync();
        await SignInAsync(rep1, "rep1@demo.test");
        await OpenAsync($"/leads/{id}", rep1);
        await Expect(rep1.Locator("section[aria-label=Actions]")).ToContainTextAsync("rep2@demo.test works this lead; only they can act on it.");
        await Expect(rep1.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true })).ToHaveCountAsync(0);
    }

    private ILocator StageBadge() => Page.Locator(".lead-header .stage-badge");

    private ILocator Timeline() => Page.Locator("[data-testid=timeline] > li");
}
