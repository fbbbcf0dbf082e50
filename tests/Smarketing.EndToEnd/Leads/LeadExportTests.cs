using System.Text;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>The lead list's Export CSV button: the file a marketing manager downloads holds what the filter shows.</summary>
public sealed class LeadExportTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task Export_csv_downloads_todays_file_with_the_filtered_leads_and_their_events()
    {
        var company = $"Downloadco {Guid.NewGuid().ToString("N")[..8]}";
        var handedOff = await _api.HandedOffAsync(LeadApi.Qualifying("Dora", "Download", company));
        await _api.CreateAsync(LeadApi.NotQualifying("Nina", "Notshown", company));
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads");

        await Page.GetByLabel("Search name, email or company").FillAsync(company);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("[aria-label='Leads'] tr.data-row")).ToHaveCountAsync(2);
        await Page.GetByTestId("lead-stage").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Handed off" }).ClickAsync();
        await Expect(Page.Locator("[aria-label='Leads'] tr.data-row")).ToHaveCountAsync(1);
        await Page.ShouldHaveNoAxeViolationsAsync("the lead list filtered");
        await ScreenshotAsync("lead-list-export");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("lead-list-export-phone");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());

        download.SuggestedFilename.ShouldMatch(@"^leads-\d{4}-\d{2}-\d{2}\.csv$");
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8, TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("lead_id,external_id,email,first_name,last_name,company");
        lines.Skip(1).ShouldAllBe(line => line.StartsWith(handedOff.ToString(), StringComparison.Ordinal));
        lines.Skip(1).Select(line => line.Split(',')[20]).ShouldBe(["Created", "HandedOff"]);
        lines.ShouldNotContain(line => line.Contains("Notshown", StringComparison.Ordinal));
        BrowserErrors.ShouldBeEmpty();
    }
}
