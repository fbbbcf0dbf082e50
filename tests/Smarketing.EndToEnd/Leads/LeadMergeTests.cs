using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>A marketing manager merges one demo lead into another in the browser, and both pages say what happened.</summary>
public sealed class LeadMergeTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task A_marketing_manager_merges_a_duplicate_into_a_lead_and_the_lead_shows_both_histories()
    {
        var (survivor, duplicate) = await TwoDemoLeadsMarketingHoldsAsync();
        var duplicateEmail = duplicate.GetProperty("email").GetString()!;
        var survivorId = survivor.GetProperty("id").GetGuid();
        var duplicateId = duplicate.GetProperty("id").GetGuid();
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync($"/leads/{survivorId}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Merge a duplicate into this lead…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name, email or company").FillAsync(duplicateEmail);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await dialog.Locator("[aria-label='Leads found'] button").First.ClickAsync();
        await Expect(dialog.Locator("[data-testid=merge-table]")).ToContainTextAsync(duplicateEmail);
        await Page.ShouldHaveNoAxeViolationsAsync("the merge dialog comparing two leads");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("comparison-phone");
        await Page.SetViewportSizeAsync(1366, 900);
        await ScreenshotAsync("comparison");

        var takesCompany = survivor.GetProperty("company").GetString() != duplicate.GetProperty("company").GetString();
        if (takesCompany)
        {
            await dialog.GetByLabel("Take the duplicate's company", new() { Exact = true }).CheckAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Merge into this lead" }).ClickAsync();

        await Expect(Page.Locator("[data-testid=action-status]")).ToContainTextAsync("Merged");
        await Expect(Page.Locator("[data-testid=merged-source]").First).ToContainTextAsync(duplicateEmail);
        if (takesCompany)
        {
            await Expect(Page.Locator(".lead-subtitle")).ToContainTextAsync(duplicate.GetProperty("company").GetString()!);
        }

        await Page.ShouldHaveNoAxeViolationsAsync("a lead with a merged duplicate's history");
        await ScreenshotAsync("survivor");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("survivor-phone");

        await OpenAsync($"/leads/{duplicateId}");
        var notice = Page.Locator("[data-testid=merged-notice]");
        await Expect(notice).ToContainTextAsync("marketing@demo.test merged this lead on");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Merge a duplicate into this lead…" })).ToHaveCountAsync(0);
        await Page.ShouldHaveNoAxeViolationsAsync("a merged duplicate's page");
        await ScreenshotAsync("duplicate-phone");
        await notice.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/leads/{survivorId}$"));
        (await _api.GetAsync(duplicateId)).GetProperty("stage").GetString().ShouldBe("merged");
        BrowserErrors.ShouldBeEmpty();
    }

    /// <summary>Two of the demo data's leads marketing never handed off: the survivor, and the duplicate merged into it.</summary>
    private async Task<(JsonElement Survivor, JsonElement Duplicate)> TwoDemoLeadsMarketingHoldsAsync()
    {
        using var api = App.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", LeadApi.Marketing);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/leads?stage=new&pageSize=50", TestContext.Current.CancellationToken);
        var demo = page.GetProperty("items").EnumerateArray().Where(l => !l.GetProperty("email").GetString()!.EndsWith("@e2e.example", StringComparison.Ordinal)).ToList();
        demo.Count.ShouldBeGreaterThanOrEqualTo(2, "the demo data has at least two new leads");
        return (demo[0], demo[1]);
    }
}
