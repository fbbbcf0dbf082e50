using System.Text.Json;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Agreements;

/// <summary>Two managers in two browsers edit the draft agreement at the same time; nobody's work is lost.</summary>
public sealed class DraftEditingTests(SmarketingApp app) : BrowserTest(app)
{
    [Fact]
    public async Task MarketingEditsPersonas_WhileSalesEditsResponseRules_AndBothSavesLand()
    {
        var sales = await NewPageInNewContextAsync();
        await SignInAsync(Page, "marketing@demo.test");
        await SignInAsync(sales, "sales.manager@demo.test");
        await OpenDraftAsync(Page);
        await OpenDraftAsync(sales);

        var persona = "IT Director " + Guid.NewGuid().ToString("N")[..4];
        var rule = "A-leads " + Guid.NewGuid().ToString("N")[..4];
        await OpenTabAsync(Page, "Buyer personas");
        await OpenTabAsync(sales, "Response rules");
        await SetAsync(Page.Locator("input[name='persona-0-name']"), persona);
        await SetAsync(sales.Locator("input[name='rule-0-name']"), rule);

        await Page.GetByTestId("save-Personas").ClickAsync();
        await sales.GetByTestId("save-ResponseRules").ClickAsync();

        await Expect(Page.GetByText("Buyer personas saved. Signatures, if any, were cleared.")).ToBeVisibleAsync();
        await Expect(sales.GetByText("Response rules saved. Signatures, if any, were cleared.")).ToBeVisibleAsync();
        await Expect(sales.GetByTestId("editor-ResponseRules").GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        var draft = await DraftAsync();
        draft.GetProperty("personas")[0].GetProperty("name").GetString().ShouldBe(persona);
        draft.GetProperty("responseRules").GetProperty("rules")[0].GetProperty("name").GetString().ShouldBe(rule);
        await Page.ShouldHaveNoAxeViolationsAsync("the draft editor");
        await ScreenshotAsync("draft-two-editors", sales);
    }

    [Fact]
    public async Task TwoManagersSavingTheCalendar_TheSecondSeesTheOthersChange_AndNothingIsOverwritten()
    {
        var sales = await NewPageInNewContextAsync();
        await SignInAsync(Page, "marketing@demo.test");
        await SignInAsync(sales, "sales.manager@demo.test");
        await OpenDraftAsync(Page);
        await OpenDraftAsync(sales);
        await OpenTabAsync(Page, "Business calendar");
        await OpenTabAsync(sales, "Business calendar");

        var zone = (await DraftAsync()).GetProperty("calendar").GetProperty("timeZone").GetString() == "America/Chicago" ? "America/Denver" : "America/Chicago";
        await SetAsync(Page.Locator("input[name='calendar-zone']"), zone);
        await Page.GetByTestId("save-Calendar").ClickAsync();
        await Expect(Page.GetByText("Business calendar saved. Signatures, if any, were cleared.")).ToBeVisibleAsync();

        // The other manager hears about it live, and saving over it is refused with the other's change in words.
        await Expect(sales.GetByTestId("live-notice")).ToBeVisibleAsync();
        await SetAsync(sales.Locator("input[name='calendar-zone']"), "Europe/Berlin");
        await sales.GetByTestId("save-Calendar").ClickAsync();
        var conflict = sales.GetByTestId("conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync(zone);
        await Expect(conflict).ToContainTextAsync("Europe/Berlin");
        await sales.ShouldHaveNoAxeViolationsAsync("a conflict on the draft editor");

        (await DraftAsync()).GetProperty("calendar").GetProperty("timeZone").GetString().ShouldBe(zone);

        // Taking theirs shows the first manager's change in the form.
        await sales.GetByRole(AriaRole.Button, new() { Name = "Discard mine, show theirs" }).ClickAsync();
        await Expect(sales.Locator("input[name='calendar-zone']")).ToHaveValueAsync(zone);
    }

    private async Task OpenDraftAsync(IPage page)
    {
        await OpenAsync("/agreement/draft", page);
        if (await page.GetByTestId("start-draft").CountAsync() > 0)
        {
            await page.GetByTestId("start-draft").ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Draft version");
    }

    private static async Task OpenTabAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = title })).ToHaveAttributeAsync("aria-selected", "true");
    }

    // Mud text fields take their value on change: type, then leave the field.
    private static async Task SetAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private async Task<JsonElement> DraftAsync()
    {
        using var client = App.CreateApiClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin");
        var response = await client.GetAsync(new Uri("/api/v1/agreement/draft", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
